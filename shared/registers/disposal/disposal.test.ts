import { describe, expect, it } from 'vitest';
import { ASSET_FIELDS } from '../../import/fields';
import {
  CLASSIFICATIONS,
  DEVICE_TYPES,
  DEVICE_TYPE_LABELS,
  DISPOSAL_MESSAGES,
  MEDIA_TYPES,
  MEDIA_TYPE_LABELS,
  METHOD_TECHNIQUES,
  SANITISATION_METHODS,
  SANITISATION_METHOD_INFO,
  TECHNIQUES,
  TECHNIQUE_LABELS,
  disposalRecordSchema,
  effectiveMedia,
  impliedMethod,
  isAllowedTechnique,
  leavesControl,
  newDisposalRecord,
  sanitisationWarnings,
  type SanitisationInput,
} from './disposal';
import { CERTIFICATE, VENDOR_WITH_NDA, completedRecord } from './test-support';

function issuesOf(input: unknown) {
  const parsed = disposalRecordSchema.safeParse(input);
  return parsed.success
    ? []
    : parsed.error.issues.map((issue) => ({
        path: issue.path.join('.'),
        key: issue.code === 'custom' ? (issue.params?.['messageKey'] as unknown) : undefined,
      }));
}

const valid = () => ({ ...completedRecord() });

describe('vocabularies', () => {
  it('reuses the asset list’s classification values', () => {
    const field = ASSET_FIELDS.find((f) => f.key === 'classification');
    expect(field?.kind).toBe('enum');
    const values = field?.kind === 'enum' ? field.allowed.map((o) => o.value) : [];
    expect([...CLASSIFICATIONS]).toEqual(values);
  });

  it('labels every device type, medium, method and technique in both languages', () => {
    for (const type of DEVICE_TYPES) {
      expect(DEVICE_TYPE_LABELS[type]['zh-TW']).not.toBe('');
      expect(DEVICE_TYPE_LABELS[type].en).not.toBe('');
    }
    for (const media of MEDIA_TYPES) expect(MEDIA_TYPE_LABELS[media].en).not.toBe('');
    for (const method of SANITISATION_METHODS) {
      expect(SANITISATION_METHOD_INFO[method].definition['zh-TW']).not.toBe('');
    }
    for (const technique of TECHNIQUES) expect(TECHNIQUE_LABELS[technique].en).not.toBe('');
    expect(DEVICE_TYPES).toEqual(
      expect.arrayContaining(['phone', 'tablet', 'laptop', 'storage-media', 'printer-mfp']),
    );
  });

  it('allows the NIST SP 800-88 techniques under their method only', () => {
    expect(isAllowedTechnique('clear', 'overwrite')).toBe(true);
    expect(isAllowedTechnique('clear', 'factory-reset')).toBe(true);
    expect(isAllowedTechnique('purge', 'overwrite')).toBe(true);
    expect(isAllowedTechnique('purge', 'degauss')).toBe(true);
    expect(isAllowedTechnique('purge', 'crypto-erase')).toBe(true);
    expect(isAllowedTechnique('destroy', 'shred')).toBe(true);
    expect(isAllowedTechnique('destroy', 'drill-punch')).toBe(true);
    expect(isAllowedTechnique('clear', 'degauss')).toBe(false);
    expect(isAllowedTechnique('clear', 'shred')).toBe(false);
    expect(isAllowedTechnique('destroy', 'overwrite')).toBe(false);
    expect(isAllowedTechnique('purge', 'factory-reset')).toBe(false);
    for (const method of SANITISATION_METHODS)
      expect(isAllowedTechnique(method, 'other')).toBe(true);
    // Every technique belongs to some method.
    for (const technique of TECHNIQUES) {
      expect(SANITISATION_METHODS.some((m) => METHOD_TECHNIQUES[m].includes(technique))).toBe(true);
    }
  });

  it('implies the lower method a technique can belong to', () => {
    for (const technique of TECHNIQUES) {
      const method = impliedMethod(technique);
      if (technique === 'other') expect(method).toBeNull();
      else expect(method !== null && isAllowedTechnique(method, technique)).toBe(true);
    }
    expect(impliedMethod('overwrite')).toBe('clear');
    expect(impliedMethod('degauss')).toBe('purge');
    expect(impliedMethod('incinerate')).toBe('destroy');
  });

  it('takes phones and tablets as embedded flash unless a medium is recorded', () => {
    expect(effectiveMedia({ deviceType: 'phone', mediaType: null })).toBe('embedded-flash');
    expect(effectiveMedia({ deviceType: 'tablet', mediaType: null })).toBe('embedded-flash');
    expect(effectiveMedia({ deviceType: 'laptop', mediaType: null })).toBeNull();
    expect(effectiveMedia({ deviceType: 'laptop', mediaType: 'hdd' })).toBe('hdd');
  });

  it('reads leaving the company from the record, else from a vendor', () => {
    expect(leavesControl({ leavesOrganisation: null, vendorId: null })).toBeNull();
    expect(leavesControl({ leavesOrganisation: null, vendorId: VENDOR_WITH_NDA })).toBe(true);
    expect(leavesControl({ leavesOrganisation: false, vendorId: VENDOR_WITH_NDA })).toBe(false);
    expect(leavesControl({ leavesOrganisation: true, vendorId: null })).toBe(true);
  });
});

describe('disposalRecordSchema', () => {
  it('accepts a complete record and a new empty one', () => {
    expect(issuesOf(valid())).toEqual([]);
    expect(issuesOf(newDisposalRecord('A-1', 'phone'))).toEqual([]);
  });

  it('refuses a technique without a method', () => {
    expect(issuesOf({ ...valid(), method: null })).toEqual([
      { path: 'technique', key: 'techniqueWithoutMethod' },
    ]);
  });

  it('refuses a technique of another method', () => {
    expect(issuesOf({ ...valid(), method: 'clear', technique: 'degauss' })).toEqual([
      { path: 'technique', key: 'techniqueNotForMethod' },
    ]);
    expect(issuesOf({ ...valid(), method: 'destroy', technique: 'overwrite' })).toEqual([
      { path: 'technique', key: 'techniqueNotForMethod' },
    ]);
  });

  it('requires a description for "other" and only for it', () => {
    expect(issuesOf({ ...valid(), technique: 'other' })).toEqual([
      { path: 'techniqueOther', key: 'techniqueOtherRequired' },
    ]);
    expect(issuesOf({ ...valid(), technique: 'other', techniqueOther: '   ' })).toEqual([
      { path: 'techniqueOther', key: 'techniqueOtherRequired' },
    ]);
    expect(issuesOf({ ...valid(), technique: 'other', techniqueOther: '廠商專用消除機' })).toEqual(
      [],
    );
    expect(issuesOf({ ...valid(), techniqueOther: '廠商專用消除機' })).toEqual([
      { path: 'techniqueOther', key: 'techniqueOtherOnlyForOther' },
    ]);
  });

  it('refuses a verification before the work, and accepts the same day', () => {
    expect(issuesOf({ ...valid(), verifiedOn: '2025-03-04' })).toEqual([
      { path: 'verifiedOn', key: 'verifiedBeforePerformed' },
    ]);
    expect(issuesOf({ ...valid(), verifiedOn: '2025-03-05' })).toEqual([]);
  });

  it('refuses a medium other than embedded flash for phones and tablets', () => {
    expect(issuesOf({ ...valid(), deviceType: 'phone', mediaType: 'ssd' })).toEqual([
      { path: 'mediaType', key: 'mediaNotForDevice' },
    ]);
    expect(issuesOf({ ...valid(), deviceType: 'tablet', mediaType: 'embedded-flash' })).toEqual([]);
  });

  it('refuses malformed values by path', () => {
    const paths = (input: unknown) => issuesOf(input).map((i) => i.path);
    expect(paths({ ...valid(), assetTag: '  ' })).toEqual(['assetTag']);
    expect(paths({ ...valid(), deviceType: 'fax' })).toEqual(['deviceType']);
    expect(paths({ ...valid(), classification: '機密' })).toEqual(['classification']);
    expect(paths({ ...valid(), performedOn: '2025-02-30' })).toEqual(['performedOn']);
    // A malformed date is reported once, not also compared with the other date.
    expect(paths({ ...valid(), performedOn: '114/03/07' })).toEqual(['performedOn']);
    expect(paths({ ...valid(), vendorId: 'vendor-1' })).toEqual(['vendorId']);
    expect(paths({ ...valid(), certificateId: 'scan.pdf' })).toEqual(['certificateId']);
    expect(paths({ ...valid(), softwareRemoved: 'maybe' })).toEqual(['softwareRemoved']);
    expect(paths({ ...valid(), status: 'done' })).toEqual(['status']);
    expect(paths({ ...valid(), source: 'api' })).toEqual(['source']);
    expect(paths({ ...valid(), vendorId: VENDOR_WITH_NDA, certificateId: CERTIFICATE })).toEqual(
      [],
    );
  });

  it('gives every refusal message in both languages', () => {
    for (const message of Object.values(DISPOSAL_MESSAGES)) {
      expect(message['zh-TW']).not.toBe('');
      expect(message.en).not.toBe('');
    }
  });
});

describe('sanitisationWarnings', () => {
  const input = (overrides: Partial<SanitisationInput>): SanitisationInput => ({
    deviceType: 'laptop',
    mediaType: null,
    method: null,
    technique: null,
    classification: null,
    leavesOrganisation: null,
    vendorId: null,
    ...overrides,
  });
  const rules = (overrides: Partial<SanitisationInput>) =>
    sanitisationWarnings(input(overrides)).map((w) => `${w.level}:${w.rule}`);

  it('finds degaussing unsuitable for flash and optical media, fine for magnetic', () => {
    const degauss = { method: 'purge', technique: 'degauss' } as const;
    expect(rules({ ...degauss, mediaType: 'ssd' })).toEqual(['unsuitable:degauss-non-magnetic']);
    expect(rules({ ...degauss, deviceType: 'phone' })).toEqual(['unsuitable:degauss-non-magnetic']);
    expect(rules({ ...degauss, deviceType: 'storage-media', mediaType: 'usb-flash' })).toEqual([
      'unsuitable:degauss-non-magnetic',
    ]);
    expect(rules({ ...degauss, mediaType: 'hdd' })).toEqual([]);
    expect(rules({ ...degauss, deviceType: 'storage-media', mediaType: 'tape' })).toEqual([]);
    expect(rules({ ...degauss })).toEqual(['check:degauss-unknown-media']);
  });

  it('finds a Purge by overwrite unsuitable on flash, fine on a magnetic disk', () => {
    const purge = { method: 'purge', technique: 'overwrite' } as const;
    expect(rules({ ...purge, mediaType: 'ssd' })).toEqual(['unsuitable:purge-overwrite-flash']);
    expect(rules({ ...purge, deviceType: 'tablet' })).toEqual(['unsuitable:purge-overwrite-flash']);
    expect(rules({ ...purge, mediaType: 'hdd' })).toEqual([]);
    expect(rules({ ...purge })).toEqual(['check:purge-overwrite-unknown-media']);
    // A Clear by overwrite claims no more than it gives.
    expect(rules({ method: 'clear', technique: 'overwrite', mediaType: 'ssd' })).toEqual([]);
  });

  it('allows only destruction for optical discs', () => {
    const disc = { deviceType: 'storage-media', mediaType: 'optical' } as const;
    expect(rules({ ...disc, method: 'clear', technique: 'overwrite' })).toEqual([
      'unsuitable:optical-destroy-only',
    ]);
    expect(rules({ ...disc, method: 'purge', technique: 'degauss' })).toEqual([
      'unsuitable:degauss-non-magnetic',
      'unsuitable:optical-destroy-only',
    ]);
    expect(rules({ ...disc, method: 'destroy', technique: 'shred' })).toEqual([]);
  });

  it('finds techniques that do not exist for the medium', () => {
    expect(
      rules({
        deviceType: 'storage-media',
        mediaType: 'hdd',
        method: 'clear',
        technique: 'factory-reset',
      }),
    ).toEqual(['unsuitable:technique-not-applicable']);
    expect(
      rules({
        deviceType: 'storage-media',
        mediaType: 'tape',
        method: 'purge',
        technique: 'block-erase',
      }),
    ).toEqual(['unsuitable:technique-not-applicable']);
    expect(
      rules({ deviceType: 'network-device', method: 'clear', technique: 'factory-reset' }),
    ).toEqual([]);
  });

  it('finds Clear unsuitable for Confidential or Secret devices leaving the company', () => {
    const clear = { method: 'clear', technique: 'overwrite', mediaType: 'hdd' } as const;
    expect(rules({ ...clear, classification: '密', vendorId: VENDOR_WITH_NDA })).toEqual([
      'unsuitable:clear-classified-leaving',
    ]);
    expect(rules({ ...clear, classification: '極機密', leavesOrganisation: true })).toEqual([
      'unsuitable:clear-classified-leaving',
    ]);
    // Boundaries: kept in-house, a lower classification, or a higher method.
    expect(rules({ ...clear, classification: '密', leavesOrganisation: false })).toEqual([]);
    expect(rules({ ...clear, classification: '限閱', leavesOrganisation: true })).toEqual([]);
    expect(
      rules({ ...clear, method: 'purge', classification: '極機密', leavesOrganisation: true }),
    ).toEqual([]);
    expect(rules({ ...clear, classification: '密' })).toEqual([
      'check:clear-classified-disposition-unknown',
    ]);
  });

  it('asks to confirm encryption for cryptographic erase and phone resets', () => {
    expect(rules({ mediaType: 'ssd', method: 'purge', technique: 'crypto-erase' })).toEqual([
      'check:crypto-erase-needs-encryption',
    ]);
    expect(rules({ deviceType: 'phone', method: 'clear', technique: 'factory-reset' })).toEqual([
      'check:mobile-reset-needs-encryption',
    ]);
    expect(rules({ deviceType: 'tablet', method: 'purge', technique: 'crypto-erase' })).toEqual([
      'check:mobile-reset-needs-encryption',
    ]);
  });

  it('warns about partial destruction, USB purges, printer resets and other techniques', () => {
    expect(rules({ mediaType: 'hdd', method: 'destroy', technique: 'drill-punch' })).toEqual([
      'check:drill-punch-partial',
    ]);
    expect(
      rules({
        deviceType: 'storage-media',
        mediaType: 'usb-flash',
        method: 'purge',
        technique: 'secure-erase',
      }),
    ).toEqual(['check:usb-purge-unsupported']);
    expect(
      rules({ deviceType: 'printer-mfp', method: 'clear', technique: 'factory-reset' }),
    ).toEqual(['check:mfp-reset-storage']);
    expect(rules({ method: 'clear', technique: 'other' })).toEqual(['check:other-technique']);
  });

  it('lists unsuitable warnings before checks, each with a source', () => {
    const warnings = sanitisationWarnings(
      input({
        deviceType: 'phone',
        method: 'clear',
        technique: 'factory-reset',
        classification: '密',
        vendorId: VENDOR_WITH_NDA,
      }),
    );
    expect(warnings.map((w) => w.level)).toEqual(['unsuitable', 'check']);
    for (const w of warnings) {
      expect(w.source).toMatch(/NIST SP 800-88 Rev\. 1/);
      expect(w.text['zh-TW']).not.toBe('');
    }
  });

  it('has nothing to say without a method', () => {
    expect(rules({})).toEqual([]);
  });
});
