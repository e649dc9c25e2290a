import { describe, expect, it } from 'vitest';
import { readPackage, sampleRecords } from '../../../shared/package';
import { demoEngagement } from '../../../shared/sample/demo-engagement';
import { awpkgCodec } from './awpkg-codec';
import type { HandoutContents, ReturnContents } from './package-contents';

const PASS = 'correct horse battery';
const ID = (n: number) => `0190a000-0000-7000-8000-${String(n).padStart(12, '0')}`;
const meta = {
  packageId: ID(1),
  baseId: ID(2),
  engagementId: ID(3),
  auditor: '林甲',
  createdBy: '王主管',
  createdAt: '2026-12-03T01:00:00.000Z',
};

describe('the app writes its packages as .awpkg files', () => {
  it('a hand-out: the scope, base records and revisions come back, and the file is a real package', async () => {
    const handout: HandoutContents = {
      meta: { ...meta, kind: 'handout' },
      scope: ['SR-04', 'SR-05-01.1'],
      base: { id: meta.baseId, records: [] },
      evidence: [],
    };
    const bytes = await awpkgCodec.write(handout, PASS);
    const file = await readPackage(bytes, PASS);
    expect(file.manifest).toMatchObject({ kind: 'handout', auditor: '林甲', author: '王主管' });
    expect(file.manifest.scope).toEqual(['SR-04', 'SR-05-01.1']);
    const read = await awpkgCodec.read(bytes, PASS);
    expect(read.hash).toBe(file.packageHash);
    expect(read.contents).toEqual(handout);
  });

  it('a return keeps each change with its revision, base revision and author', async () => {
    const records = sampleRecords(await demoEngagement(new Date('2026-12-03T00:00:00Z')));
    const engagement = records.find((r) => r.table === 'engagement');
    if (!engagement) throw new Error('the sample has an engagement');
    const ret: ReturnContents = {
      meta: { ...meta, packageId: ID(4), engagementId: engagement.id, kind: 'return' },
      basePackageId: ID(1),
      changes: [
        {
          table: engagement.table,
          id: engagement.id,
          deleted: false,
          rev: engagement.rev + 1,
          baseRev: engagement.rev,
          data: engagement.data,
          updatedAt: '2026-12-03T02:00:00.000Z',
          updatedBy: '林甲',
        },
      ],
      evidence: [],
      trail: [],
    };
    const read = await awpkgCodec.read(await awpkgCodec.write(ret, PASS), PASS);
    expect(read.contents).toEqual(ret);
    await expect(
      awpkgCodec.read(await awpkgCodec.write(ret, PASS), 'wrong one, sorry'),
    ).rejects.toMatchObject({ code: 'wrong-passphrase' });
  });
});
