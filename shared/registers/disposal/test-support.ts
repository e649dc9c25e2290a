/** Records and contexts shared by the disposal tests. */
import { asIsoDate } from '../../domain/dates';
import { newRecordId } from '../../domain/records';
import {
  disposalRecordSchema,
  newDisposalRecord,
  type DisposalRecord,
  type DisposalRecordInput,
  type DisposalRecordLike,
} from './disposal';
import type { DisposalFlagContext } from './flags';

export const VENDOR_WITH_NDA = newRecordId();
export const VENDOR_WITHOUT_NDA = newRecordId();
export const VENDOR_EXPIRED = newRecordId();
export const CERTIFICATE = newRecordId();
export const AS_OF = asIsoDate('2025-06-30');

/** A completed disposal that nothing flags: an SSD laptop purged by block erase, verified. */
export function completedRecord(
  overrides: Partial<DisposalRecordInput> & { id?: string } = {},
): DisposalRecordLike {
  const { id, ...fields } = overrides;
  const record: DisposalRecord = disposalRecordSchema.parse({
    ...newDisposalRecord('NB-0001', 'laptop'),
    mediaType: 'ssd',
    serialNo: 'PF1ABC23',
    model: 'Lenovo ThinkPad T480',
    classification: '限閱',
    method: 'purge',
    technique: 'block-erase',
    softwareRemoved: 'yes',
    performedBy: '王小明',
    verifiedBy: '李大華',
    performedOn: '2025-03-05',
    verifiedOn: '2025-03-06',
    status: 'completed',
    ...fields,
  });
  return id === undefined ? record : { ...record, id };
}

/** The agreements register as the flags see it. */
export function context(): DisposalFlagContext & { calls: [string, string][] } {
  const calls: [string, string][] = [];
  return {
    calls,
    asOf: AS_OF,
    vendorHasNda(vendorId, on) {
      calls.push([vendorId, on]);
      if (vendorId === VENDOR_WITH_NDA) return true;
      if (vendorId === VENDOR_EXPIRED) return 'expired';
      return false;
    },
  };
}
