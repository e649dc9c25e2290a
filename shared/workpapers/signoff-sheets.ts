/**
 * What a signed workpaper adds (issue 12): the sign-off rows of the cover, the 簽核紀錄 /
 * Sign-offs sheet (every sign-off of every item and of the inspection, its level, signer,
 * date, fingerprint and status), and the signing entries of the hidden `_aw_meta` sheet from
 * which `audit-workbench verify` recomputes every digest out of the file's own visible cells:
 *
 * - `signing`: the roles, the cover's ISO period and library version, and how each signed
 *   text field is revealed (see `reveal`), for the cover and for findings outside the checklist;
 * - `signed`: one per checklist item: how its text fields and its findings' are revealed, and
 *   the SHA-256 and size of their evidence files (not in any visible cell);
 * - `signoff`: one per sign-off, the record as the vault holds it; the signed content is left
 *   out when it is the content the file shows now (the verifier rebuilds it from the cells)
 *   and kept otherwise (stale or superseded sign-offs), so every signature can be checked;
 * - `unlock`: the approver's signed unlocks.
 *
 * A text field is revealed by its salt when its visible cell is exactly the signed text, so
 * anyone can recompute the commitment, and by its commitment only when the cell shows it
 * otherwise (masked personal data, or text cleaned for the file): the salt would let anyone
 * test guesses of the masked digits against the commitment.
 */
import { formatDate, formatDateTime, localDateOf, type IsoInstant } from '../domain/dates';
import type { Evidence } from '../domain/evidence';
import { bi, type Bilingual } from '../domain/inspection/text';
import type { StoredFinding } from '../domain/inspections';
import type { Stored } from '../domain/records';
import {
  COVER_TEXT_FIELDS,
  FINDING_TEXT_FIELDS,
  ITEM_TEXT_FIELDS,
  contentsOf,
  digestKeyOf,
  fieldSalt,
  type EvidenceRef,
  type InspectionRecords,
  type InspectionContent,
  type ItemContent,
} from '../signoff/digest';
import { commitmentOf } from '../signoff/digest';
import type { Bytes } from '../crypto/bytes';
import {
  type Signoff,
  type SignoffPolicy,
  type TrustedSigner,
  type Unlock,
} from '../signoff/records';
import { checkSignoff } from '../signoff/signing';
import { contentFacts, currentSignoff, levelStatus, type SignoffState } from '../signoff/state';
import type { BuiltSheet, SheetContext } from './inspection-sheets';
import { columns } from './inspection-sheets';
import type { FindingReveal, Reveal, SignedEntry, SigningMeta } from './signing-meta';
import { SIGNING_FORMAT, SIGNING_VERSION } from './signing-meta';
import type { CellValue, RowKind } from './model';

/** What the vault gives the builder to sign a workpaper: the inspection's sign-off records. */
export interface WorkpaperSignoffs {
  policy: SignoffPolicy;
  signoffs: readonly Signoff[];
  unlocks: readonly Unlock[];
  /** The engagement's trusted signers: a sign-off by anyone else is shown as not trusted. */
  signers: readonly TrustedSigner[];
}

export type SignoffVerdict = 'valid' | 'stale' | 'superseded' | 'invalid' | 'untrusted';

export const SIGNOFF_LABELS = {
  sheet: bi('簽核紀錄', 'Sign-offs'),
  inspection: bi('整份查核', 'Whole inspection'),
  level: bi('第 {level} 層：{role}', 'Level {level}: {role}'),
  unsigned: bi('尚未簽核', 'Not signed yet'),
  fingerprint: bi('指紋', 'fingerprint'),
  unlocked: bi('已解除定稿', 'Unlocked'),
  verdicts: {
    valid: bi('有效', 'valid'),
    stale: bi('簽核後已修改', 'edited after sign-off'),
    superseded: bi('已由新簽核取代', 'superseded'),
    invalid: bi('簽章無效', 'invalid signature'),
    untrusted: bi('非受信任簽章者', 'not a trusted signer'),
  } satisfies Record<SignoffVerdict, Bilingual>,
  headers: {
    no: bi('項次', 'No.'),
    subject: bi('簽核事項', 'Signed'),
    level: bi('層級', 'Level'),
    role: bi('角色', 'Role'),
    signer: bi('簽核人', 'Signed by'),
    signedAt: bi('簽核時間', 'Signed at'),
    fingerprint: bi('金鑰指紋', 'Key fingerprint'),
    status: bi('狀態', 'Status'),
    digest: bi('內容摘要（SHA-256）', 'Content digest (SHA-256)'),
  } satisfies Record<string, Bilingual>,
} as const;

/** The default roles in the workbook's language; a renamed role keeps the team's name. */
const DEFAULT_ROLE_NAMES: Readonly<Record<string, Bilingual>> = {
  preparer: bi('編製', 'Preparer'),
  reviewer: bi('覆核', 'Reviewer'),
  approver: bi('核定', 'Approver'),
};

function roleName(role: { key: string; name: string }, lang: SheetContext['lang']): string {
  const known = DEFAULT_ROLE_NAMES[role.key];
  return known !== undefined && known['zh-TW'] === role.name ? known[lang] : role.name;
}

const fill = (text: string, values: Record<string, string | number>) =>
  text.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? ''));

/** The text a cell shows, as a reader gets it back (`userText` writes '' as an empty cell). */
export function visibleText(cell: CellValue): string {
  if (cell === null) return '';
  if (typeof cell === 'object') return 'text' in cell ? cell.text : cell.date;
  return String(cell);
}

function reveal(
  digestKey: Bytes,
  path: readonly string[],
  text: string,
  shown: (text: string) => CellValue,
): Reveal {
  const salt = fieldSalt(digestKey, path);
  if (visibleText(shown(text)) === text) return { salt };
  return { commitment: commitmentOf({ text, salt }) };
}

function revealAll<K extends string>(
  digestKey: Bytes,
  path: readonly string[],
  keys: readonly K[],
  values: Readonly<Record<K, string>>,
  shown: (text: string) => CellValue,
): Record<K, Reveal> {
  const out = {} as Record<K, Reveal>;
  for (const key of keys) out[key] = reveal(digestKey, [...path, key], values[key], shown);
  return out;
}

function findingReveal(
  finding: Stored<StoredFinding>,
  digestKey: Bytes,
  ctx: SheetContext,
  evidence: (ids: readonly string[]) => EvidenceRef[],
): FindingReveal {
  return {
    id: finding.id,
    text: revealAll(digestKey, ['finding', finding.id], FINDING_TEXT_FIELDS, finding, ctx.user),
    closingEvidence: evidence(finding.closingEvidenceIds),
  };
}

/** The inspection's records, as `contentsOf` takes them. */
export type SigningInput = InspectionRecords;

export interface BuiltSigning {
  meta: SigningMeta;
  /** The cover's sign-off rows, in place of the empty signature lines. */
  coverRows: { kind: RowKind; cells: CellValue[] }[];
  sheet: BuiltSheet;
}

interface Judged {
  signoff: Signoff;
  verdict: SignoffVerdict;
}

async function judge(state: SignoffState, signoff: Signoff): Promise<SignoffVerdict> {
  const check = await checkSignoff(signoff, state.signers);
  if (!check.ok) {
    return check.problem === 'unknown-signer' || check.problem === 'retired-key'
      ? 'untrusted'
      : 'invalid';
  }
  if (currentSignoff(state, signoff.subject, signoff.level) !== signoff) return 'superseded';
  return levelStatus(state, signoff.subject, signoff.level).status === 'valid' ? 'valid' : 'stale';
}

/** The signing entries, cover rows and sign-off sheet of a workpaper. */
export async function buildSigning(
  input: SigningInput,
  signoffs: WorkpaperSignoffs,
  ctx: SheetContext,
): Promise<BuiltSigning> {
  const { policy } = signoffs;
  const digestKey = digestKeyOf(policy);
  const contents = contentsOf(input, digestKey);
  const state: SignoffState = {
    policy,
    signoffs: signoffs.signoffs.filter((s) => s.inspectionId === input.inspection.id),
    notes: [],
    unlocks: signoffs.unlocks.filter((u) => u.inspectionId === input.inspection.id),
    signers: signoffs.signers,
    ...contentFacts(contents),
  };
  const judged: Judged[] = [];
  for (const signoff of state.signoffs)
    judged.push({ signoff, verdict: await judge(state, signoff) });

  const meta = signingMeta(input, policy, digestKey, ctx, contents, state);
  return {
    meta,
    coverRows: coverRows(policy, judged, ctx),
    sheet: signoffSheet(ctx, input.itemIds, judged, state.unlocks),
  };
}

function signingMeta(
  input: SigningInput,
  policy: SignoffPolicy,
  digestKey: Bytes,
  ctx: SheetContext,
  contents: { items: Map<string, ItemContent>; inspection: InspectionContent },
  state: SignoffState,
): SigningMeta {
  const evidenceById = new Map<string, Stored<Evidence>>(
    input.evidence.filter((e) => !e.deleted).map((e) => [e.id, e]),
  );
  const evidence = (ids: readonly string[]) =>
    ids.flatMap((id) => {
      const e = evidenceById.get(id);
      return e === undefined ? [] : [{ sha256: e.sha256, size: e.size }];
    });
  const live = input.findings.filter((f) => !f.deleted && f.inspectionId === input.inspection.id);
  const results = input.itemResults.filter(
    (r) => !r.deleted && r.inspectionId === input.inspection.id,
  );
  const signed: SignedEntry[] = [...contents.items.keys()].map((itemId) => {
    const result = results.find((r) => r.itemId === itemId);
    return {
      itemId,
      text: revealAll(
        digestKey,
        ['item', itemId],
        ITEM_TEXT_FIELDS,
        {
          reason: result?.reason ?? '',
          workPerformed: result?.workPerformed ?? '',
          sampleDescription: result?.sampleDescription ?? '',
        },
        // An item without a record shows empty cells (the checklist writes null).
        result === undefined ? () => null : ctx.user,
      ),
      evidence: evidence(result?.evidenceIds ?? []),
      findings: live
        .filter((f) => f.itemId === itemId)
        .map((f) => findingReveal(f, digestKey, ctx, evidence)),
    };
  });
  const current = (s: Signoff) =>
    s.digest ===
    (s.subject.kind === 'item'
      ? state.digests.items.get(s.subject.itemId)
      : state.digests.inspection);
  return {
    signing: {
      format: SIGNING_FORMAT,
      version: SIGNING_VERSION,
      roles: policy.roles.map((role, i) => ({ level: i + 1, key: role.key, name: role.name })),
      cover: {
        periodStart: input.inspection.periodStart,
        periodEnd: input.inspection.periodEnd,
        libraryVersion: input.inspection.libraryVersion,
        text: revealAll(
          digestKey,
          ['cover'],
          COVER_TEXT_FIELDS,
          {
            entity: input.engagement.entity,
            title: input.inspection.title,
            scope: input.engagement.scope,
          },
          ctx.user,
        ),
      },
      findings: live
        .filter((f) => f.itemId === null)
        .map((f) => findingReveal(f, digestKey, ctx, evidence)),
    },
    signed,
    signoffs: state.signoffs.map((s) => {
      if (!current(s)) return { ...s };
      const { content: _content, ...rest } = s;
      return rest;
    }),
    unlocks: [...state.unlocks],
  };
}

function signedDate(at: IsoInstant, ctx: SheetContext): string {
  return formatDate(localDateOf(at), { calendar: ctx.calendar, lang: ctx.lang });
}

function coverRows(
  policy: SignoffPolicy,
  judged: readonly Judged[],
  ctx: SheetContext,
): { kind: RowKind; cells: CellValue[] }[] {
  const { lang } = ctx;
  return policy.roles.map((role, i) => {
    const level = i + 1;
    const label = fill(SIGNOFF_LABELS.level[lang], { level, role: roleName(role, lang) });
    const mine = judged
      .filter((j) => j.signoff.subject.kind === 'inspection' && j.signoff.level === level)
      .filter((j) => j.verdict !== 'superseded');
    const latest = mine.at(-1);
    if (latest === undefined)
      return { kind: 'sign', cells: [label, SIGNOFF_LABELS.unsigned[lang]] };
    const { signoff, verdict } = latest;
    const sep = lang === 'zh-TW' ? '　' : ' · ';
    const value = [
      signoff.signer.name,
      signedDate(signoff.signedAt, ctx),
      `${SIGNOFF_LABELS.fingerprint[lang]} ${signoff.signer.fingerprint}`,
      SIGNOFF_LABELS.verdicts[verdict][lang],
    ].join(sep);
    return { kind: 'sign', cells: [label, ctx.user(value)] };
  });
}

function signoffSheet(
  ctx: SheetContext,
  itemIds: readonly string[],
  judged: readonly Judged[],
  unlocks: readonly Unlock[],
): BuiltSheet {
  const { lang, calendar } = ctx;
  const order = new Map(itemIds.map((id, i) => [id, i]));
  const rank = (s: Signoff) =>
    s.subject.kind === 'inspection'
      ? Number.MAX_SAFE_INTEGER
      : (order.get(s.subject.itemId) ?? itemIds.length);
  const sorted = [...judged].sort(
    (a, b) =>
      rank(a.signoff) - rank(b.signoff) ||
      (a.signoff.subject.kind === 'item' && b.signoff.subject.kind === 'item'
        ? a.signoff.subject.itemId.localeCompare(b.signoff.subject.itemId)
        : 0) ||
      a.signoff.level - b.signoff.level ||
      (a.signoff.signedAt < b.signoff.signedAt ? -1 : 1),
  );
  const rows: CellValue[][] = sorted.map(({ signoff, verdict }, i) => [
    i + 1,
    signoff.subject.kind === 'item' ? signoff.subject.itemId : SIGNOFF_LABELS.inspection[lang],
    signoff.level,
    ctx.user(roleName({ key: signoff.roleKey, name: signoff.roleName }, lang)),
    ctx.user(signoff.signer.name),
    formatDateTime(signoff.signedAt, { calendar, lang }),
    signoff.signer.fingerprint,
    SIGNOFF_LABELS.verdicts[verdict][lang],
    signoff.digest,
  ]);
  for (const unlock of unlocks) {
    rows.push([
      rows.length + 1,
      SIGNOFF_LABELS.inspection[lang],
      null,
      SIGNOFF_LABELS.unlocked[lang],
      ctx.user(unlock.signer.name),
      formatDateTime(unlock.at, { calendar, lang }),
      unlock.signer.fingerprint,
      ctx.user(unlock.reason),
      null,
    ]);
  }
  return {
    role: 'signoffs',
    records: [],
    sheet: {
      name: SIGNOFF_LABELS.sheet[lang],
      state: 'visible',
      frozenRows: 1,
      autoFilter: true,
      print: ctx.print,
      columns: columns(SIGNOFF_LABELS.headers, lang, [
        { key: 'no', width: 6 },
        { key: 'subject', width: 16 },
        { key: 'level', width: 6 },
        { key: 'role', width: 10 },
        { key: 'signer', width: 14 },
        { key: 'signedAt', width: 26 },
        { key: 'fingerprint', width: 22 },
        { key: 'status', width: 16, wrap: true },
        { key: 'digest', width: 34, wrap: true },
      ]),
      rows,
      conditional: [
        {
          column: 'status',
          kind: 'equals',
          value: SIGNOFF_LABELS.verdicts.valid[lang],
          style: 'ok',
        },
        {
          column: 'status',
          kind: 'equals',
          value: SIGNOFF_LABELS.verdicts.stale[lang],
          style: 'overdue',
        },
        {
          column: 'status',
          kind: 'equals',
          value: SIGNOFF_LABELS.verdicts.invalid[lang],
          style: 'deficient',
        },
      ],
    },
  };
}
