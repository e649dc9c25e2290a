import { describe, expect, it } from 'vitest';
import { rowKey } from '../../import/row-key';
import { vendorInput } from './test-data';
import {
  isValidTaxId,
  parseTaxIdValue,
  TAX_ID_MESSAGES,
  VENDOR_MESSAGES,
  vendorRowKey,
  vendorSchema,
} from './vendors';

function issuesOf(input: unknown) {
  const parsed = vendorSchema.safeParse(input);
  return parsed.success ? [] : parsed.error.issues;
}

describe('isValidTaxId (統一編號)', () => {
  it.each([
    ['22099131', 'Taiwan Semiconductor Manufacturing (台積電)'],
    ['96979933', 'Chunghwa Telecom (中華電信)'],
    ['04595257', 'the example the Ministry of Finance rule is usually shown with'],
    ['10458575', 'a 7 in 7th place, total 30 counting its 10 whole'],
  ])('accepts %s (%s)', (id) => {
    expect(isValidTaxId(id)).toBe(true);
    expect(isValidTaxId(id, 'pre-2023')).toBe(true);
  });

  it('accepts a 7 in 7th place when only the "1" reading passes', () => {
    // Weighted digit sums 1+0+4+1+(1+0)+7+(2+8)+4 = 29 counting 10; reading it as 1 gives 20.
    expect(isValidTaxId('10458574')).toBe(true);
    expect(isValidTaxId('10458574', 'pre-2023')).toBe(true);
    expect(isValidTaxId('12345675')).toBe(true);
  });

  it('allows the extra reading only for a 7 in 7th place', () => {
    // 10458584: total 24, one short of a multiple of 5 like 10458574, but its 7th digit is 8.
    expect(isValidTaxId('10458584')).toBe(false);
    expect(isValidTaxId('10458584', 'pre-2023')).toBe(false);
  });

  it('accepts multiples of 5 since the 2023 change, which the old rule refused', () => {
    // Totals of 35 and 25: multiples of 5, not of 10.
    expect(isValidTaxId('04595252')).toBe(true);
    expect(isValidTaxId('04595252', 'pre-2023')).toBe(false);
    expect(isValidTaxId('22099136')).toBe(true);
    expect(isValidTaxId('22099136', 'pre-2023')).toBe(false);
    // 7th digit 7, total 25 counting 10: a multiple of 5 but neither 25 nor 26 of 10.
    expect(isValidTaxId('10458570')).toBe(true);
    expect(isValidTaxId('10458570', 'pre-2023')).toBe(false);
  });

  it('refuses mistyped numbers and anything but eight digits', () => {
    expect(isValidTaxId('22099132')).toBe(false);
    expect(isValidTaxId('12345678')).toBe(false);
    expect(isValidTaxId('11111111')).toBe(false);
    expect(isValidTaxId('2209913')).toBe(false);
    expect(isValidTaxId('220991311')).toBe(false);
    expect(isValidTaxId('2209913A')).toBe(false);
    expect(isValidTaxId(' 22099131')).toBe(false);
    expect(isValidTaxId('２２０９９１３１')).toBe(false);
  });
});

describe('parseTaxIdValue', () => {
  it('folds width, drops separators and restores leading zeros Excel dropped', () => {
    expect(parseTaxIdValue('２２０９９１３１')).toEqual({ ok: true, value: '22099131' });
    expect(parseTaxIdValue(' 2209-9131 ')).toEqual({ ok: true, value: '22099131' });
    expect(parseTaxIdValue('4595257')).toEqual({ ok: true, value: '04595257' });
  });

  it('says whether the format or the check failed', () => {
    expect(parseTaxIdValue('12345')).toEqual({ ok: false, message: TAX_ID_MESSAGES.format });
    expect(parseTaxIdValue('A2099131')).toEqual({ ok: false, message: TAX_ID_MESSAGES.format });
    expect(parseTaxIdValue('22099132')).toEqual({ ok: false, message: TAX_ID_MESSAGES.checksum });
  });
});

describe('vendorSchema', () => {
  it('accepts a vendor and normalises its tax ID', () => {
    const vendor = vendorSchema.parse(vendorInput({ taxId: '4595257' }));
    expect(vendor.taxId).toBe('04595257');
  });

  it('accepts a foreign vendor without a tax ID', () => {
    expect(issuesOf(vendorInput({ taxId: null }))).toEqual([]);
  });

  it('refuses a tax ID that fails its check, at taxId', () => {
    const issues = issuesOf(vendorInput({ taxId: '22099132' }));
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toEqual(['taxId']);
    expect(issues[0]?.message).toBe(TAX_ID_MESSAGES.checksum.en);
  });

  it('refuses a contract that ends before it starts, at contractEnd', () => {
    const issues = issuesOf(
      vendorInput({ contractStart: '2025-01-01', contractEnd: '2024-12-31' }),
    );
    expect(issues.map((issue) => [issue.path, issue.message])).toEqual([
      [['contractEnd'], VENDOR_MESSAGES.endBeforeStart.en],
    ]);
  });

  it('needs at least one role and refuses repeats and unknown roles', () => {
    expect(issuesOf(vendorInput({ roles: [] }))[0]?.path).toEqual(['roles']);
    expect(issuesOf(vendorInput({ roles: ['outsourcing', 'outsourcing'] }))[0]?.path).toEqual([
      'roles',
    ]);
    expect(issuesOf({ ...vendorInput(), roles: ['catering'] })[0]?.path).toEqual(['roles', 0]);
  });

  it('refuses an empty name and a bad date', () => {
    expect(issuesOf(vendorInput({ name: '  ' }))[0]?.path).toEqual(['name']);
    expect(issuesOf(vendorInput({ contractStart: '2025-02-30' }))[0]?.path).toEqual([
      'contractStart',
    ]);
  });
});

describe('vendorRowKey', () => {
  it('keys a vendor by its tax ID, and none without one', () => {
    expect(vendorRowKey({ taxId: '04595257' as never })).toBe(
      rowKey({ taxId: '04595257' }, ['taxId']),
    );
    expect(vendorRowKey({ taxId: null })).toBeNull();
  });
});
