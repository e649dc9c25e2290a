/**
 * Whether a vendor had a confidentiality contract in force on a day, from the agreements
 * register: what the disposal log's `vendor-without-nda` flag asks (art. 4 item 6 links the
 * two registers). An NDA counts from its signing (or `validFrom`) to its expiry, both inclusive.
 */
import type { IsoDate } from '../domain/dates';
import type { Stored } from '../domain/records';
import type { Agreement } from './agreements/agreements';

export function vendorNdaChecker(
  agreements: readonly Stored<Agreement>[],
): (vendorId: string, on: IsoDate) => boolean | 'expired' {
  const byVendor = new Map<string, Agreement[]>();
  for (const agreement of agreements) {
    if (agreement.deleted || agreement.partyKind !== 'vendor') continue;
    if (agreement.kind !== 'disposal-vendor-nda') continue;
    const list = byVendor.get(agreement.partyId) ?? [];
    list.push(agreement);
    byVendor.set(agreement.partyId, list);
  }
  return (vendorId, on) => {
    const ndas = byVendor.get(vendorId);
    if (!ndas || ndas.length === 0) return false;
    const inForce = ndas.some(
      (nda) =>
        (nda.validFrom ?? nda.signedOn) <= on && (nda.expiresOn === null || nda.expiresOn >= on),
    );
    return inForce ? true : 'expired';
  };
}
