/**
 * Outsourcing vendors in the confidentiality-agreement register: those whose contracts must
 * carry an information-security confidentiality clause (自律規範第四條第二款) and those that
 * destroy equipment or media for the company, who must sign a confidentiality contract
 * (第四條第六款後段).
 *
 * 統一編號 (business tax ID): eight digits; the Ministry of Finance check is weights
 * 1,2,1,2,1,2,4,1, each product's digits added up, and the total a multiple of 10 — or, since
 * the 2023 change that made room for more numbers, a multiple of 5 (numbers valid under the
 * old rule stay valid). When the 7th digit is 7, its product 28 gives 2+8 = 10, which counts
 * as either 1 or 0, so the number is valid if either total passes.
 */
import { z } from 'zod';
import { isoDateSchema } from '../../domain/dates';
import type { Bilingual } from '../../domain/inspection/text';
import { rowKey, type RowKey } from '../../import/row-key';
import type { Parsed } from '../../import/values';
import { bi, MAX_NOTE, recordSourceSchema, rowKeySchema } from './support';

/** A checked 統一編號: eight ASCII digits. */
export type TaxId = string & { readonly __brand: 'TaxId' };

export type TaxIdRule = 'current' | 'pre-2023';

const TAX_ID_WEIGHTS = [1, 2, 1, 2, 1, 2, 4, 1] as const;

/**
 * Whether `input` (exactly eight digits, nothing else) passes the check. `rule` 'current'
 * (default) is the 2023 rule, a multiple of 5; 'pre-2023' the old one, a multiple of 10, for
 * telling whether a number could have been issued before the change.
 */
export function isValidTaxId(input: string, rule: TaxIdRule = 'current'): input is TaxId {
  if (!/^\d{8}$/.test(input)) return false;
  const divisor = rule === 'current' ? 5 : 10;
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const product = Number(input[i]) * (TAX_ID_WEIGHTS[i] ?? 0);
    sum += Math.floor(product / 10) + (product % 10);
  }
  // With a 7 in 7th place the sum above counts its 10 whole; 10 and 0 agree modulo 5 and 10,
  // so the other reading (1) is the sum plus one.
  return sum % divisor === 0 || (input[6] === '7' && (sum + 1) % divisor === 0);
}

export const TAX_ID_MESSAGES = {
  format: bi('統一編號應為 8 位數字', 'A business tax ID (統一編號) has 8 digits'),
  checksum: bi(
    '統一編號檢查碼不符，號碼可能輸入錯誤',
    'The business tax ID fails its check; it is probably mistyped',
  ),
} as const satisfies Record<string, Bilingual>;

/**
 * A 統一編號 as typed or exported: full-width digits folded, spaces and dashes dropped. A
 * number of 6 or 7 digits gets its leading zeros back (Excel stores 04595257 as the number
 * 4595257), then the check must pass.
 */
export function parseTaxIdValue(input: string): Parsed<TaxId> {
  let digits = input.normalize('NFKC').replace(/[\s-]/g, '');
  if (/^\d{6,7}$/.test(digits)) digits = digits.padStart(8, '0');
  if (!/^\d{8}$/.test(digits)) return { ok: false, message: TAX_ID_MESSAGES.format };
  if (!isValidTaxId(digits)) return { ok: false, message: TAX_ID_MESSAGES.checksum };
  return { ok: true, value: digits };
}

export const taxIdSchema = z.string().transform((value, ctx): TaxId => {
  const parsed = parseTaxIdValue(value);
  if (!parsed.ok) {
    ctx.addIssue({ code: 'custom', message: parsed.message.en, params: { messageKey: 'taxId' } });
    return z.NEVER;
  }
  return parsed.value;
});

/** What a vendor does for the company, deciding which agreement it must sign. */
export const VENDOR_ROLES = ['outsourcing', 'disposal'] as const;
export type VendorRole = (typeof VENDOR_ROLES)[number];

export const VENDOR_ROLE_LABELS: Readonly<Record<VendorRole, Bilingual>> = {
  outsourcing: bi('委外業務', 'Outsourced service'),
  disposal: bi('受託銷毀（設備、儲存媒體）', 'Destruction of equipment or media'),
};

export const VENDOR_MESSAGES = {
  endBeforeStart: bi('契約迄日不得早於起日', 'The contract cannot end before it starts'),
  duplicateRole: bi('業務類型重複', 'A role is listed twice'),
  taxId: TAX_ID_MESSAGES.checksum,
} as const satisfies Record<string, Bilingual>;
export type VendorMessageKey = keyof typeof VENDOR_MESSAGES;

const text = (max: number) => z.string().trim().max(max);

export const vendorSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    /** 統一編號; null for a foreign vendor without Taiwanese registration. */
    taxId: taxIdSchema.nullable(),
    roles: z.array(z.enum(VENDOR_ROLES)).min(1).max(VENDOR_ROLES.length),
    /** What is outsourced (系統維運、客服、理賠查勘、報廢銷毀 …). */
    services: text(2000),
    /** Can reach customer data or the company's systems: weighs a missing clause. */
    handlesCustomerData: z.boolean(),
    contractStart: isoDateSchema.nullable(),
    contractEnd: isoDateSchema.nullable(),
    contactName: text(100),
    note: text(MAX_NOTE),
    source: recordSourceSchema,
    /** Natural key for re-import (`vendorRowKey`); sealed with the record and compared after decryption, never indexed in clear. */
    rowKey: rowKeySchema(1000),
  })
  .superRefine((vendor, ctx) => {
    const fail = (path: PropertyKey[], messageKey: VendorMessageKey) => {
      ctx.addIssue({
        code: 'custom',
        path,
        message: VENDOR_MESSAGES[messageKey].en,
        params: { messageKey },
      });
    };
    if (
      vendor.contractStart !== null &&
      vendor.contractEnd !== null &&
      vendor.contractEnd < vendor.contractStart
    ) {
      fail(['contractEnd'], 'endBeforeStart');
    }
    if (new Set(vendor.roles).size !== vendor.roles.length) fail(['roles'], 'duplicateRole');
  });
export type Vendor = z.infer<typeof vendorSchema>;
export type VendorInput = z.input<typeof vendorSchema>;

/** The natural key of a vendor: its 統一編號, else null (matched by hand). */
export function vendorRowKey(vendor: Pick<Vendor, 'taxId'>): RowKey | null {
  return vendor.taxId === null ? null : rowKey({ taxId: vendor.taxId }, ['taxId']);
}
