import { describe, expect, it } from 'vitest';
import { applyMergeResult, planMerge, resolveMerge } from '../merge';
import { currentStateOf, handoutContents, mergeBaseOf, returnPackageOf } from './adapters';
import { newPackagePassphrase } from './passphrase';
import { readPackage } from './read';
import { PACKAGE_TABLE_SCHEMAS } from './tables';
import { ENGAGEMENT_ID, handout, PASSPHRASE, returned, TEST_LOG_N } from './testing';
import { writePackage } from './write';
import { uid } from '../merge/test-support';

const options = { logN: TEST_LOG_N };
const stamp = { mergeId: uid(0x70), at: '2025-03-20T06:00:00.000Z', by: '林組長' };

async function readBoth() {
  const lead = await readPackage(
    (await writePackage(handout(), PASSPHRASE, options)).bytes,
    PASSPHRASE,
  );
  const back = await readPackage(
    (await writePackage(await returned(), PASSPHRASE, options)).bytes,
    PASSPHRASE,
  );
  return { lead, back };
}

describe('packages in the merge engine', () => {
  it('merge a return into its hand-out, and recognise it when it comes again', async () => {
    const { lead, back } = await readBoth();
    const ret = returnPackageOf(back, lead);
    expect(ret.packageHash).toBe(back.packageHash);
    const input = { base: mergeBaseOf(lead), current: currentStateOf(lead), returns: [ret, ret] };
    const plan = await planMerge(input, { ...stamp, schemas: PACKAGE_TABLE_SCHEMAS });
    expect(plan.packages.map((p) => p.status)).toEqual(['ready', 'repeated']);
    expect(plan.packages[0]?.counts).toMatchObject({ added: 1, changed: 1, conflicts: 0 });
    const result = await resolveMerge(plan, { conflicts: {} }, { schemas: PACKAGE_TABLE_SCHEMAS });
    const merged = applyMergeResult(input.current, result);

    // The merged state as the next hand-out: the return is remembered and recognised.
    const next = handoutContents(merged, {
      packageId: uid(0xa5),
      baseId: uid(0xb5),
      engagementId: ENGAGEMENT_ID,
      auditor: '王小明',
      author: '林組長',
      createdAt: stamp.at,
      appVersion: 'test',
      files: back.files,
      trailHead: null,
    });
    const round2 = await readPackage(
      (await writePackage(next, PASSPHRASE, options)).bytes,
      PASSPHRASE,
    );
    expect(round2.mergedPackages).toEqual([
      { packageId: back.packageId, packageHash: back.packageHash },
    ]);
    const again = await planMerge(
      { base: mergeBaseOf(round2), current: currentStateOf(round2), returns: [ret] },
      { ...stamp, schemas: PACKAGE_TABLE_SCHEMAS },
    );
    expect(again.packages[0]?.status).toBe('already-merged');
    expect(round2.records.find((r) => r.id === uid(1))?.merge?.provenance.length).toBeGreaterThan(
      0,
    );
  });

  it('refuse a return of another engagement and a hand-out given as a return', async () => {
    const { lead, back } = await readBoth();
    expect(() => returnPackageOf({ ...back, engagementId: uid(0xee) }, lead)).toThrow(
      expect.objectContaining({ code: 'other-engagement' }),
    );
    expect(() => returnPackageOf(lead, lead)).toThrow(
      expect.objectContaining({ code: 'wrong-kind' }),
    );
    expect(() => mergeBaseOf(back)).toThrow(expect.objectContaining({ code: 'wrong-kind' }));
  });

  it('generate passphrases of 25 Crockford characters in groups of five', () => {
    const one = newPackagePassphrase();
    expect(one).toMatch(/^([0-9A-HJKMNP-TV-Z]{5}-){4}[0-9A-HJKMNP-TV-Z]{5}$/);
    expect(newPackagePassphrase()).not.toBe(one);
  });
});
