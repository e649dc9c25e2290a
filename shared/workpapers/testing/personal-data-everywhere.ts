/**
 * Test-only: a workpaper input in which EVERY free-text field of every record the builder takes
 * holds a national ID, resident certificate numbers (new and old format), a mobile and a
 * landline number and an e-mail address, each field behind its own tag (`⟦17⟧`), so a test can
 * tell which field reached which cell and that none went out unmasked.
 *
 * The free-text fields are derived, not listed: every string (or null) in a valid record is
 * tried with the canary text against the record's own zod schema, and kept where the schema
 * takes it. A field that takes plain text (`'x'`) but none of the canaries is reported as
 * `unfillable`, so a new or shortened field cannot slip through. `INPUT_SCHEMAS` and
 * `REGISTER_SCHEMAS` name a schema for every key of the builder's input: a key added to
 * `InspectionWorkbookInput` or `RegistersInput` fails to compile here until it is classified.
 * What is not derived: references to other records or the catalog (`REFERENCES`), the keys of
 * maps (`MAP_KEYS`), and personal data whose schema checks its form (a person's e-mail address
 * and phone number, set to real ones; national IDs and resident certificate numbers, which get
 * people of their own).
 */
import { expect } from 'vitest';
import type { z } from 'zod';
import { engagementSchema } from '../../domain/engagement';
import { evidenceSchema } from '../../domain/evidence';
import { activityEntrySchema } from '../../domain/activity';
import { systemSchema } from '../../domain/inspection/systems';
import {
  inspectionSchema,
  storedFindingSchema,
  storedItemResultSchema,
} from '../../domain/inspections';
import type { PersonId } from '../../domain/personal-data';
import { agreementSchema } from '../../registers/agreements/agreements';
import { currentVersionsSchema } from '../../registers/agreements/current-versions';
import { personSchema } from '../../registers/agreements/people';
import { vendorSchema } from '../../registers/agreements/vendors';
import { disposalRecordSchema } from '../../registers/disposal/disposal';
import { policyReviewSchema } from '../../registers/policies/review';
import type { InspectionWorkbookInput } from '../build-inspection';
import type { RegistersInput } from '../register-sheets';
import { storedAgreement } from '../../registers/agreements/test-data';
import { d, disposal, person, registerInput } from './factories';
import { everyPart, everyText, readBack, type ReadWorkbook } from './read-back';

/** The personal data written into every field (the identifiers pass their checksums). */
export const RAW = {
  nationalId: 'A123456789',
  residentNew: 'F801234564',
  residentOld: 'AC01234567',
  mobile: '0912-345-678',
  landline: '02-2345-6789',
  email: 'wang.xiaoming@example.com',
} as const;

/** What a masked workpaper must print instead: literal, not computed by the masking under test. */
export const MASKED = {
  nationalId: 'A12****789',
  residentNew: 'F80****564',
  residentOld: 'AC0****567',
  mobile: '0912-***-678',
  landline: '02-****-6789',
  email: 'wa***@example.com',
} as const satisfies Record<keyof typeof RAW, string>;

type Kind = keyof typeof RAW;

/** The longest canary a field takes: all six values, or (fields of 40–100 characters) two. */
const VARIANTS: readonly (readonly Kind[])[] = [
  ['nationalId', 'residentNew', 'residentOld', 'mobile', 'landline', 'email'],
  ['nationalId', 'mobile'],
];

const text = (tag: number, kinds: readonly Kind[], values: Record<Kind, string>) =>
  `⟦${tag}⟧ ${kinds.map((kind) => values[kind]).join(' ')}`;

/** Keys whose values name other records, catalog items or machine-written facts. */
const REFERENCES = new Set([
  'itemId',
  'inspectionId',
  'ownerId',
  'partyId',
  'vendorId',
  'attachmentId',
  'certificateId',
  'evidenceIds',
  'closingEvidenceIds',
  'rowKey',
  'libraryVersion',
  // The trail's target is the table and id the app wrote, never typed by anyone.
  'target',
]);
/** Maps keyed by an id (element ids, agreement kinds): their keys are not fields. */
const MAP_KEYS = new Set(['elements', 'versions']);
/** Record metadata (id, revision, time, author): written by the data layer, never printed. */
const META_KEYS = new Set(['id', 'rev', 'updatedAt', 'updatedBy', 'deleted']);

const INPUT_SCHEMAS = {
  engagement: engagementSchema,
  inspection: inspectionSchema,
  items: null, // the checklist library's texts, not typed by a user
  itemResults: storedItemResultSchema,
  findings: storedFindingSchema,
  systems: systemSchema,
  activity: activityEntrySchema,
  evidence: evidenceSchema,
  registers: null, // below, register by register
  // Sign-offs carry signers' names, role names and unlock reasons, which refuse personal data
  // when they are made (shared/signoff: identity names, unlock reasons), since signatures
  // over them must verify from the file, hidden sheet included.
  signoff: null,
  // Only the auditors' names of merge sources are printed (編製人員), through the masking.
  mergeInfo: null,
  appVersion: null,
  generatedAt: null,
} satisfies { [K in keyof InspectionWorkbookInput]-?: z.ZodType | null };

const REGISTER_SCHEMAS = {
  people: personSchema,
  vendors: vendorSchema,
  agreements: agreementSchema,
  currentVersions: currentVersionsSchema,
  disposals: disposalRecordSchema,
  policyReviews: policyReviewSchema,
  raisedGaps: null, // gap id → finding id
} satisfies { [K in keyof RegistersInput]-?: z.ZodType | null };

/** One field filled with a canary. */
export interface FilledField {
  tag: number;
  /** `findings.deficiency`, `engagement.team[].name`, `policyReviews.elements.*.note`. */
  field: string;
  raw: string;
  masked: string;
}

export interface EveryFieldFilled {
  input: InspectionWorkbookInput;
  fields: FilledField[];
  /** Fields that take free text but none of the canaries (too short?): must stay empty. */
  unfillable: string[];
  /** People known only by an identifier, and what the workpaper must show for each. */
  identifiers: { raw: string; masked: string }[];
}

type Path = (string | number)[];

function leafPaths(value: unknown, path: Path = []): Path[] {
  if (value === null || typeof value === 'string') return [path];
  if (Array.isArray(value)) return value.flatMap((item, i) => leafPaths(item, [...path, i]));
  if (typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) =>
      path.length === 0 && META_KEYS.has(key) ? [] : leafPaths(item, [...path, key]),
    );
  }
  return [];
}

function withValue<T>(record: T, path: Path, value: string): T {
  const copy = structuredClone(record);
  let target = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) target = target[key] as Record<string | number, unknown>;
  target[path[path.length - 1] ?? ''] = value;
  return copy;
}

function fieldName(record: string, path: Path): string {
  const parts = path.map((key, i) =>
    typeof key === 'number' ? '[]' : i > 0 && MAP_KEYS.has(String(path[i - 1])) ? '*' : key,
  );
  return [record, ...parts].join('.').replace(/\.\[\]/g, '[]');
}

class Filler {
  readonly fields: FilledField[] = [];
  readonly unfillable = new Set<string>();

  fill<T>(record: string, value: T, schema: z.ZodType): T {
    let current = value;
    for (const path of leafPaths(value)) {
      if (path.some((key) => typeof key === 'string' && REFERENCES.has(key))) continue;
      const accepts = (candidate: string) => {
        try {
          return schema.safeParse(withValue(current, path, candidate)).success;
        } catch {
          // A refinement that assumes its fields are well-formed (a date) may throw instead.
          return false;
        }
      };
      const tag = this.fields.length + 1;
      const kinds = VARIANTS.find((variant) => accepts(text(tag, variant, RAW)));
      const field = fieldName(record, path);
      if (kinds === undefined) {
        if (accepts('x')) this.unfillable.add(field);
        continue;
      }
      const raw = text(tag, kinds, RAW);
      current = withValue(current, path, raw);
      this.fields.push({ tag, field, raw, masked: text(tag, kinds, MASKED) });
    }
    return current;
  }

  fillAll<T>(record: string, values: readonly T[], schema: z.ZodType): T[] {
    return values.map((value) => this.fill(record, value, schema));
  }
}

/**
 * The sample inspection with its registers, plus what reaches fields the sample leaves unused
 * (a disposal by a technique of its own words), every free-text field filled, and two people
 * known only by a resident certificate number (new and old format).
 */
export async function everyFieldFilled(): Promise<EveryFieldFilled> {
  const base = await registerInput();
  const registers = base.registers;
  if (registers === undefined) throw new Error('registerInput gave no registers');
  const other = disposal({ assetTag: 'NB-004', method: 'destroy', technique: 'other' });
  other.techniqueOther = '現場破碎';
  // Contact details are checked by their schema: real ones, and a job change to walk into.
  const people = registers.people.map((who, i) => ({
    ...who,
    email: RAW.email,
    phone: i % 2 === 0 ? RAW.mobile : RAW.landline,
    jobChanges:
      i === 0 ? [{ on: d('2023-07-01'), from: '資訊部', to: '稽核室', accessUpdatedOn: null }] : [],
  }));

  const f = new Filler();
  const s = INPUT_SCHEMAS;
  const r = REGISTER_SCHEMAS;
  const filledRegisters: RegistersInput = {
    people: f.fillAll('people', people, r.people),
    vendors: f.fillAll('vendors', registers.vendors, r.vendors),
    agreements: f.fillAll('agreements', registers.agreements, r.agreements),
    currentVersions: f.fill('currentVersions', registers.currentVersions, r.currentVersions),
    disposals: f.fillAll('disposals', [...registers.disposals, other], r.disposals),
    policyReviews: f.fillAll('policyReviews', registers.policyReviews, r.policyReviews),
    ...(registers.raisedGaps === undefined ? {} : { raisedGaps: registers.raisedGaps }),
  };
  const input: InspectionWorkbookInput = {
    ...base,
    engagement: f.fill('engagement', base.engagement, s.engagement),
    inspection: f.fill('inspection', base.inspection, s.inspection),
    itemResults: f.fillAll('itemResults', base.itemResults, s.itemResults),
    findings: f.fillAll('findings', base.findings, s.findings),
    systems: f.fillAll('systems', base.systems, s.systems),
    activity: f.fillAll('activity', base.activity, s.activity),
    evidence: f.fillAll('evidence', base.evidence ?? [], s.evidence),
    registers: filledRegisters,
  };

  // Identifiers are checked by their schema, so they get people of their own; a person
  // without an employee number is listed by it (agreements sheet, coverage gaps).
  const identifiers = [
    { raw: RAW.residentNew, masked: MASKED.residentNew },
    { raw: RAW.residentOld, masked: MASKED.residentOld },
  ];
  const byId = identifiers.map(({ raw }) =>
    person({
      kind: 'contractor',
      employeeNo: '',
      name: '外籍駐點人員',
      personId: raw as PersonId,
      hireDate: null,
    }),
  );
  const signedBy = byId.map((who) =>
    storedAgreement(who, { version: '2020', signedOn: '2025-01-02', signer: who.name }),
  );
  filledRegisters.people = [...filledRegisters.people, ...byId];
  filledRegisters.agreements = [...filledRegisters.agreements, ...signedBy];
  return { input, fields: f.fields, unfillable: [...f.unfillable], identifiers };
}

/** How a filled field came out in a workbook. */
export type FieldOutcome = 'raw' | 'masked' | 'absent' | 'altered';

export interface PersonalDataReport {
  /** Each raw value found, and where: must be empty unless personal data was included. */
  raw: { where: string; kind: Kind }[];
  /** Each filled field: printed as typed, masked as expected, not printed, or otherwise. */
  fields: Map<string, FieldOutcome>;
  /** Each identifier-only person: whether the raw and the masked identifier appear. */
  identifiers: { raw: string; rawFound: boolean; maskedFound: boolean }[];
}

/**
 * Reads what `everyFieldFilled` put in through every text of a workbook (see `everyText`). A
 * field counts as printed when some text holds its whole canary, raw or masked; a field with
 * several records (every person's name) counts by the best of them.
 */
export function personalDataReport(
  texts: readonly { where: string; text: string }[],
  filled: EveryFieldFilled,
): PersonalDataReport {
  const raw: PersonalDataReport['raw'] = [];
  for (const { where, text } of texts) {
    for (const kind of Object.keys(RAW) as Kind[]) {
      if (text.includes(RAW[kind])) raw.push({ where, kind });
    }
  }
  const rank: Record<FieldOutcome, number> = { absent: 0, altered: 1, masked: 2, raw: 3 };
  const fields = new Map<string, FieldOutcome>();
  for (const field of filled.fields) {
    const prefix = `⟦${field.tag}⟧ `;
    const holding = texts.filter((t) => t.text.includes(prefix));
    const outcome: FieldOutcome = holding.some((t) => t.text.includes(field.raw))
      ? 'raw'
      : holding.some((t) => t.text.includes(field.masked))
        ? 'masked'
        : holding.length > 0
          ? 'altered'
          : 'absent';
    const before = fields.get(field.field);
    if (before === undefined || rank[outcome] > rank[before]) fields.set(field.field, outcome);
  }
  const identifiers = filled.identifiers.map(({ raw: id, masked }) => ({
    raw: id,
    rawFound: texts.some((t) => t.text.includes(id)),
    maskedFound: texts.some((t) => t.text.includes(masked)),
  }));
  return { raw, fields, identifiers };
}

/**
 * Free-text fields the workpaper does not print, so they cannot leak through it. A field added
 * to a schema later is expected masked in the file: if the workpaper leaves it out, the test
 * fails until it is listed here.
 */
export const NOT_PRINTED = [
  'people.title',
  'people.note',
  'vendors.services',
  'vendors.contactName',
  'vendors.note',
  'agreements.note',
  'disposals.note',
  'policyReviews.note',
  'evidence.mimeType',
  'evidence.description',
];

/**
 * A written workpaper checked against what was filled in: every cell of every sheet (whatever
 * its state), header, footer and property, and every part of the file as stored. Masked: no
 * raw value anywhere, and every printed field masked exactly as `MASKED` says. With personal
 * data included: every printed field as typed.
 */
export async function expectPersonalData(
  bytes: Uint8Array,
  filled: EveryFieldFilled,
  included: boolean,
): Promise<{ workbook: ReadWorkbook; report: PersonalDataReport }> {
  expect(filled.unfillable).toEqual([]);
  const workbook = await readBack(bytes);
  expect(workbook.worksheets.map((ws) => ws.state)).toContain('veryHidden');
  const report = personalDataReport(everyText(workbook), filled);
  const stored = personalDataReport(await everyPart(bytes), filled);
  if (included) {
    expect(new Set(report.raw.map((r) => r.kind))).toEqual(new Set(Object.keys(RAW)));
  } else {
    expect(report.raw).toEqual([]);
    expect(stored.raw).toEqual([]);
  }
  const fields = Object.fromEntries(report.fields);
  for (const field of NOT_PRINTED) expect(fields).toHaveProperty([field]);
  const printed = included ? 'raw' : 'masked';
  expect(fields).toEqual(
    Object.fromEntries(
      [...report.fields.keys()].map((f) => [f, NOT_PRINTED.includes(f) ? 'absent' : printed]),
    ),
  );
  for (const id of report.identifiers) {
    expect(id.rawFound, id.raw).toBe(included);
    if (!included) expect(id.maskedFound, id.raw).toBe(true);
  }
  return { workbook, report };
}
