import { describe, expect, it } from 'vitest';
import { asIsoDate } from '../domain/dates';
import type { RecordId, Stored } from '../domain/records';
import type { Agreement } from './agreements/agreements';
import type { Vendor } from './agreements/vendors';
import { vendorNdaChecker } from './vendor-nda';

const VENDOR = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b' as RecordId;
const OTHER = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c' as RecordId;

function nda(overrides: Partial<Stored<Agreement>> = {}): Stored<Agreement> {
  return {
    id: '0190a1b2-c3d4-7e5f-8a9b-000000000001' as RecordId,
    rev: 1,
    updatedAt: '2025-01-01T00:00:00.000Z',
    updatedBy: 't',
    deleted: false,
    partyKind: 'vendor',
    partyId: VENDOR,
    kind: 'disposal-vendor-nda',
    version: '1',
    signedOn: asIsoDate('2024-01-01'),
    signer: '甲公司',
    counterSigner: '',
    attachmentId: null,
    signature: null,
    validFrom: null,
    expiresOn: asIsoDate('2024-12-31'),
    note: '',
    source: 'manual',
    rowKey: null,
    ...overrides,
  };
}

const vendor = (id: RecordId, deleted = false) =>
  ({
    id,
    rev: 1,
    updatedAt: '2025-01-01T00:00:00.000Z',
    updatedBy: 't',
    deleted,
    name: '甲公司',
  }) as unknown as Stored<Vendor>;
const VENDORS = [vendor(VENDOR), vendor(OTHER)];

describe('vendor NDA in force', () => {
  const check = vendorNdaChecker(VENDORS, [nda()]);
  it('is in force from signing to expiry, both days included', () => {
    expect(check(VENDOR, asIsoDate('2024-01-01'))).toBe(true);
    expect(check(VENDOR, asIsoDate('2024-12-31'))).toBe(true);
  });
  it('says expired before signing or after expiry, and false for a vendor without one', () => {
    expect(check(VENDOR, asIsoDate('2023-12-31'))).toBe('expired');
    expect(check(VENDOR, asIsoDate('2025-01-01'))).toBe('expired');
    expect(check(OTHER, asIsoDate('2024-06-01'))).toBe(false);
  });
  it('ignores deleted agreements and other kinds', () => {
    const only = vendorNdaChecker(VENDORS, [
      nda({ deleted: true }),
      nda({ kind: 'outsourcing-clause', expiresOn: null }),
    ]);
    expect(only(VENDOR, asIsoDate('2024-06-01'))).toBe(false);
  });
  it('gives none to a vendor removed from the register', () => {
    expect(vendorNdaChecker([vendor(VENDOR, true)], [nda()])(VENDOR, asIsoDate('2024-06-01'))).toBe(
      false,
    );
  });
});
