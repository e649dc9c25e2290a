/**
 * Whether a vendor had a destruction NDA in force on a day, from the agreements register: what
 * the disposal log's `vendor-without-nda` flag asks (art. 4 item 6 links the two registers).
 * One place for the app's disposal screen and the workpaper, so both judge alike. An NDA is in
 * force from its signing (and `validFrom`) to its expiry, both days included; a vendor no longer
 * in the register has none.
 */
import type { IsoDate } from '../domain/dates';
import type { Stored } from '../domain/records';
import type { Agreement } from './agreements/agreements';
import type { Vendor } from './agreements/vendors';

export function vendorNdaChecker(
  vendors: readonly Stored<Vendor>[],
  agreements: readonly Stored<Agreement>[],
): (vendorId: string, on: IsoDate) => boolean | 'expired' {
  const known = new Set<string>(vendors.filter((v) => !v.deleted).map((v) => v.id));
  const byVendor = new Map<string, Stored<Agreement>[]>();
  for (const agreement of agreements) {
    if (agreement.deleted || agreement.partyKind !== 'vendor') continue;
    if (agreement.kind !== 'disposal-vendor-nda') continue;
    const list = byVendor.get(agreement.partyId);
    if (list === undefined) byVendor.set(agreement.partyId, [agreement]);
    else list.push(agreement);
  }
  return (vendorId, on) => {
    if (!known.has(vendorId)) return false;
    const list = byVendor.get(vendorId) ?? [];
    if (list.length === 0) return false;
    const inForce = list.some(
      (a) =>
        a.signedOn <= on &&
        (a.validFrom === null || a.validFrom <= on) &&
        (a.expiresOn === null || a.expiresOn >= on),
    );
    return inForce ? true : 'expired';
  };
}
