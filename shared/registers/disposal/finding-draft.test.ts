import { describe, expect, it } from 'vitest';
import { asIsoDate } from '../../domain/dates';
import { findingSchema } from '../../domain/inspection/findings';
import type { DisposalRecordLike } from './disposal';
import {
  MAX_LISTED_ASSETS,
  draftFindingFromFlags,
  draftFindingsFromFlags,
  groupDisposalFlags,
} from './finding-draft';
import { DISPOSAL_FLAG_KINDS, disposalFlags, type DisposalFlag } from './flags';
import {
  CERTIFICATE,
  VENDOR_EXPIRED,
  VENDOR_WITHOUT_NDA,
  VENDOR_WITH_NDA,
  completedRecord,
  context,
} from './test-support';

const TODAY = asIsoDate('2025-07-01');

function flagsOf(records: readonly DisposalRecordLike[]): DisposalFlag[] {
  const ctx = context();
  return records.flatMap((r) => disposalFlags(r, ctx));
}

/** One record per flag kind, so every kind can be drafted. */
const ONE_OF_EACH: DisposalRecordLike[] = [
  completedRecord({ id: 'r1', assetTag: 'SSD-01', method: 'purge', technique: 'degauss' }),
  completedRecord({
    id: 'r2',
    assetTag: 'HDD-02',
    vendorId: VENDOR_WITHOUT_NDA,
    certificateId: CERTIFICATE,
  }),
  completedRecord({
    id: 'r3',
    assetTag: 'HDD-03',
    vendorId: VENDOR_EXPIRED,
    certificateId: CERTIFICATE,
  }),
  completedRecord({ id: 'r4', assetTag: 'HDD-04', vendorId: VENDOR_WITH_NDA }),
  completedRecord({ id: 'r5', assetTag: 'NB-05', verifiedBy: '王小明' }),
  completedRecord({ id: 'r6', assetTag: 'NB-06', softwareRemoved: 'no' }),
  completedRecord({ id: 'r7', assetTag: 'NB-07', serialNo: '' }),
  completedRecord({ id: 'r8', assetTag: 'NB-08', method: 'destroy', technique: 'shred' }),
];

describe('groupDisposalFlags', () => {
  it('groups by kind and checklist item, in the order of the kinds', () => {
    const groups = groupDisposalFlags(flagsOf(ONE_OF_EACH));
    expect(groups.map((g) => [g[0]?.kind, g[0]?.itemId, g.length])).toEqual([
      ['method-unsuitable', 'SR-04-06.2', 1],
      ['vendor-without-nda', 'SR-04-06.3', 1],
      ['vendor-nda-expired', 'SR-04-06.3', 1],
      ['missing-certificate', 'SR-04-06.3', 1],
      ['missing-certificate', 'SR-04-06.2', 1],
      ['no-verification', 'SR-04-06.1', 1],
      ['software-not-removed', 'SR-04-06.2', 1],
      ['incomplete', 'SR-04-06.1', 1],
    ]);
  });
});

describe('draftFindingFromFlags', () => {
  it('drafts a finding for every kind that passes findingSchema, in both languages', () => {
    const drafts = [
      ...draftFindingsFromFlags(flagsOf(ONE_OF_EACH), ONE_OF_EACH, 'zh-TW', TODAY),
      ...draftFindingsFromFlags(flagsOf(ONE_OF_EACH), ONE_OF_EACH, 'en', TODAY),
    ];
    expect(new Set(drafts.map((d) => d.kind))).toEqual(new Set(DISPOSAL_FLAG_KINDS));
    for (const draft of drafts) {
      expect(findingSchema.safeParse(draft.finding).success).toBe(true);
      expect(draft.finding).toMatchObject({ raisedOn: TODAY, status: 'open', owner: '' });
      expect(draft.finding.deficiency).toContain(draft.assetTags[0]);
      expect(draft.finding.recommendation).not.toBe('');
      expect(draft.finding.risk).not.toBe('');
      expect(draft.severityReason).not.toBe('');
    }
  });

  it('lists the asset tags with what is wrong with each, and the rule', () => {
    const records = [
      completedRecord({ id: 'a', assetTag: 'NB-1', serialNo: '', classification: null }),
      completedRecord({ id: 'b', assetTag: 'NB-2', performedOn: null }),
    ];
    const draft = draftFindingFromFlags(flagsOf(records), records, 'zh-TW', TODAY);
    expect(draft.finding).toMatchObject({
      itemId: 'SR-04-06.1',
      title: '報廢紀錄欄位不全',
      category: 'management',
      severity: 'medium',
    });
    expect(draft.finding.deficiency).toContain('・NB-1（缺序號、機密等級）');
    expect(draft.finding.deficiency).toContain('・NB-2（缺報廢日期）');
    expect(draft.finding.deficiency).toContain('自律規範第四條第六款');
    expect(draft.assetTags).toEqual(['NB-1', 'NB-2']);
    expect(draft.recordIds).toEqual(['a', 'b']);
  });

  it('states the 800-88 basis for unsuitable methods, and takes the item’s category', () => {
    const records = [ONE_OF_EACH[0] as DisposalRecordLike];
    const draft = draftFindingFromFlags(flagsOf(records), records, 'en', TODAY);
    expect(draft.finding.category).toBe('technical');
    expect(draft.finding.deficiency).toContain(
      '- SSD-01 (Laptop; Solid-state drive (SSD); Purge; Degauss)',
    );
    expect(draft.finding.deficiency).toContain('NIST SP 800-88 Rev. 1 §2.5');
  });

  describe('suggested severity', () => {
    /** The severity of the first kind of flag the records raise. */
    const severity = (records: DisposalRecordLike[]) => {
      const flags = flagsOf(records);
      const first = flags.filter((f) => f.kind === flags[0]?.kind);
      return draftFindingFromFlags(first, records, 'zh-TW', TODAY).finding.severity;
    };

    it('rates unsuitable methods high unless every device is General', () => {
      const degauss = { method: 'purge', technique: 'degauss' } as const;
      expect(severity([completedRecord({ ...degauss, classification: '限閱' })])).toBe('high');
      expect(severity([completedRecord({ ...degauss, classification: '普通' })])).toBe('medium');
      expect(severity([completedRecord({ ...degauss, classification: null })])).toBe('high');
    });

    it('rates a vendor without a contract high, a lapsed one by classification', () => {
      const withCert = { certificateId: CERTIFICATE } as const;
      expect(severity([completedRecord({ ...withCert, vendorId: VENDOR_WITHOUT_NDA })])).toBe(
        'high',
      );
      expect(severity([completedRecord({ ...withCert, vendorId: VENDOR_EXPIRED })])).toBe('medium');
      expect(
        severity([
          completedRecord({ ...withCert, vendorId: VENDOR_EXPIRED, classification: '極機密' }),
        ]),
      ).toBe('high');
    });

    it('rates missing documentary fields low and missing sanitisation facts medium', () => {
      expect(severity([completedRecord({ serialNo: '' })])).toBe('low');
      expect(severity([completedRecord({ serialNo: '', performedBy: '' })])).toBe('medium');
    });

    it('rates missing verification, certificates and software removal medium', () => {
      expect(severity([completedRecord({ verifiedBy: '', verifiedOn: null })])).toBe('medium');
      expect(severity([completedRecord({ vendorId: VENDOR_WITH_NDA })])).toBe('medium');
      expect(severity([completedRecord({ softwareRemoved: 'no' })])).toBe('medium');
    });
  });

  it('lists at most MAX_LISTED_ASSETS tags and says how many more', () => {
    const records = Array.from({ length: MAX_LISTED_ASSETS + 5 }, (_, i) =>
      completedRecord({ assetTag: `NB-${String(i).padStart(4, '0')}`, serialNo: '' }),
    );
    const draft = draftFindingFromFlags(flagsOf(records), records, 'zh-TW', TODAY);
    expect(draft.finding.deficiency).toContain('NB-0099');
    expect(draft.finding.deficiency).not.toContain('NB-0100');
    expect(draft.finding.deficiency).toContain('其餘 5 筆');
    expect(draft.assetTags).toHaveLength(MAX_LISTED_ASSETS + 5);
    expect(findingSchema.safeParse(draft.finding).success).toBe(true);
  });

  it('finds records by asset tag when flags carry no id', () => {
    const records = [completedRecord({ assetTag: 'P-1', method: 'purge', technique: 'degauss' })];
    const draft = draftFindingFromFlags(flagsOf(records), records, 'zh-TW', TODAY);
    expect(draft.finding.deficiency).toContain('・P-1（筆記型電腦；');
    expect(draft.recordIds).toEqual([]);
  });

  it('refuses no flags, or flags of several kinds or items', () => {
    expect(() => draftFindingFromFlags([], [], 'zh-TW', TODAY)).toThrow(RangeError);
    const mixed = flagsOf([
      ONE_OF_EACH[4] as DisposalRecordLike,
      ONE_OF_EACH[5] as DisposalRecordLike,
    ]);
    expect(() => draftFindingFromFlags(mixed, ONE_OF_EACH, 'zh-TW', TODAY)).toThrow(RangeError);
    const certificates = flagsOf([
      ONE_OF_EACH[3] as DisposalRecordLike,
      ONE_OF_EACH[7] as DisposalRecordLike,
    ]);
    expect(() => draftFindingFromFlags(certificates, ONE_OF_EACH, 'zh-TW', TODAY)).toThrow(
      RangeError,
    );
  });
});
