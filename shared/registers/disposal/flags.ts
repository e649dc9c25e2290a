/**
 * Flags on the disposal log: what an auditor would question in each record, with the checklist
 * item it falls under (SR-04-06.1 the record and its sign-off, SR-04-06.2 data unrecoverable and
 * licensed software removed, SR-04-06.3 the vendor's confidentiality contract).
 *
 * Flags look at what happened, so most apply to completed records only: a pending record is a
 * plan, and its form shows `sanitisationWarnings` instead. The vendor checks also apply to a
 * pending record that already names a vendor: the contract has to be in place before the media
 * are handed over.
 *
 * When a certificate is expected (`missing-certificate`): whenever a vendor took part (the
 * vendor's certificate of destruction, as SR-04-06.3 tests it, matched by serial numbers), and
 * for any in-house Destroy (the destruction record or photographs SR-04-06.2 asks for). An
 * in-house Clear or Purge is evidenced by the record itself and the wiping tool's report, which
 * the auditor samples; no flag.
 */
import type { Bilingual } from '../../catalog/schema';
import type { IsoDate } from '../../domain/dates';
import {
  DISPOSAL_FIELD_LABELS,
  TECHNIQUE_LABELS,
  sanitisationWarnings,
  type DisposalFieldKey,
  type DisposalRecordLike,
  type SanitisationWarning,
} from './disposal';
import { bi } from '../../domain/inspection/text';

export const DISPOSAL_FLAG_KINDS = [
  'method-unsuitable',
  'vendor-without-nda',
  'vendor-nda-expired',
  'missing-certificate',
  'no-verification',
  'software-not-removed',
  'incomplete',
] as const;
export type DisposalFlagKind = (typeof DISPOSAL_FLAG_KINDS)[number];

export const DISPOSAL_ITEM_IDS = ['SR-04-06.1', 'SR-04-06.2', 'SR-04-06.3'] as const;
export type DisposalItemId = (typeof DISPOSAL_ITEM_IDS)[number];

export const DISPOSAL_FLAG_LABELS: Readonly<Record<DisposalFlagKind, Bilingual>> = {
  'method-unsuitable': bi('清除方式不適用於此媒體', 'Method unsuitable for the media'),
  'vendor-without-nda': bi('受託廠商未簽保密合約', 'Vendor without a confidentiality contract'),
  'vendor-nda-expired': bi('受託廠商保密合約已失效', 'Vendor’s confidentiality contract lapsed'),
  'missing-certificate': bi('未附銷毀證明', 'No certificate of destruction'),
  'no-verification': bi('未經獨立覆核', 'Not independently verified'),
  'software-not-removed': bi('授權軟體未移除', 'Licensed software not removed'),
  incomplete: bi('紀錄欄位不全', 'Incomplete record'),
};

/** What the flags need from the rest of the vault. */
export interface DisposalFlagContext {
  /**
   * Whether the agreements register holds a confidentiality contract with this vendor in force
   * on `on` (the disposal date, or `asOf` while the record is pending): true; none at all (or an
   * unknown vendor): false; one that had expired or had not yet started by then: 'expired'.
   */
  vendorHasNda(vendorId: string, on: IsoDate): boolean | 'expired';
  /** The day the log is looked at (normally today). */
  asOf: IsoDate;
}

interface FlagBase {
  itemId: DisposalItemId;
  /** The stored record's id, when the record has one. */
  recordId: string | null;
  assetTag: string;
  message: Bilingual;
}

export type DisposalFlag = FlagBase &
  (
    | { kind: 'method-unsuitable'; warnings: SanitisationWarning[] }
    | { kind: 'vendor-without-nda'; vendorId: string }
    | { kind: 'vendor-nda-expired'; vendorId: string }
    | { kind: 'missing-certificate'; reason: 'vendor' | 'destroy' }
    | { kind: 'no-verification'; reason: 'no-verifier' | 'same-person' }
    | { kind: 'software-not-removed' }
    | { kind: 'incomplete'; fields: DisposalFieldKey[] }
  );

/** Names compared for segregation of duties: width, case and spaces do not count. */
export function samePerson(a: string, b: string): boolean {
  const fold = (name: string) => name.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
  const left = fold(a);
  return left !== '' && left === fold(b);
}

/**
 * The fields a completed record must have: what SR-04-06.1 asks the log to show (device,
 * serial number, how the data was removed, who did it and when), the classification that
 * decides the method, and whether licensed software was removed. The verifier is checked by
 * `no-verification`, so only the verification date is listed here (when a verifier is named).
 */
export function missingFields(record: DisposalRecordLike): DisposalFieldKey[] {
  const missing: DisposalFieldKey[] = [];
  if (record.serialNo === '') missing.push('serialNo');
  if (record.classification === null) missing.push('classification');
  if (record.method === null) missing.push('method');
  if (record.technique === null) missing.push('technique');
  if (record.softwareRemoved === null) missing.push('softwareRemoved');
  if (record.performedBy === '') missing.push('performedBy');
  if (record.performedOn === null) missing.push('performedOn');
  if (record.verifiedBy !== '' && record.verifiedOn === null) missing.push('verifiedOn');
  return missing;
}

function listFields(fields: readonly DisposalFieldKey[]): Bilingual {
  return bi(
    fields.map((f) => DISPOSAL_FIELD_LABELS[f]['zh-TW']).join('、'),
    fields.map((f) => DISPOSAL_FIELD_LABELS[f].en.toLowerCase()).join(', '),
  );
}

/** Every flag of one record, in the order of `DISPOSAL_FLAG_KINDS`. */
export function disposalFlags(
  record: DisposalRecordLike,
  ctx: DisposalFlagContext,
): DisposalFlag[] {
  const base = { recordId: record.id ?? null, assetTag: record.assetTag };
  const flags: DisposalFlag[] = [];
  const completed = record.status === 'completed';

  if (completed) {
    const unsuitable = sanitisationWarnings(record).filter((w) => w.level === 'unsuitable');
    if (unsuitable.length > 0) {
      flags.push({
        ...base,
        kind: 'method-unsuitable',
        itemId: 'SR-04-06.2',
        warnings: unsuitable,
        message: bi(
          unsuitable.map((w) => w.text['zh-TW']).join(''),
          unsuitable.map((w) => w.text.en).join(' '),
        ),
      });
    }
  }

  if (record.vendorId !== null) {
    const on = record.performedOn ?? ctx.asOf;
    const nda = ctx.vendorHasNda(record.vendorId, on);
    if (nda === false) {
      flags.push({
        ...base,
        kind: 'vendor-without-nda',
        itemId: 'SR-04-06.3',
        vendorId: record.vendorId,
        message: bi(
          `委託第三者銷毀，惟保密協議登記簿中查無該廠商於 ${on} 有效之保密合約（自律規範第四條第六款：委託第三者銷毀時，應簽訂保密合約）。`,
          `Destruction was entrusted to a third party, but the agreements register holds no confidentiality contract with the vendor in force on ${on} (self-regulation rules art. 4(6): a third party that destroys media must sign a confidentiality contract).`,
        ),
      });
    } else if (nda === 'expired') {
      flags.push({
        ...base,
        kind: 'vendor-nda-expired',
        itemId: 'SR-04-06.3',
        vendorId: record.vendorId,
        message: bi(
          `受託銷毀廠商之保密合約於 ${on} 不在有效期間（已到期或尚未生效）。`,
          `The vendor’s confidentiality contract was not in force on ${on} (expired, or not yet started).`,
        ),
      });
    }
  }

  if (!completed) return flags;

  if (record.certificateId === null) {
    if (record.vendorId !== null) {
      flags.push({
        ...base,
        kind: 'missing-certificate',
        itemId: 'SR-04-06.3',
        reason: 'vendor',
        message: bi(
          '委託廠商銷毀，未附廠商出具之銷毀證明，無法與交接清單之序號核對。',
          'A vendor did the destruction but no certificate of destruction from the vendor is attached to match against the hand-over list.',
        ),
      });
    } else if (record.method === 'destroy') {
      flags.push({
        ...base,
        kind: 'missing-certificate',
        itemId: 'SR-04-06.2',
        reason: 'destroy',
        message: bi(
          '自行實體破壞，未附破壞紀錄或照片，無法證明媒體已破壞。',
          'Destroyed in-house, but no destruction record or photograph is attached to show it.',
        ),
      });
    }
  }

  if (record.verifiedBy === '') {
    flags.push({
      ...base,
      kind: 'no-verification',
      itemId: 'SR-04-06.1',
      reason: 'no-verifier',
      message: bi(
        '報廢紀錄未載明覆核人，無法確認資料確已清除。',
        'The record names no verifier, so nobody confirmed the data was removed.',
      ),
    });
  } else if (samePerson(record.verifiedBy, record.performedBy)) {
    flags.push({
      ...base,
      kind: 'no-verification',
      itemId: 'SR-04-06.1',
      reason: 'same-person',
      message: bi(
        '覆核人與執行人為同一人，未符合分工牽制原則：資料清除之執行與覆核應由不同人員擔任，覆核方具獨立性。',
        'The verifier is the person who did the work: no segregation of duties. The sanitisation and its check must be done by different people for the check to be independent.',
      ),
    });
  }

  if (record.softwareRemoved === 'no') {
    flags.push({
      ...base,
      kind: 'software-not-removed',
      itemId: 'SR-04-06.2',
      message: bi(
        '紀錄載明授權軟體未移除（自律規範第四條第六款：報廢前應將授權軟體予以移除）。',
        'The record says licensed software was not removed (self-regulation rules art. 4(6): licensed software must be removed before disposal).',
      ),
    });
  }

  const missing = missingFields(record);
  if (missing.length > 0) {
    const list = listFields(missing);
    flags.push({
      ...base,
      kind: 'incomplete',
      itemId: 'SR-04-06.1',
      fields: missing,
      message: bi(`已報廢紀錄缺少：${list['zh-TW']}。`, `The completed record lacks: ${list.en}.`),
    });
  }
  return flags;
}

export interface DisposalFlagSummary {
  records: number;
  completed: number;
  pending: number;
  /** Records with at least one flag. */
  flagged: number;
  /** Flags (one per record at most) of each kind. */
  byKind: Record<DisposalFlagKind, number>;
  byItem: Record<DisposalItemId, number>;
}

/** Counts for the register's header and the inspection's overview. */
export function flagSummary(
  records: readonly DisposalRecordLike[],
  ctx: DisposalFlagContext,
): DisposalFlagSummary {
  const byKind = Object.fromEntries(DISPOSAL_FLAG_KINDS.map((k) => [k, 0])) as Record<
    DisposalFlagKind,
    number
  >;
  const byItem = Object.fromEntries(DISPOSAL_ITEM_IDS.map((k) => [k, 0])) as Record<
    DisposalItemId,
    number
  >;
  let completed = 0;
  let flagged = 0;
  for (const record of records) {
    if (record.status === 'completed') completed++;
    const flags = disposalFlags(record, ctx);
    if (flags.length > 0) flagged++;
    for (const flag of flags) {
      byKind[flag.kind]++;
      byItem[flag.itemId]++;
    }
  }
  return {
    records: records.length,
    completed,
    pending: records.length - completed,
    flagged,
    byKind,
    byItem,
  };
}

/** How a technique reads in a flag list: its label, or the free text for `other`. */
export function techniqueText(
  record: Pick<DisposalRecordLike, 'technique' | 'techniqueOther'>,
): Bilingual | null {
  if (record.technique === null) return null;
  if (record.technique === 'other') return bi(record.techniqueOther, record.techniqueOther);
  return TECHNIQUE_LABELS[record.technique];
}
