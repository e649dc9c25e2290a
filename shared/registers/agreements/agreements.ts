/**
 * Signed confidentiality agreements (自律規範第四條第一款、第二款、第六款後段): which kind, which
 * form version, who signed and when, the scanned copy (an evidence record, sealed by the data
 * layer) or a signature captured on screen during the visit, and for how long it holds.
 * Also the import of an agreement list from Excel or CSV, matching each row to a person by
 * employee number or to a vendor by 統一編號.
 */
import { z } from 'zod';
import { isIsoInstant, isoDateSchema, isoInstantSchema, localDateOf } from '../../domain/dates';
import type { Bilingual } from '../../domain/inspection/text';
import type { RecordId, Stored } from '../../domain/records';
import { ROSTER_FIELDS } from '../../import/fields';
import type { ImportField, ImportValues, RowError, ValidRow } from '../../import/mapping';
import { normaliseKeyPart, rowKey, type RowKey } from '../../import/row-key';
import { personRowKey, type Person } from './people';
import {
  bi,
  issuesToRowErrors,
  MAX_NOTE,
  rowError,
  type ImportColumns,
  type RowConversion,
  recordIdSchema,
  recordSourceSchema,
  rowKeySchema,
} from './support';
import { parseTaxIdValue, vendorRowKey, type TaxId, type Vendor } from './vendors';

// ——— Kinds ———

export const PARTY_KINDS = ['person', 'vendor'] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];

export const PARTY_KIND_LABELS: Readonly<Record<PartyKind, Bilingual>> = {
  person: bi('人員', 'Person'),
  vendor: bi('廠商', 'Vendor'),
};

export const AGREEMENT_KINDS = [
  'employee-undertaking',
  'employment-clause',
  'handbook-acknowledgement',
  'outsourcing-clause',
  'disposal-vendor-nda',
] as const;
export type AgreementKind = (typeof AGREEMENT_KINDS)[number];

export interface AgreementKindInfo {
  label: Bilingual;
  /** Who signs it. */
  party: PartyKind;
  /** The checklist item (shared/catalog/items/sr-04.ts) this kind of agreement evidences. */
  itemId: string;
  /** The rule it answers, for labels and reports. */
  citation: Bilingual;
}

/**
 * Art. 4 item 1 names three documents: the undertaking (SR-04-01.1, the item the register
 * supports) and the employment contract and work handbook (SR-04-01.2). Item 2 is the
 * outsourcing contract's clause (SR-04-02.1); item 6's last sentence the destruction
 * vendor's confidentiality contract (SR-04-06.3).
 */
export const AGREEMENT_KIND_INFO: Readonly<Record<AgreementKind, AgreementKindInfo>> = {
  'employee-undertaking': {
    label: bi('資訊安全保密切結書', 'Information-security confidentiality undertaking'),
    party: 'person',
    itemId: 'SR-04-01.1',
    citation: bi('自律規範第四條第一款', 'Self-regulation rules art. 4 item 1'),
  },
  'employment-clause': {
    label: bi('僱傭契約保密條款', 'Confidentiality clause of the employment contract'),
    party: 'person',
    itemId: 'SR-04-01.2',
    citation: bi('自律規範第四條第一款', 'Self-regulation rules art. 4 item 1'),
  },
  'handbook-acknowledgement': {
    label: bi('員工手冊簽收', 'Staff handbook acknowledgement'),
    party: 'person',
    itemId: 'SR-04-01.2',
    citation: bi('自律規範第四條第一款', 'Self-regulation rules art. 4 item 1'),
  },
  'outsourcing-clause': {
    label: bi('委外契約保密條款', 'Confidentiality clause of the outsourcing contract'),
    party: 'vendor',
    itemId: 'SR-04-02.1',
    citation: bi('自律規範第四條第二款', 'Self-regulation rules art. 4 item 2'),
  },
  'disposal-vendor-nda': {
    label: bi('報廢處理廠商保密協議', 'Confidentiality agreement with the destruction vendor'),
    party: 'vendor',
    itemId: 'SR-04-06.3',
    citation: bi('自律規範第四條第六款', 'Self-regulation rules art. 4 item 6'),
  },
};

export const PERSON_AGREEMENT_KINDS = AGREEMENT_KINDS.filter(
  (kind) => AGREEMENT_KIND_INFO[kind].party === 'person',
);
export const VENDOR_AGREEMENT_KINDS = AGREEMENT_KINDS.filter(
  (kind) => AGREEMENT_KIND_INFO[kind].party === 'vendor',
);

/** Whether `partyKind` is who signs an agreement of `kind`. */
export function partyFitsKind(partyKind: PartyKind, kind: AgreementKind): boolean {
  return AGREEMENT_KIND_INFO[kind].party === partyKind;
}

// ——— Signatures captured on screen ———

/**
 * Bounds that keep a stored signature small (a few hundred kB of JSON at worst; a real
 * signature is a few hundred points) and refuse runaway input.
 */
export const SIGNATURE_LIMITS = {
  maxSide: 4096,
  maxStrokes: 100,
  maxPointsPerStroke: 2000,
  maxPoints: 4000,
  /** Milliseconds from the first point. */
  maxDurationMs: 10 * 60 * 1000,
} as const;

export const signaturePointSchema = z.object({
  /** CSS pixels on the pad, origin top left. */
  x: z.number().min(0).max(SIGNATURE_LIMITS.maxSide),
  y: z.number().min(0).max(SIGNATURE_LIMITS.maxSide),
  /** Milliseconds since the first point of the signature. */
  t: z.int().min(0).max(SIGNATURE_LIMITS.maxDurationMs),
  /** PointerEvent.pressure: 0–1 (0.5 for a mouse button held down). */
  pressure: z.number().min(0).max(1),
});
export type SignaturePoint = z.infer<typeof signaturePointSchema>;

export const SIGNATURE_MESSAGES = {
  tooManyPoints: bi(
    `簽名點數過多（上限 ${SIGNATURE_LIMITS.maxPoints} 點）`,
    `The signature has too many points (at most ${SIGNATURE_LIMITS.maxPoints})`,
  ),
  outsidePad: bi('簽名超出簽名板範圍', 'The signature goes outside the pad'),
  timeGoesBack: bi('簽名點之時間不得倒退', 'The points of a stroke must be in time order'),
} as const satisfies Record<string, Bilingual>;

export const signatureSchema = z
  .object({
    capturedAt: isoInstantSchema,
    width: z.int().min(1).max(SIGNATURE_LIMITS.maxSide),
    height: z.int().min(1).max(SIGNATURE_LIMITS.maxSide),
    strokes: z
      .array(z.array(signaturePointSchema).min(1).max(SIGNATURE_LIMITS.maxPointsPerStroke))
      .min(1)
      .max(SIGNATURE_LIMITS.maxStrokes),
  })
  .superRefine((signature, ctx) => {
    const fail = (path: PropertyKey[], messageKey: keyof typeof SIGNATURE_MESSAGES) => {
      ctx.addIssue({
        code: 'custom',
        path,
        message: SIGNATURE_MESSAGES[messageKey].en,
        params: { messageKey },
      });
    };
    const total = signature.strokes.reduce((sum, stroke) => sum + stroke.length, 0);
    if (total > SIGNATURE_LIMITS.maxPoints) fail(['strokes'], 'tooManyPoints');
    signature.strokes.forEach((stroke, s) => {
      const outside = stroke.findIndex((p) => p.x > signature.width || p.y > signature.height);
      if (outside >= 0) fail(['strokes', s, outside], 'outsidePad');
      const back = stroke.findIndex((p, i) => i > 0 && p.t < (stroke[i - 1]?.t ?? 0));
      if (back >= 0) fail(['strokes', s, back, 't'], 'timeGoesBack');
    });
  });
export type Signature = z.infer<typeof signatureSchema>;

function svgNumber(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/**
 * The signature as the `d` of one SVG `<path>` in the pad's coordinates (use
 * `viewBox="0 0 width height"`, `fill="none"`, round caps and joins): each stroke a move then
 * lines; a single-point stroke (a dot) a zero-length line, which round caps draw as a dot.
 */
export function signatureToSvgPath(signature: Pick<Signature, 'strokes'>): string {
  return signature.strokes
    .map((stroke) => {
      const [first, ...rest] = stroke;
      if (first === undefined) return '';
      const start = `M${svgNumber(first.x)} ${svgNumber(first.y)}`;
      if (rest.length === 0) return `${start} l0 0`;
      return `${start} ${rest.map((p) => `L${svgNumber(p.x)} ${svgNumber(p.y)}`).join(' ')}`;
    })
    .filter((part) => part !== '')
    .join(' ');
}

/**
 * A captured signature with coordinates rounded to 0.1 px and pressure to 0.01, and repeated
 * points (same place, same pressure) dropped: what the pad should store. Does not validate.
 */
export function compactSignature(signature: Signature): Signature {
  // Dividing by a whole factor keeps 11.3 from becoming 11.300000000000001.
  const round = (value: number, factor: number) => Math.round(value * factor) / factor;
  return {
    ...signature,
    strokes: signature.strokes.map((stroke) => {
      const out: SignaturePoint[] = [];
      for (const point of stroke) {
        const p = {
          x: round(point.x, 10),
          y: round(point.y, 10),
          t: point.t,
          pressure: round(point.pressure, 100),
        };
        const last = out.at(-1);
        if (last?.x === p.x && last.y === p.y && last.pressure === p.pressure) continue;
        out.push(p);
      }
      return out;
    }),
  };
}

// ——— Agreements ———

export const AGREEMENT_MESSAGES = {
  partyDoesNotFitKind: bi(
    '此類文件之簽署對象不符（員工文件應由人員簽署，委外及報廢協議應由廠商簽署）',
    'This kind of agreement is signed by the other kind of party (staff documents by people, outsourcing and destruction agreements by vendors)',
  ),
  expiresBeforeSigned: bi('到期日不得早於簽署日', 'It cannot expire before it was signed'),
  expiresBeforeValid: bi('到期日不得早於生效日', 'It cannot expire before it takes effect'),
  signatureDate: bi(
    '螢幕簽名之日期（臺北時間）應與簽署日相同',
    'A signature captured on screen must be dated (Taipei time) on the signing date',
  ),
} as const satisfies Record<string, Bilingual>;
export type AgreementMessageKey = keyof typeof AGREEMENT_MESSAGES;

const text = (max: number) => z.string().trim().max(max);

export const agreementSchema = z
  .object({
    partyKind: z.enum(PARTY_KINDS),
    /** The person's or vendor's record id. */
    partyId: recordIdSchema,
    kind: z.enum(AGREEMENT_KINDS),
    /** The form's version as printed on it (2024.1, 113年版, V3); compared as text. */
    version: z.string().trim().min(1).max(50),
    signedOn: isoDateSchema,
    /** The name as signed. */
    signer: z.string().trim().min(1).max(100),
    /** The company's representative or witness who counter-signed; may be empty. */
    counterSigner: text(100),
    /** The scanned copy: an evidence record, stored encrypted. */
    attachmentId: recordIdSchema.nullable(),
    /** A signature captured on screen, for agreements signed during the visit. */
    signature: signatureSchema.nullable(),
    validFrom: isoDateSchema.nullable(),
    expiresOn: isoDateSchema.nullable(),
    note: text(MAX_NOTE),
    source: recordSourceSchema,
    /** Natural key for re-import (`agreementRowKey`); sealed with the record and compared after decryption, never indexed in clear. */
    rowKey: rowKeySchema(3000),
  })
  .superRefine((agreement, ctx) => {
    const fail = (path: PropertyKey[], messageKey: AgreementMessageKey) => {
      ctx.addIssue({
        code: 'custom',
        path,
        message: AGREEMENT_MESSAGES[messageKey].en,
        params: { messageKey },
      });
    };
    if (!partyFitsKind(agreement.partyKind, agreement.kind)) fail(['kind'], 'partyDoesNotFitKind');
    if (agreement.expiresOn !== null) {
      if (agreement.expiresOn < agreement.signedOn) fail(['expiresOn'], 'expiresBeforeSigned');
      if (agreement.validFrom !== null && agreement.expiresOn < agreement.validFrom) {
        fail(['expiresOn'], 'expiresBeforeValid');
      }
    }
    // zod runs this refinement even when capturedAt itself failed (it is then reported as
    // such); localDateOf would throw on it instead of letting the parse fail.
    if (
      agreement.signature !== null &&
      isIsoInstant(agreement.signature.capturedAt) &&
      localDateOf(agreement.signature.capturedAt) !== agreement.signedOn
    ) {
      fail(['signature', 'capturedAt'], 'signatureDate');
    }
  });
export type Agreement = z.infer<typeof agreementSchema>;
export type AgreementInput = z.input<typeof agreementSchema>;

/**
 * The natural key of an agreement: its party's key (`personRowKey` / `vendorRowKey`), kind,
 * version and signing date, so the same list imported twice, or a row the auditor already
 * entered by hand, is matched instead of duplicated. Null when the party has no key.
 */
export function agreementRowKey(
  partyKey: RowKey | null,
  agreement: Pick<Agreement, 'kind' | 'version' | 'signedOn'>,
): RowKey | null {
  if (partyKey === null) return null;
  return rowKey({ party: partyKey, ...agreement }, ['party', 'kind', 'version', 'signedOn']);
}

// ——— Import ———

const KIND_OPTIONS: readonly { value: string; kind: AgreementKind; aliases: string[] }[] = [
  {
    value: '資訊安全保密切結書',
    kind: 'employee-undertaking',
    aliases: ['保密切結書', '資安保密切結書', '切結書', 'employee-undertaking', 'undertaking'],
  },
  {
    value: '僱傭契約保密條款',
    kind: 'employment-clause',
    aliases: [
      '僱傭契約',
      '雇傭契約',
      '勞動契約',
      '聘僱契約',
      'employment-clause',
      'employment contract',
    ],
  },
  {
    value: '員工手冊簽收',
    kind: 'handbook-acknowledgement',
    aliases: [
      '員工手冊',
      '工作手冊',
      '工作手冊簽收',
      '手冊簽收',
      'handbook-acknowledgement',
      'handbook',
    ],
  },
  {
    value: '委外契約保密條款',
    kind: 'outsourcing-clause',
    aliases: ['委外契約', '委外保密條款', '委外保密協定', 'outsourcing-clause', 'outsourcing'],
  },
  {
    value: '報廢處理廠商保密協議',
    kind: 'disposal-vendor-nda',
    aliases: ['報廢廠商保密協議', '銷毀保密合約', '銷毀廠商保密合約', 'disposal-vendor-nda', 'NDA'],
  },
];

const rosterEmployeeNo = ROSTER_FIELDS.find((field) => field.key === 'employeeNo');

/**
 * Columns of an agreement list. Each row names its party by 員工編號 (a person) or by 統一編號
 * (a vendor) — exactly one of the two.
 */
export const AGREEMENT_IMPORT_FIELDS: readonly ImportField[] = [
  {
    key: 'employeeNo',
    label: bi('員工編號', 'Employee number'),
    kind: 'text',
    required: false,
    aliases: rosterEmployeeNo?.aliases ?? ['員編', '工號'],
  },
  {
    key: 'vendorTaxId',
    label: bi('廠商統一編號', 'Vendor tax ID'),
    kind: 'text',
    required: false,
    aliases: [
      '統一編號',
      '統編',
      '廠商統編',
      '營利事業統一編號',
      'Tax ID',
      'VAT No.',
      'Business ID',
    ],
  },
  {
    key: 'kind',
    label: bi('文件類別', 'Agreement kind'),
    kind: 'enum',
    required: true,
    aliases: ['協議類別', '文件種類', '切結書類別', '類別', 'Agreement Type', 'Type'],
    allowed: KIND_OPTIONS.map(({ value, aliases }) => ({ value, aliases })),
  },
  {
    key: 'version',
    label: bi('版本', 'Version'),
    kind: 'text',
    required: true,
    aliases: ['版次', '文件版本', '表單版本', 'Version', 'Rev.'],
  },
  {
    key: 'signedOn',
    label: bi('簽署日', 'Signed on'),
    kind: 'date',
    required: true,
    aliases: ['簽署日期', '簽訂日', '簽約日', '簽約日期', '簽收日', 'Signed On', 'Date Signed'],
  },
  {
    key: 'signer',
    label: bi('簽署人', 'Signer'),
    kind: 'text',
    required: false,
    aliases: ['立書人', '立切結書人', '簽署人員', '簽收人', 'Signed By'],
  },
  {
    key: 'counterSigner',
    label: bi('會簽人', 'Counter-signer'),
    kind: 'text',
    required: false,
    aliases: ['公司代表', '見證人', '覆核人', 'Countersigned By', 'Counter-signer'],
  },
  {
    key: 'validFrom',
    label: bi('生效日', 'Valid from'),
    kind: 'date',
    required: false,
    aliases: ['生效日期', '起始日', 'Effective Date'],
  },
  {
    key: 'expiresOn',
    label: bi('到期日', 'Expires on'),
    kind: 'date',
    required: false,
    aliases: ['到期日期', '屆滿日', '有效期限', 'Expiry Date', 'Expires'],
  },
  {
    key: 'note',
    label: bi('備註', 'Note'),
    kind: 'text',
    required: false,
    aliases: ['說明', 'Remarks', 'Notes'],
  },
];

/** The agreement kind of an import's 文件類別 value (the enum field's stored value). */
export function agreementKindFromImport(value: string): AgreementKind | null {
  return KIND_OPTIONS.find((option) => option.value === value)?.kind ?? null;
}

export type PartyLookup =
  | { found: 'one'; partyKind: PartyKind; id: RecordId; name: string; key: RowKey | null }
  | { found: 'none' }
  | { found: 'many'; count: number };

/** People and vendors indexed for matching import rows; deleted records are left out. */
export interface PartyDirectory {
  findPerson(employeeNo: string): PartyLookup;
  findVendor(taxId: TaxId): PartyLookup;
}

interface Entry {
  partyKind: PartyKind;
  id: RecordId;
  name: string;
  key: RowKey | null;
}

function lookup(entries: readonly Entry[] | undefined): PartyLookup {
  if (entries === undefined || entries.length === 0) return { found: 'none' };
  const [only] = entries;
  if (entries.length > 1 || only === undefined) return { found: 'many', count: entries.length };
  return { found: 'one', ...only };
}

function push<K>(map: Map<K, Entry[]>, key: K, entry: Entry) {
  const list = map.get(key);
  if (list === undefined) map.set(key, [entry]);
  else list.push(entry);
}

/**
 * Indexes the register's people by employee number (normalised like row keys: width, case and
 * spaces do not matter) and vendors by 統一編號. A number of digits only also matches without
 * its leading zeros (Excel turns 00123 into 123) when that finds exactly one person.
 */
export function partyDirectory(
  people: readonly Stored<Person>[],
  vendors: readonly Stored<Vendor>[],
): PartyDirectory {
  const byNumber = new Map<string, Entry[]>();
  const byDigits = new Map<string, Entry[]>();
  for (const person of people) {
    if (person.deleted || person.employeeNo.trim() === '') continue;
    const entry: Entry = {
      partyKind: 'person',
      id: person.id,
      name: person.name,
      key: personRowKey(person),
    };
    const number = normaliseKeyPart(person.employeeNo);
    push(byNumber, number, entry);
    if (/^\d+$/.test(number)) push(byDigits, number.replace(/^0+(?=\d)/, ''), entry);
  }
  const byTaxId = new Map<string, Entry[]>();
  for (const vendor of vendors) {
    if (vendor.deleted || vendor.taxId === null) continue;
    push(byTaxId, vendor.taxId, {
      partyKind: 'vendor',
      id: vendor.id,
      name: vendor.name,
      key: vendorRowKey(vendor),
    });
  }
  return {
    findPerson(employeeNo) {
      const number = normaliseKeyPart(employeeNo);
      const exact = byNumber.get(number);
      if (exact !== undefined || !/^\d+$/.test(number)) return lookup(exact);
      return lookup(byDigits.get(number.replace(/^0+(?=\d)/, '')));
    },
    findVendor(taxId) {
      return lookup(byTaxId.get(taxId));
    },
  };
}

export const AGREEMENT_IMPORT_MESSAGES = {
  noParty: bi(
    '請填寫員工編號（人員）或廠商統一編號（廠商）其中之一。',
    'Give either the employee number (a person) or the vendor tax ID (a vendor).',
  ),
  bothParties: bi(
    '員工編號與廠商統一編號只能擇一填寫。',
    'Give the employee number or the vendor tax ID, not both.',
  ),
  personNotFound: bi(
    '登記簿中找不到此員工編號的人員；請先匯入或建立人員。',
    'No person in the register has this employee number; import or add the person first.',
  ),
  vendorNotFound: bi(
    '登記簿中找不到此統一編號的廠商；請先建立廠商。',
    'No vendor in the register has this tax ID; add the vendor first.',
  ),
  ambiguous: bi(
    '登記簿中有多筆相同編號的資料，無法判斷是哪一筆。',
    'Several records in the register have this number; the row cannot be matched.',
  ),
} as const satisfies Record<string, Bilingual>;

function duplicateRowMessage(first: number, row: number): Bilingual {
  return bi(
    `與第 ${first} 列重複：第 ${first} 列與第 ${row} 列為同一份文件（對象、類別、版本及簽署日均相同）。`,
    `Duplicate: rows ${first} and ${row} are the same agreement (same party, kind, version and signing date).`,
  );
}

const AGREEMENT_FIELD_OF_PATH: Readonly<Record<string, string>> = {
  partyKind: 'kind',
  signature: 'signedOn',
};

function fieldOfAgreementPath(path: readonly PropertyKey[]): string | null {
  const head = path[0];
  if (typeof head !== 'string') return null;
  const field = AGREEMENT_FIELD_OF_PATH[head] ?? head;
  return AGREEMENT_IMPORT_FIELDS.some((f) => f.key === field) ? field : null;
}

/**
 * A checked row of an agreement list (`validateRows` with `AGREEMENT_IMPORT_FIELDS`) linked to
 * its party, or the row's errors (row number, column, masked value, bilingual message): no
 * party or both given, a 統一編號 that fails its check, no or several matching records, a
 * kind the party cannot sign, an expiry before signing. An empty 簽署人 takes the party's
 * name from the register.
 */
export function agreementRowToAgreement(
  row: Pick<ValidRow, 'rowNumber' | 'values'>,
  directory: PartyDirectory,
  columns?: ImportColumns,
): RowConversion<Agreement> {
  const values: ImportValues = row.values;
  const get = (key: string): string | null => {
    const value = values[key];
    return value === undefined || value === null || value.trim() === '' ? null : value.trim();
  };
  const fail = (field: string | null, message: Bilingual): RowConversion<Agreement> => ({
    ok: false,
    rowNumber: row.rowNumber,
    errors: [rowError(row.rowNumber, field, field === null ? null : get(field), message, columns)],
  });

  const employeeNo = get('employeeNo');
  const taxText = get('vendorTaxId');
  if (employeeNo === null && taxText === null) {
    const field =
      columns !== undefined && columns.mapping.employeeNo === undefined
        ? 'vendorTaxId'
        : 'employeeNo';
    return fail(field, AGREEMENT_IMPORT_MESSAGES.noParty);
  }
  if (employeeNo !== null && taxText !== null) {
    return fail('vendorTaxId', AGREEMENT_IMPORT_MESSAGES.bothParties);
  }

  let party: PartyLookup;
  let partyField: string;
  if (employeeNo !== null) {
    partyField = 'employeeNo';
    party = directory.findPerson(employeeNo);
  } else {
    partyField = 'vendorTaxId';
    const taxId = parseTaxIdValue(taxText ?? '');
    if (!taxId.ok) return fail(partyField, taxId.message);
    party = directory.findVendor(taxId.value);
  }
  if (party.found === 'none') {
    return fail(
      partyField,
      partyField === 'employeeNo'
        ? AGREEMENT_IMPORT_MESSAGES.personNotFound
        : AGREEMENT_IMPORT_MESSAGES.vendorNotFound,
    );
  }
  if (party.found === 'many') return fail(partyField, AGREEMENT_IMPORT_MESSAGES.ambiguous);

  const kindText = get('kind');
  const kind = kindText === null ? null : agreementKindFromImport(kindText);
  const input: AgreementInput = {
    partyKind: party.partyKind,
    partyId: party.id,
    // An unknown value cannot pass validateRows; the schema still reports it if it does.
    kind: (kind ?? kindText ?? '') as AgreementKind,
    version: get('version') ?? '',
    signedOn: get('signedOn') ?? '',
    signer: get('signer') ?? party.name,
    counterSigner: get('counterSigner') ?? '',
    attachmentId: null,
    signature: null,
    validFrom: get('validFrom'),
    expiresOn: get('expiresOn'),
    note: get('note') ?? '',
    source: 'import',
    rowKey: null,
  };
  const parsed = agreementSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      rowNumber: row.rowNumber,
      errors: issuesToRowErrors(
        row.rowNumber,
        parsed.error.issues,
        fieldOfAgreementPath,
        get,
        columns,
        AGREEMENT_MESSAGES,
      ),
    };
  }
  const key = agreementRowKey(party.key, parsed.data);
  return { ok: true, rowNumber: row.rowNumber, value: { ...parsed.data, rowKey: key }, key };
}

export interface AgreementRowsResult {
  /** Converted rows, in file order; commit them only when `errors` is empty. */
  agreements: { rowNumber: number; value: Agreement; key: RowKey | null }[];
  errors: RowError[];
}

/**
 * Every row through `agreementRowToAgreement`, plus a check the row validation cannot make
 * (its unique key needs every key field filled, and a row names either a person or a
 * vendor): the same agreement twice in one file is an error on the later row.
 */
export function agreementRowsToAgreements(
  rows: Iterable<Pick<ValidRow, 'rowNumber' | 'values'>>,
  directory: PartyDirectory,
  columns?: ImportColumns,
): AgreementRowsResult {
  const agreements: AgreementRowsResult['agreements'] = [];
  const errors: RowError[] = [];
  const firstRowOfKey = new Map<RowKey, number>();
  for (const row of rows) {
    const converted = agreementRowToAgreement(row, directory, columns);
    if (!converted.ok) {
      errors.push(...converted.errors);
      continue;
    }
    if (converted.key !== null) {
      const first = firstRowOfKey.get(converted.key);
      if (first !== undefined) {
        errors.push({
          ...rowError(
            converted.rowNumber,
            'signedOn',
            converted.value.signedOn,
            duplicateRowMessage(first, converted.rowNumber),
            columns,
          ),
          duplicateOf: first,
        });
        continue;
      }
      firstRowOfKey.set(converted.key, converted.rowNumber);
    }
    agreements.push({ rowNumber: converted.rowNumber, value: converted.value, key: converted.key });
  }
  return { agreements, errors };
}
