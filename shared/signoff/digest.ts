/**
 * What a sign-off signs: the signed content of a checklist item or of the whole inspection, as
 * RFC 8785 canonical JSON (the `canonicalize` package, by one of the RFC's authors), and its
 * digest, SHA-256 of that text in UTF-8, in lower-case hex. ARCHITECTURE.md ("Sign-off")
 * repeats these rules for anyone re-implementing the check.
 *
 * Item content (`subject: "item"`): the result code, the N/A reason, the work performed, the
 * sample (its description: sample records are not linked to items yet), the evidence files'
 * SHA-256 and size, and every live finding raised on the item (its fields, codes for the
 * drop-downs, ISO dates, the closing evidence's SHA-256 and size). Notes are working notes and
 * not signed. Inspection content (`subject: "inspection"`): the cover data (entity, title,
 * scope, period, library version), the digest of every item in it, and the findings raised
 * outside the checklist.
 *
 * Free text enters as a salted commitment, never as itself: HMAC-SHA256(salt, UTF-8 text),
 * where salt = HMAC-SHA256(the inspection's digest key, UTF-8 canonical JSON of the field's
 * path, e.g. ["item","A-4-01","workPerformed"]). The digest key is 32 random bytes kept with
 * the inspection's sign-off policy, sealed in the vault. A workpaper then reveals the salt of
 * each text field it shows as it is (so anyone recomputes the commitment from the visible
 * cell) and only the commitment of a field it shows masked: a hash of masked text with its
 * visible context would otherwise give the masked digits away to a few thousand guesses.
 *
 * Lists are sorted (evidence by hash, findings by id, items by id, comparing UTF-16 code
 * units), so reordering changes nothing; any other change to a signed field changes the digest.
 */
import canonicalize from 'canonicalize';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { z } from 'zod';
import { type Bytes, fromBase64, toHex, utf8 } from '../crypto/bytes';
import type { Evidence } from '../domain/evidence';
import type { Inspection, StoredFinding, StoredItemResult } from '../domain/inspections';
import type { Engagement } from '../domain/engagement';
import type { Stored } from '../domain/records';

export const DIGEST_FORMAT = 'aw-signoff-digest/1';

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
export const digestSchema = hex64;

/** RFC 8785 canonical JSON; throws for what JSON cannot carry (NaN, lone surrogates …). */
export function jcs(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new TypeError('canonical JSON: the value has no JSON form');
  return text;
}

/** SHA-256 of UTF-8 text, lower-case hex (synchronous, unlike `crypto/bytes`' WebCrypto one). */
export function textSha256(text: string): string {
  return toHex(sha256(utf8(text)));
}

/** The digest of a signed content: SHA-256 of its canonical JSON. */
export function digestOf(content: SignedContent): string {
  return textSha256(jcs(content));
}

/** A text field as a verifier has it: the text and its salt, or only its commitment. */
export type TextField = { text: string; salt: string } | { commitment: string };

export function fieldSalt(digestKey: Bytes, path: readonly string[]): string {
  return toHex(hmac(sha256, digestKey, utf8(jcs(path))));
}

function hexBytes(hex: string): Bytes {
  if (!/^([0-9a-f]{2})+$/.test(hex)) throw new TypeError('a salt is lower-case hex');
  return Uint8Array.from(hex.match(/../g) ?? [], (pair) => parseInt(pair, 16));
}

export function commitmentOf(field: TextField): string {
  if ('commitment' in field) return hex64.parse(field.commitment);
  return toHex(hmac(sha256, hexBytes(field.salt), utf8(field.text)));
}

export const evidenceRefSchema = z.strictObject({
  sha256: hex64,
  size: z.int().nonnegative(),
});
export type EvidenceRef = z.infer<typeof evidenceRefSchema>;

export const FINDING_TEXT_FIELDS = [
  'title',
  'deficiency',
  'risk',
  'recommendation',
  'owner',
  'managementResponse',
] as const;
export type FindingTextField = (typeof FINDING_TEXT_FIELDS)[number];
export const ITEM_TEXT_FIELDS = ['reason', 'workPerformed', 'sampleDescription'] as const;
export type ItemTextField = (typeof ITEM_TEXT_FIELDS)[number];
export const COVER_TEXT_FIELDS = ['entity', 'title', 'scope'] as const;
export type CoverTextField = (typeof COVER_TEXT_FIELDS)[number];

const isoDate = z.iso.date();

export const findingContentSchema = z.strictObject({
  id: z.string().min(1),
  title: hex64,
  deficiency: hex64,
  severity: z.string().min(1),
  category: z.string().min(1),
  risk: hex64,
  recommendation: hex64,
  owner: hex64,
  raisedOn: isoDate,
  dueDate: isoDate.nullable(),
  managementResponse: hex64,
  status: z.string().min(1),
  closedOn: isoDate.nullable(),
  closingEvidence: z.array(evidenceRefSchema),
});
export type FindingContent = z.infer<typeof findingContentSchema>;

export const itemContentSchema = z.strictObject({
  digest: z.literal(DIGEST_FORMAT),
  subject: z.literal('item'),
  inspectionId: z.string().min(1),
  itemId: z.string().min(1),
  result: z.string().min(1).nullable(),
  reason: hex64,
  workPerformed: hex64,
  sampleDescription: hex64,
  evidence: z.array(evidenceRefSchema),
  findings: z.array(findingContentSchema),
});
export type ItemContent = z.infer<typeof itemContentSchema>;

export const inspectionContentSchema = z.strictObject({
  digest: z.literal(DIGEST_FORMAT),
  subject: z.literal('inspection'),
  inspectionId: z.string().min(1),
  cover: z.strictObject({
    entity: hex64,
    title: hex64,
    scope: hex64,
    periodStart: isoDate,
    periodEnd: isoDate,
    libraryVersion: z.string().min(1),
  }),
  items: z.array(z.strictObject({ itemId: z.string().min(1), digest: hex64 })),
  findings: z.array(findingContentSchema),
});
export type InspectionContent = z.infer<typeof inspectionContentSchema>;

export type SignedContent = ItemContent | InspectionContent;
export const signedContentSchema = z.discriminatedUnion('subject', [
  itemContentSchema,
  inspectionContentSchema,
]);

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function sortedEvidence(refs: readonly EvidenceRef[]): EvidenceRef[] {
  return [...refs]
    .map((r) => ({ sha256: r.sha256, size: r.size }))
    .sort((a, b) => byCodeUnits(a.sha256, b.sha256) || a.size - b.size);
}

/** A finding's signed fields, from what a verifier holds (records or a workpaper's cells). */
export interface FindingFields {
  id: string;
  text: Record<FindingTextField, TextField>;
  severity: string;
  category: string;
  status: string;
  raisedOn: string;
  dueDate: string | null;
  closedOn: string | null;
  closingEvidence: readonly EvidenceRef[];
}

export function findingContent(fields: FindingFields): FindingContent {
  const c = (name: FindingTextField) => commitmentOf(fields.text[name]);
  return {
    id: fields.id,
    title: c('title'),
    deficiency: c('deficiency'),
    severity: fields.severity,
    category: fields.category,
    risk: c('risk'),
    recommendation: c('recommendation'),
    owner: c('owner'),
    raisedOn: fields.raisedOn,
    dueDate: fields.dueDate,
    managementResponse: c('managementResponse'),
    status: fields.status,
    closedOn: fields.closedOn,
    closingEvidence: sortedEvidence(fields.closingEvidence),
  };
}

export interface ItemFields {
  inspectionId: string;
  itemId: string;
  result: string | null;
  text: Record<ItemTextField, TextField>;
  evidence: readonly EvidenceRef[];
  findings: readonly FindingFields[];
}

export function itemContent(fields: ItemFields): ItemContent {
  const c = (name: ItemTextField) => commitmentOf(fields.text[name]);
  return {
    digest: DIGEST_FORMAT,
    subject: 'item',
    inspectionId: fields.inspectionId,
    itemId: fields.itemId,
    result: fields.result,
    reason: c('reason'),
    workPerformed: c('workPerformed'),
    sampleDescription: c('sampleDescription'),
    evidence: sortedEvidence(fields.evidence),
    findings: fields.findings.map(findingContent).sort((a, b) => byCodeUnits(a.id, b.id)),
  };
}

export interface InspectionFields {
  inspectionId: string;
  cover: Record<CoverTextField, TextField>;
  periodStart: string;
  periodEnd: string;
  libraryVersion: string;
  items: readonly { itemId: string; digest: string }[];
  /** Findings raised outside the checklist (no item). */
  findings: readonly FindingFields[];
}

export function inspectionContent(fields: InspectionFields): InspectionContent {
  const c = (name: CoverTextField) => commitmentOf(fields.cover[name]);
  return {
    digest: DIGEST_FORMAT,
    subject: 'inspection',
    inspectionId: fields.inspectionId,
    cover: {
      entity: c('entity'),
      title: c('title'),
      scope: c('scope'),
      periodStart: fields.periodStart,
      periodEnd: fields.periodEnd,
      libraryVersion: fields.libraryVersion,
    },
    items: fields.items
      .map((item) => ({ itemId: item.itemId, digest: hex64.parse(item.digest) }))
      .sort((a, b) => byCodeUnits(a.itemId, b.itemId)),
    findings: fields.findings.map(findingContent).sort((a, b) => byCodeUnits(a.id, b.id)),
  };
}

// ---------------------------------------------------------------------------------------------
// From the vault's records

/** The inspection's digest key, from its sign-off policy (base64 of 32 bytes). */
export function digestKeyOf(policy: { digestKey: string }): Bytes {
  const key = fromBase64(policy.digestKey);
  if (key.byteLength !== 32) throw new RangeError('a digest key has 32 bytes');
  return key;
}

export interface InspectionRecords {
  engagement: Pick<Engagement, 'entity' | 'scope'>;
  inspection: Stored<Inspection>;
  /** The checklist items in scope (ids), in any order. */
  itemIds: readonly string[];
  itemResults: readonly Stored<StoredItemResult>[];
  findings: readonly Stored<StoredFinding>[];
  evidence: readonly Stored<Evidence>[];
}

/** The records digests are made of, from what the workpaper builder is given. */
export function inspectionRecordsOf(input: {
  engagement: InspectionRecords['engagement'];
  inspection: InspectionRecords['inspection'];
  items: readonly { id: string }[];
  itemResults: InspectionRecords['itemResults'];
  findings: InspectionRecords['findings'];
  evidence?: InspectionRecords['evidence'];
}): InspectionRecords {
  return {
    engagement: input.engagement,
    inspection: input.inspection,
    itemIds: input.items.map((item) => item.id),
    itemResults: input.itemResults,
    findings: input.findings,
    evidence: input.evidence ?? [],
  };
}

export class DigestInputError extends Error {
  override name = 'DigestInputError';
}

function evidenceRefs(
  ids: readonly string[],
  byId: ReadonlyMap<string, Stored<Evidence>>,
  owner: string,
): EvidenceRef[] {
  return ids.map((id) => {
    const record = byId.get(id);
    if (record === undefined) {
      throw new DigestInputError(`${owner} links evidence ${id}, which is not in the vault`);
    }
    return { sha256: record.sha256, size: record.size };
  });
}

/** The text fields of one record, salted from the digest key. */
export function saltedText<F extends string>(
  digestKey: Bytes,
  path: readonly string[],
  fields: readonly F[],
  values: Readonly<Record<F, string>>,
): Record<F, TextField> {
  const out = {} as Record<F, TextField>;
  for (const field of fields) {
    out[field] = { text: values[field], salt: fieldSalt(digestKey, [...path, field]) };
  }
  return out;
}

export function findingFieldsOf(
  finding: Stored<StoredFinding>,
  digestKey: Bytes,
  evidenceById: ReadonlyMap<string, Stored<Evidence>>,
): FindingFields {
  return {
    id: finding.id,
    text: saltedText(digestKey, ['finding', finding.id], FINDING_TEXT_FIELDS, finding),
    severity: finding.severity,
    category: finding.category,
    status: finding.status,
    raisedOn: finding.raisedOn,
    dueDate: finding.dueDate,
    closedOn: finding.closedOn,
    closingEvidence: evidenceRefs(
      finding.closingEvidenceIds,
      evidenceById,
      `finding ${finding.id}`,
    ),
  };
}

/**
 * Every digest of an inspection as the vault holds it now: per item and for the inspection.
 * Deleted records and records of other inspections are left out, as the workpaper does.
 */
export function contentsOf(
  records: InspectionRecords,
  digestKey: Bytes,
): { items: Map<string, ItemContent>; inspection: InspectionContent } {
  const inspectionId = records.inspection.id;
  const live = <T extends { deleted: boolean; inspectionId: string }>(list: readonly T[]) =>
    list.filter((r) => !r.deleted && r.inspectionId === inspectionId);
  const results = live(records.itemResults);
  const findings = live(records.findings);
  const evidenceById = new Map(records.evidence.filter((e) => !e.deleted).map((e) => [e.id, e]));

  const itemIds = new Set(records.itemIds);
  for (const r of results) itemIds.add(r.itemId);
  for (const f of findings) if (f.itemId !== null) itemIds.add(f.itemId);

  const items = new Map<string, ItemContent>();
  for (const itemId of [...itemIds].sort(byCodeUnits)) {
    const mine = results.filter((r) => r.itemId === itemId);
    if (mine.length > 1) {
      throw new DigestInputError(
        `item ${itemId} has ${mine.length} working records; resolve the duplicate before signing`,
      );
    }
    const result = mine[0];
    items.set(
      itemId,
      itemContent({
        inspectionId,
        itemId,
        result: result?.result ?? null,
        text: saltedText(digestKey, ['item', itemId], ITEM_TEXT_FIELDS, {
          reason: result?.reason ?? '',
          workPerformed: result?.workPerformed ?? '',
          sampleDescription: result?.sampleDescription ?? '',
        }),
        evidence: evidenceRefs(result?.evidenceIds ?? [], evidenceById, `item ${itemId}`),
        findings: findings
          .filter((f) => f.itemId === itemId)
          .map((f) => findingFieldsOf(f, digestKey, evidenceById)),
      }),
    );
  }
  const inspection = inspectionContent({
    inspectionId,
    cover: saltedText(digestKey, ['cover'], COVER_TEXT_FIELDS, {
      entity: records.engagement.entity,
      title: records.inspection.title,
      scope: records.engagement.scope,
    }),
    periodStart: records.inspection.periodStart,
    periodEnd: records.inspection.periodEnd,
    libraryVersion: records.inspection.libraryVersion,
    items: [...items.values()].map((item) => ({ itemId: item.itemId, digest: digestOf(item) })),
    findings: findings
      .filter((f) => f.itemId === null)
      .map((f) => findingFieldsOf(f, digestKey, evidenceById)),
  });
  return { items, inspection };
}

/** Which top-level fields of two contents differ: "what changed since" a sign-off. */
export function changedFields(signed: SignedContent, now: SignedContent): string[] {
  const changed: string[] = [];
  const a = signed as unknown as Record<string, unknown>;
  const b = now as unknown as Record<string, unknown>;
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (key === 'findings' && Array.isArray(a[key]) && Array.isArray(b[key])) {
      changed.push(...changedFindings(a[key] as FindingContent[], b[key] as FindingContent[]));
    } else if (key === 'items' && Array.isArray(a[key]) && Array.isArray(b[key])) {
      changed.push(
        ...changedItems(a[key] as InspectionContent['items'], b[key] as InspectionContent['items']),
      );
    } else if (key === 'cover') {
      const ca = a[key] as Record<string, unknown>;
      const cb = b[key] as Record<string, unknown>;
      for (const field of Object.keys(ca)) {
        if (jcs(ca[field]) !== jcs(cb[field])) changed.push(`cover.${field}`);
      }
    } else if (jcs(a[key] ?? null) !== jcs(b[key] ?? null)) {
      changed.push(key);
    }
  }
  return changed;
}

function changedFindings(a: readonly FindingContent[], b: readonly FindingContent[]): string[] {
  const out: string[] = [];
  const before = new Map(a.map((f) => [f.id, f]));
  const after = new Map(b.map((f) => [f.id, f]));
  for (const [id, f] of before) {
    const g = after.get(id);
    if (g === undefined) {
      out.push(`finding ${id} removed`);
      continue;
    }
    for (const field of Object.keys(f) as (keyof FindingContent)[]) {
      if (jcs(f[field]) !== jcs(g[field])) out.push(`finding ${id}.${field}`);
    }
  }
  for (const id of after.keys()) if (!before.has(id)) out.push(`finding ${id} added`);
  return out;
}

function changedItems(a: InspectionContent['items'], b: InspectionContent['items']): string[] {
  const out: string[] = [];
  const after = new Map(b.map((i) => [i.itemId, i.digest]));
  for (const item of a) {
    const now = after.get(item.itemId);
    if (now === undefined) out.push(`item ${item.itemId} removed`);
    else if (now !== item.digest) out.push(`item ${item.itemId}`);
  }
  const before = new Set(a.map((i) => i.itemId));
  for (const item of b) if (!before.has(item.itemId)) out.push(`item ${item.itemId} added`);
  return out;
}
