import { describe, expect, it } from 'vitest';
import { getItem } from '../../catalog/library';
import {
  DISPOSAL_FLAG_KINDS,
  DISPOSAL_FLAG_LABELS,
  DISPOSAL_ITEM_IDS,
  disposalFlags,
  flagSummary,
  missingFields,
  samePerson,
  type DisposalFlag,
} from './flags';
import {
  AS_OF,
  CERTIFICATE,
  VENDOR_EXPIRED,
  VENDOR_WITHOUT_NDA,
  VENDOR_WITH_NDA,
  completedRecord,
  context,
} from './test-support';

const kinds = (flags: readonly DisposalFlag[]) => flags.map((f) => f.kind);

describe('disposalFlags', () => {
  it('raises nothing on a complete, verified, suitable disposal', () => {
    expect(disposalFlags(completedRecord(), context())).toEqual([]);
    expect(
      disposalFlags(
        completedRecord({ vendorId: VENDOR_WITH_NDA, certificateId: CERTIFICATE }),
        context(),
      ),
    ).toEqual([]);
  });

  it('carries the record id and asset tag, and uses existing checklist items', () => {
    const flags = disposalFlags(
      completedRecord({ id: 'rec-1', verifiedBy: '', verifiedOn: null }),
      context(),
    );
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ recordId: 'rec-1', assetTag: 'NB-0001' });
    for (const id of DISPOSAL_ITEM_IDS) expect(getItem(id)).toBeDefined();
    for (const kind of DISPOSAL_FLAG_KINDS) expect(DISPOSAL_FLAG_LABELS[kind].en).not.toBe('');
  });

  describe('no-verification', () => {
    it('flags a record without a verifier', () => {
      const [flag] = disposalFlags(
        completedRecord({ verifiedBy: '', verifiedOn: null }),
        context(),
      );
      expect(flag).toMatchObject({
        kind: 'no-verification',
        reason: 'no-verifier',
        itemId: 'SR-04-06.1',
      });
    });

    it('flags the performer verifying their own work, whatever the width, case or spaces', () => {
      const [flag] = disposalFlags(
        completedRecord({ performedBy: 'Wang  Xiaoming', verifiedBy: 'ｗａｎｇ xiaoming' }),
        context(),
      );
      expect(flag).toMatchObject({ kind: 'no-verification', reason: 'same-person' });
      expect(flag?.message['zh-TW']).toContain('分工牽制');
      expect(flag?.message.en).toContain('segregation of duties');
    });

    it('compares names only when there is one', () => {
      expect(samePerson('王小明', '王 小明')).toBe(true);
      expect(samePerson('王小明', '李大華')).toBe(false);
      expect(samePerson('', '')).toBe(false);
    });
  });

  describe('vendor checks', () => {
    it('flags a vendor without a confidentiality contract on the disposal date', () => {
      const ctx = context();
      const flags = disposalFlags(
        completedRecord({ vendorId: VENDOR_WITHOUT_NDA, certificateId: CERTIFICATE }),
        ctx,
      );
      expect(flags).toEqual([
        expect.objectContaining({
          kind: 'vendor-without-nda',
          itemId: 'SR-04-06.3',
          vendorId: VENDOR_WITHOUT_NDA,
        }),
      ]);
      expect(ctx.calls).toEqual([[VENDOR_WITHOUT_NDA, '2025-03-05']]);
    });

    it('flags a contract that was not in force', () => {
      const flags = disposalFlags(
        completedRecord({ vendorId: VENDOR_EXPIRED, certificateId: CERTIFICATE }),
        context(),
      );
      expect(kinds(flags)).toEqual(['vendor-nda-expired']);
    });

    it('checks a pending record that names a vendor, as of the given day', () => {
      const ctx = context();
      const pending = completedRecord({
        status: 'pending',
        vendorId: VENDOR_WITHOUT_NDA,
        performedOn: null,
        verifiedOn: null,
      });
      expect(kinds(disposalFlags(pending, ctx))).toEqual(['vendor-without-nda']);
      expect(ctx.calls).toEqual([[VENDOR_WITHOUT_NDA, AS_OF]]);
    });
  });

  describe('missing-certificate', () => {
    it('expects the vendor’s certificate whenever a vendor took part', () => {
      const flags = disposalFlags(completedRecord({ vendorId: VENDOR_WITH_NDA }), context());
      expect(flags).toEqual([
        expect.objectContaining({
          kind: 'missing-certificate',
          reason: 'vendor',
          itemId: 'SR-04-06.3',
        }),
      ]);
    });

    it('expects a destruction record for an in-house Destroy', () => {
      const flags = disposalFlags(
        completedRecord({ method: 'destroy', technique: 'shred' }),
        context(),
      );
      expect(flags).toEqual([
        expect.objectContaining({
          kind: 'missing-certificate',
          reason: 'destroy',
          itemId: 'SR-04-06.2',
        }),
      ]);
      expect(
        disposalFlags(
          completedRecord({ method: 'destroy', technique: 'shred', certificateId: CERTIFICATE }),
          context(),
        ),
      ).toEqual([]);
    });

    it('expects none for an in-house Clear or Purge', () => {
      expect(disposalFlags(completedRecord({ method: 'purge' }), context())).toEqual([]);
      expect(
        disposalFlags(
          completedRecord({ mediaType: 'hdd', method: 'clear', technique: 'overwrite' }),
          context(),
        ),
      ).toEqual([]);
    });
  });

  describe('incomplete', () => {
    it('names each missing field of a completed record', () => {
      const record = completedRecord({
        serialNo: '',
        classification: null,
        method: null,
        technique: null,
        softwareRemoved: null,
        performedBy: '',
        performedOn: null,
        verifiedOn: null,
      });
      const flag = disposalFlags(record, context()).find((f) => f.kind === 'incomplete');
      expect(flag).toMatchObject({
        itemId: 'SR-04-06.1',
        fields: [
          'serialNo',
          'classification',
          'method',
          'technique',
          'softwareRemoved',
          'performedBy',
          'performedOn',
          'verifiedOn',
        ],
      });
      expect(flag?.message['zh-TW']).toContain('序號、機密等級');
    });

    it('asks for the verification date only when a verifier is named', () => {
      expect(missingFields(completedRecord({ verifiedOn: null }))).toEqual(['verifiedOn']);
      expect(missingFields(completedRecord({ verifiedBy: '', verifiedOn: null }))).toEqual([]);
    });

    it('leaves pending records alone', () => {
      const pending = completedRecord({
        status: 'pending',
        serialNo: '',
        method: null,
        technique: null,
        performedBy: '',
        verifiedBy: '',
        performedOn: null,
        verifiedOn: null,
        softwareRemoved: 'no',
      });
      expect(disposalFlags(pending, context())).toEqual([]);
    });
  });

  describe('software-not-removed', () => {
    it('flags software recorded as not removed', () => {
      const flags = disposalFlags(completedRecord({ softwareRemoved: 'no' }), context());
      expect(flags).toEqual([
        expect.objectContaining({ kind: 'software-not-removed', itemId: 'SR-04-06.2' }),
      ]);
      expect(
        disposalFlags(completedRecord({ softwareRemoved: 'not-applicable' }), context()),
      ).toEqual([]);
    });
  });

  describe('method-unsuitable', () => {
    it('flags a technique 800-88 rules out for the media', () => {
      const [flag] = disposalFlags(
        completedRecord({ method: 'purge', technique: 'degauss' }),
        context(),
      );
      expect(flag).toMatchObject({ kind: 'method-unsuitable', itemId: 'SR-04-06.2' });
      expect(flag?.kind === 'method-unsuitable' && flag.warnings.map((w) => w.rule)).toEqual([
        'degauss-non-magnetic',
      ]);
    });

    it('flags Clear for a Confidential device handed to a vendor', () => {
      const flags = disposalFlags(
        completedRecord({
          mediaType: 'hdd',
          classification: '密',
          method: 'clear',
          technique: 'overwrite',
          vendorId: VENDOR_WITH_NDA,
          certificateId: CERTIFICATE,
        }),
        context(),
      );
      expect(kinds(flags)).toEqual(['method-unsuitable']);
    });

    it('does not flag what only needs checking', () => {
      expect(
        disposalFlags(completedRecord({ method: 'purge', technique: 'crypto-erase' }), context()),
      ).toEqual([]);
      expect(
        disposalFlags(
          completedRecord({ mediaType: null, method: 'purge', technique: 'degauss' }),
          context(),
        ),
      ).toEqual([]);
    });
  });

  it('lists several flags of one record in a fixed order', () => {
    const flags = disposalFlags(
      completedRecord({
        method: 'purge',
        technique: 'degauss',
        vendorId: VENDOR_WITHOUT_NDA,
        verifiedBy: '王小明',
        softwareRemoved: 'no',
        serialNo: '',
      }),
      context(),
    );
    expect(kinds(flags)).toEqual([
      'method-unsuitable',
      'vendor-without-nda',
      'missing-certificate',
      'no-verification',
      'software-not-removed',
      'incomplete',
    ]);
  });
});

describe('flagSummary', () => {
  it('counts records, flagged records, kinds and items', () => {
    const records = [
      completedRecord({ assetTag: 'A-1' }),
      completedRecord({ assetTag: 'A-2', verifiedBy: '', verifiedOn: null, softwareRemoved: 'no' }),
      completedRecord({ assetTag: 'A-3', vendorId: VENDOR_EXPIRED }),
      completedRecord({
        assetTag: 'A-4',
        status: 'pending',
        performedOn: null,
        verifiedOn: null,
        verifiedBy: '',
      }),
    ];
    const summary = flagSummary(records, context());
    expect(summary).toMatchObject({ records: 4, completed: 3, pending: 1, flagged: 2 });
    expect(summary.byKind).toEqual({
      'method-unsuitable': 0,
      'vendor-without-nda': 0,
      'vendor-nda-expired': 1,
      'missing-certificate': 1,
      'no-verification': 1,
      'software-not-removed': 1,
      incomplete: 0,
    });
    expect(summary.byItem).toEqual({ 'SR-04-06.1': 1, 'SR-04-06.2': 1, 'SR-04-06.3': 2 });
  });

  it('counts an empty log', () => {
    expect(flagSummary([], context())).toMatchObject({ records: 0, flagged: 0 });
  });
});
