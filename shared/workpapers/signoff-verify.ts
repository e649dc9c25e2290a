/**
 * Verifying a signed workpaper from its own cells (what `audit-workbench verify` runs): every
 * digest is recomputed from the visible checklist, findings and cover cells with the reveals
 * of the meta sheet (`signing-meta.ts`), and every signature is checked over the content so
 * rebuilt (or, for a sign-off that was already stale or superseded at export, over the
 * content the file kept), with the statement of who, which level and when, and the signer's
 * trust when a list of trusted signers is given. Pure: the caller reads the file.
 */
import { RESULTS, RESULT_LABELS } from '../domain/inspection';
import {
  CATEGORY_LABELS,
  FINDING_CATEGORIES,
  FINDING_STATUSES,
  SEVERITIES,
  SEVERITY_LABELS,
  STATUS_LABELS,
} from '../domain/inspection';
import type { Bilingual } from '../domain/inspection/text';
import { formatDate, type IsoDate, type IsoInstant } from '../domain/dates';
import {
  COVER_TEXT_FIELDS,
  FINDING_TEXT_FIELDS,
  ITEM_TEXT_FIELDS,
  changedFields,
  digestOf,
  inspectionContent,
  itemContent,
  jcs,
  signedContentSchema,
  type FindingFields,
  type InspectionContent,
  type ItemContent,
  type SignedContent,
  type TextField,
} from '../signoff/digest';
import { subjectKey, type Signoff, type TrustedSigner } from '../signoff/records';
import { basisOf, checkSignoff, checkUnlock } from '../signoff/signing';
import { contentFacts, currentSignoff, levelStatus, type SignoffState } from '../signoff/state';
import { COVER } from './labels';
import type { WorkpaperMeta } from './meta';
import type { FindingReveal, Reveal, SigningMeta } from './signing-meta';

type Grid = readonly (readonly unknown[])[];

export type SignoffStatus =
  /** Signature, statement and trust hold, and the file's content is what was signed. */
  | 'valid'
  /** Already edited after sign-off when exported (the workpaper says so); signature holds. */
  | 'stale'
  /** An older sign-off, replaced by a later one at the same level; kept as history. */
  | 'superseded'
  /** The file's content no longer matches what was signed: a cell or entry was changed. */
  | 'altered'
  /** The signature, or the statement it carries, does not hold. */
  | 'invalid'
  /** The key is not in the trusted signers given, or was used after its retirement. */
  | 'untrusted';

export interface SignoffReport {
  subject: string;
  level: number;
  role: string;
  signer: string;
  fingerprint: string;
  signedAt: string;
  digest: string;
  status: SignoffStatus;
  /** For a stale or altered sign-off: what differs between the signed and the file's content. */
  changed: string[];
  detail: string | null;
}

export interface SignoffVerification {
  signoffs: SignoffReport[];
  unlocks: { signer: string; fingerprint: string; at: string; reason: string; ok: boolean }[];
  /** Problems that fail the check (`verify` exits non-zero), each naming what it is about. */
  problems: string[];
  /** Text fields shown masked, so checked by their commitment only. */
  commitmentOnly: number;
  /** The content the file shows now, per item and for the inspection: what `--export` writes. */
  contents: { items: Map<string, ItemContent>; inspection: InspectionContent };
}

const labelMap = <K extends string>(keys: readonly K[], labels: Readonly<Record<K, Bilingual>>) => {
  const map = new Map<string, K>();
  for (const key of keys) {
    map.set(labels[key]['zh-TW'], key);
    map.set(labels[key].en, key);
  }
  return map;
};
const RESULT_BY_LABEL = labelMap(RESULTS, RESULT_LABELS);
const SEVERITY_BY_LABEL = labelMap(SEVERITIES, SEVERITY_LABELS);
const CATEGORY_BY_LABEL = labelMap(FINDING_CATEGORIES, CATEGORY_LABELS);
const STATUS_BY_LABEL = labelMap(FINDING_STATUSES, STATUS_LABELS);

function cellText(cell: unknown): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'object') {
    if ('date' in cell && typeof cell.date === 'string') return cell.date;
    if ('text' in cell && typeof cell.text === 'string') return cell.text;
    return jcs(cell);
  }
  return typeof cell === 'string' ? cell : JSON.stringify(cell);
}

/** A drop-down label back to its code; anything else kept as typed, so the digest differs. */
function code(map: ReadonlyMap<string, string>, cell: unknown): string | null {
  const text = cellText(cell);
  if (text === '') return null;
  return map.get(text) ?? `unrecognised:${text}`;
}

function dateOf(cell: unknown): string | null {
  const text = cellText(cell);
  return text === '' ? null : text;
}

/** Where each record's row and each column's cell is, from the meta sheet. */
class CellReader {
  constructor(
    private readonly meta: WorkpaperMeta,
    private readonly sheets: ReadonlyMap<string, Grid | null>,
  ) {}

  sheet(role: string) {
    const entry = this.meta.sheets.find((s) => s.role === role);
    return entry === undefined ? undefined : { entry, grid: this.sheets.get(entry.name) ?? null };
  }

  /** The record row's cells by column key; all empty when the sheet or row is missing. */
  row(role: 'checklist' | 'findings', key: string): (column: string) => unknown {
    const found = this.sheet(role);
    const table = role === 'checklist' ? 'itemResults' : 'findings';
    const row = this.meta.rows.find(
      (r) => r.table === table && r.key === key && r.sheet === found?.entry.name,
    );
    const cells = row === undefined ? undefined : found?.grid?.[row.row - 1];
    return (column) => {
      const index = found?.entry.columns.findIndex((c) => c.key === column) ?? -1;
      return index < 0 ? null : (cells?.[index] ?? null);
    };
  }

  /** The cover's value beside a label. */
  cover(label: Bilingual): unknown {
    const grid = this.sheet('cover')?.grid;
    const text = label[this.meta.header.lang];
    return grid?.find((line) => line[0] === text)?.[1] ?? null;
  }
}

interface Rebuild {
  problems: string[];
  commitmentOnly: number;
}

function textField(reveal: Reveal, cell: unknown, where: string, out: Rebuild): TextField {
  const text = cellText(cell);
  if ('salt' in reveal) return { text, salt: reveal.salt };
  out.commitmentOnly++;
  // Only a cell that shows masking (or a cut) may be checked by its commitment alone: anything
  // else could be an edit whose salt was swapped for the commitment of the signed text.
  if (!text.includes('*') && !text.includes('…')) {
    out.problems.push(`${where}: shown unmasked but only its commitment is given`);
  }
  return { commitment: reveal.commitment };
}

function textFields<K extends string>(
  keys: readonly K[],
  reveals: Readonly<Record<K, Reveal>>,
  cell: (key: K) => unknown,
  where: string,
  out: Rebuild,
): Record<K, TextField> {
  const fields = {} as Record<K, TextField>;
  for (const key of keys) fields[key] = textField(reveals[key], cell(key), `${where}.${key}`, out);
  return fields;
}

function findingFields(reveal: FindingReveal, reader: CellReader, out: Rebuild): FindingFields {
  const cell = reader.row('findings', reveal.id);
  return {
    id: reveal.id,
    text: textFields(FINDING_TEXT_FIELDS, reveal.text, cell, `finding ${reveal.id}`, out),
    severity: code(SEVERITY_BY_LABEL, cell('severity')) ?? '',
    category: code(CATEGORY_BY_LABEL, cell('category')) ?? '',
    status: code(STATUS_BY_LABEL, cell('status')) ?? '',
    raisedOn: dateOf(cell('raisedOn')) ?? '',
    dueDate: dateOf(cell('dueDate')),
    closedOn: dateOf(cell('closedOn')),
    closingEvidence: reveal.closingEvidence,
  };
}

/** The content the file shows now, rebuilt from its cells and the reveals. */
export function rebuildContents(
  meta: WorkpaperMeta,
  signing: SigningMeta,
  sheets: ReadonlyMap<string, Grid | null>,
): { items: Map<string, ItemContent>; inspection: InspectionContent } & Rebuild {
  const reader = new CellReader(meta, sheets);
  const out: Rebuild = { problems: [], commitmentOnly: 0 };
  const inspectionId = meta.header.inspectionId;
  const items = new Map<string, ItemContent>();
  for (const entry of signing.signed) {
    const cell = reader.row('checklist', entry.itemId);
    const content = itemContent({
      inspectionId,
      itemId: entry.itemId,
      result: code(RESULT_BY_LABEL, cell('result')),
      text: textFields(ITEM_TEXT_FIELDS, entry.text, cell, `item ${entry.itemId}`, out),
      evidence: entry.evidence,
      findings: entry.findings.map((f) => findingFields(f, reader, out)),
    });
    // The content is only as good as the schema says (e.g. findings with a date cell emptied).
    const parsed = signedContentSchema.safeParse(content);
    items.set(entry.itemId, parsed.success ? (parsed.data as ItemContent) : content);
  }
  const { cover } = signing.signing;
  const coverCells: Record<(typeof COVER_TEXT_FIELDS)[number], unknown> = {
    entity: reader.cover(COVER.entity),
    title: reader.cover(COVER.inspection),
    scope: reader.cover(COVER.scope),
  };
  const { lang, calendar } = meta.header;
  const period = `${formatDate(cover.periodStart as IsoDate, { calendar, lang })} – ${formatDate(cover.periodEnd as IsoDate, { calendar, lang })}`;
  if (cellText(reader.cover(COVER.period)) !== period) {
    out.problems.push('cover: the period shown is not the period signed');
  }
  if (cellText(reader.cover(COVER.libraryVersion)) !== cover.libraryVersion) {
    out.problems.push('cover: the library version shown is not the one signed');
  }
  const inspection = inspectionContent({
    inspectionId,
    cover: textFields(COVER_TEXT_FIELDS, cover.text, (k) => coverCells[k], 'cover', out),
    periodStart: cover.periodStart,
    periodEnd: cover.periodEnd,
    libraryVersion: cover.libraryVersion,
    items: [...items.values()].map((item) => ({ itemId: item.itemId, digest: digestOf(item) })),
    findings: signing.signing.findings.map((f) => findingFields(f, reader, out)),
  });
  return { items, inspection, ...out };
}

const DUMMY_KEY = `${'A'.repeat(43)}=`;

/** Checks every sign-off and unlock of a signed workpaper against its own cells. */
/**
 * Without a list of trusted signers every key in the file counts (for any role, each key its
 * own person), so the check is of signatures and digests alone.
 */
function everyKeyOf(signoffs: readonly Signoff[]): TrustedSigner[] {
  const byKey = new Map(signoffs.map((s) => [s.signer.fingerprint, s.signer]));
  return [...byKey.values()].map((signer) => ({
    personId: signer.fingerprint,
    name: signer.name,
    role: null,
    fingerprint: signer.fingerprint,
    publicKey: signer.publicKey,
    addedBy: signer.name,
    addedAt: '1970-01-01T00:00:00.000Z' as IsoInstant,
    retiredAt: null,
    replacedBy: null,
  }));
}

export async function verifySignedWorkpaper(
  meta: WorkpaperMeta,
  sheets: ReadonlyMap<string, Grid | null>,
  signers: readonly TrustedSigner[] | null,
): Promise<SignoffVerification> {
  const signing = meta.signing;
  if (signing === undefined) throw new RangeError('the workpaper carries no sign-offs');
  const rebuilt = rebuildContents(meta, signing, sheets);
  const contents = { items: rebuilt.items, inspection: rebuilt.inspection };
  const problems = [...rebuilt.problems];
  const currentOf = (s: Pick<Signoff, 'subject'>): SignedContent | undefined =>
    s.subject.kind === 'item' ? contents.items.get(s.subject.itemId) : contents.inspection;

  const signoffs: Signoff[] = signing.signoffs.map((entry) => {
    const now = currentOf(entry);
    return { ...entry, content: entry.content ?? (now === undefined ? '{}' : jcs(now)) };
  });
  const state: SignoffState = {
    policy: {
      inspectionId: meta.header.inspectionId,
      roles: signing.signing.roles.map((r) => ({ key: r.key, name: r.name })),
      digestKey: DUMMY_KEY,
    },
    signoffs,
    notes: [],
    unlocks: signing.unlocks,
    signers: signers ?? everyKeyOf(signoffs),
    ...contentFacts(contents),
  };

  const reports: SignoffReport[] = [];
  for (const [i, signoff] of signoffs.entries()) {
    const entry = signing.signoffs[i];
    const report = await judgeSignoff(
      state,
      currentOf(signoff),
      signoff,
      entry?.content !== undefined,
      signers,
    );
    reports.push(report);
    const current = currentSignoff(state, signoff.subject, signoff.level) === signoff;
    if (report.status !== 'valid' && (current || report.status !== 'superseded')) {
      problems.push(
        `${report.subject} level ${report.level} (${report.role}) by ${report.signer}: ${report.status}${report.detail === null ? '' : ` — ${report.detail}`}`,
      );
    }
  }
  const unlocks = [];
  for (const unlock of signing.unlocks) {
    const ok = (await checkUnlock(unlock)).ok;
    if (!ok) problems.push(`unlock by ${unlock.signer.name} at ${unlock.at}: invalid signature`);
    unlocks.push({
      signer: unlock.signer.name,
      fingerprint: unlock.signer.fingerprint,
      at: unlock.at,
      reason: unlock.reason,
      ok,
    });
  }
  return { signoffs: reports, unlocks, problems, commitmentOnly: rebuilt.commitmentOnly, contents };
}

async function judgeSignoff(
  state: SignoffState,
  current: SignedContent | undefined,
  signoff: Signoff,
  keptContent: boolean,
  signers: readonly TrustedSigner[] | null,
): Promise<SignoffReport> {
  const base = {
    subject: subjectKey(signoff.subject),
    level: signoff.level,
    role: signoff.roleName,
    signer: signoff.signer.name,
    fingerprint: signoff.signer.fingerprint,
    signedAt: signoff.signedAt,
    digest: signoff.digest,
  };
  const report = (status: SignoffStatus, detail: string | null, changed: string[] = []) => ({
    ...base,
    status,
    changed,
    detail,
  });
  const now = current === undefined ? undefined : digestOf(current);
  if (now === undefined) return report('altered', 'the signed item is not in the file');
  // Rebuilt from the file, yet not what was signed: the file changed after export.
  if (!keptContent && signoff.digest !== now) {
    return report('altered', `the content in the file no longer matches its digest`);
  }
  const check = await checkSignoff(signoff, signers);
  if (!check.ok) {
    const untrusted = check.problem === 'unknown-signer' || check.problem === 'retired-key';
    return report(untrusted ? 'untrusted' : 'invalid', check.detail);
  }
  if (signoff.subject.kind === 'inspection') {
    const basis = basisOf(state.signoffs, signoff.inspectionId, signoff.level, signoff.signedAt);
    if (basis !== signoff.basis) {
      return report(
        'altered',
        'an item sign-off this inspection sign-off rests on is missing or changed',
      );
    }
  }
  if (currentSignoff(state, signoff.subject, signoff.level) !== signoff) {
    return report('superseded', null);
  }
  const status = levelStatus(state, signoff.subject, signoff.level);
  if (status.status === 'valid') return report('valid', null);
  if (status.status === 'stale' && status.staleBecause === 'unlocked') {
    return report('stale', 'the inspection was unlocked after this sign-off');
  }
  const signed = signedContentSchema.parse(JSON.parse(signoff.content));
  return report(
    'stale',
    'edited after sign-off',
    current === undefined ? [] : changedFields(signed, current),
  );
}
