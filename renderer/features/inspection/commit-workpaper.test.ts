/**
 * The import of a returned workpaper through the real parts: an inspection in an encrypted
 * vault (Dexie on fake-indexeddb), its workpaper written with exceljs, edited as in Excel, read
 * back and compared with the vault, then committed. Results and findings go in together or not
 * at all: a finding changed in the vault meanwhile, or IndexedDB refusing the findings, leaves
 * the results untouched too.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { asIsoInstant } from '../../../shared/domain/dates';
import { ConflictError, type RecordId } from '../../../shared/domain/records';
import { buildInspectionWorkbook } from '../../../shared/workpapers/build-inspection';
import {
  diffWorkpaper,
  readWorkpaperEdits,
  type WorkpaperDiff,
} from '../../../shared/workpapers/roundtrip';
import { sampleInput } from '../../../shared/workpapers/testing/factories';
import {
  headerColumn,
  readBack,
  rewrite,
  sheet,
  type ReadWorksheet,
} from '../../../shared/workpapers/testing/read-back';
import { writeWorkbook } from '../../../shared/workpapers/xlsx-write';
import {
  INJECTED_FAILURE,
  installWriteFailure,
  type WriteFailure,
} from '../../data/testing/failing-writes';
import { freshIdb, sampleEngagement } from '../../data/testing/factories';
import { rawSnapshot } from '../../data/testing/raw-scan';
import { vaultDbName } from '../../data/vault-db';
import { payloadOf, type VaultSession } from '../../data/vault-session';
import { createVaultStore } from '../../data/vaults';
import { commitWorkpaperEdits } from './commit-workpaper';

let failure: WriteFailure;
beforeEach(() => {
  failure = installWriteFailure();
});
afterEach(() => {
  failure.restore();
});

/** An inspection of three items (one result, one finding) stored in a fresh vault. */
async function vaultWithInspection() {
  const idb = freshIdb();
  const { session } = await createVaultStore({ idb }).create({
    label: 'round trip',
    passphrase: 'a workpaper comes back',
    owner: '陳稽核',
    engagement: sampleEngagement(),
  });
  const sample = await sampleInput();
  const [first, second] = sample.itemResults;
  const [finding] = sample.findings;
  if (!first || !second || !finding) throw new Error('sample too small');
  await session.createBatch(
    [
      {
        table: 'inspections',
        items: [{ id: sample.inspection.id, data: payloadOf(sample.inspection) }],
      },
      {
        table: 'itemResults',
        items: [first, second].map((r) => ({
          id: r.id,
          data: { ...payloadOf(r), evidenceIds: [] },
        })),
      },
      { table: 'findings', items: [{ id: finding.id, data: payloadOf(finding) }] },
    ],
    sample.inspection.title,
  );
  const snapshot = () => rawSnapshot(idb, vaultDbName(session.vaultId));
  return { session, sample, resultId: first.id, findingId: finding.id, snapshot };
}

/** The vault's state of the inspection, as the import screen gathers it. */
async function stateOf(session: VaultSession, sample: Awaited<ReturnType<typeof sampleInput>>) {
  const id = sample.inspection.id;
  const inspection = await session.get('inspections', id);
  if (!inspection) throw new Error('no inspection');
  return {
    inspection,
    items: sample.items,
    itemResults: await session.listChildren('itemResults', id),
    findings: await session.listChildren('findings', id),
    systems: [],
    evidence: [],
  };
}

function cellOf(ws: ReadWorksheet, header: string, key: string) {
  for (let r = 2; r <= ws.rowCount; r++) {
    if (ws.getRow(r).getCell(2).value === key)
      return ws.getRow(r).getCell(headerColumn(ws, header));
  }
  throw new Error(`no row ${key} in ${ws.name}`);
}

/** Exports the inspection, edits a result and the finding as in Excel, and compares it back. */
async function returnedWorkpaper(
  session: VaultSession,
  sample: Awaited<ReturnType<typeof sampleInput>>,
): Promise<WorkpaperDiff> {
  const state = await stateOf(session, sample);
  const [engagement] = await session.list('engagement');
  if (!engagement) throw new Error('no engagement');
  const { spec } = await buildInspectionWorkbook(
    {
      ...state,
      engagement,
      activity: await session.activity(),
      appVersion: '0.1.0',
      generatedAt: asIsoInstant('2025-03-04T16:30:00.000Z'),
    },
    { lang: 'zh-TW', calendar: 'roc', includePersonalData: false },
  );
  const workbook = await readBack(await writeWorkbook(spec));
  const [firstItem] = sample.items;
  if (!firstItem) throw new Error('no item');
  cellOf(sheet(workbook, '查核項目'), '查核結果', firstItem.id).value = '部分符合';
  cellOf(sheet(workbook, '查核項目'), '執行之查核工作', firstItem.id).value =
    '重新抽查，2 名漏簽。';
  const findings = sheet(workbook, '缺失');
  findings.getCell(2, headerColumn(findings, '受查單位回覆')).value = '6 月底前補簽。';
  const reading = await readWorkpaperEdits(await rewrite(workbook), {
    inspectionId: sample.inspection.id,
  });
  if (!reading.ok) throw new Error(`refused: ${reading.kind}`);
  return diffWorkpaper(reading, state);
}

const args = (sample: { inspection: { id: RecordId } }, diff: WorkpaperDiff) => ({
  inspectionId: sample.inspection.id,
  fileName: 'returned.xlsx',
  diff,
  takeFromFile: [],
});

describe('commitWorkpaperEdits', () => {
  it('writes the results and the finding in one step with one trail entry', async () => {
    const { session, sample, resultId, findingId } = await vaultWithInspection();
    const diff = await returnedWorkpaper(session, sample);
    expect(diff.records.map((r) => r.table)).toEqual(['itemResults', 'findings']);
    const head = (await session.activity()).length;

    const counts = await commitWorkpaperEdits(session, args(sample, diff));

    expect(counts).toEqual({ created: 0, updated: 2, fields: 3, skipped: 0 });
    expect(await session.get('itemResults', resultId)).toMatchObject({
      rev: 2,
      result: 'partial',
      workPerformed: '重新抽查，2 名漏簽。',
    });
    expect(await session.get('findings', findingId)).toMatchObject({
      rev: 2,
      managementResponse: '6 月底前補簽。',
    });
    const trail = await session.activity();
    expect(trail).toHaveLength(head + 1);
    expect(trail.at(-1)).toMatchObject({
      action: 'workpaper.imported',
      target: { table: 'inspections', id: sample.inspection.id },
      summary: `itemResults: 1, findings: 1 · returned.xlsx · ${diff.contentHash.slice(0, 16)} · 3 fields`,
    });
  });

  it('writes no result when the finding changed in the vault since the file was compared', async () => {
    const { session, sample, resultId, findingId, snapshot } = await vaultWithInspection();
    const diff = await returnedWorkpaper(session, sample);
    const finding = await session.get('findings', findingId);
    if (!finding) throw new Error('no finding');
    await session.update(
      'findings',
      findingId,
      finding.rev,
      { ...payloadOf(finding), owner: '資訊部' },
      'edited meanwhile',
    );
    const before = await snapshot();
    const trail = await session.activity();

    const error = await commitWorkpaperEdits(session, args(sample, diff)).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({ table: 'findings', id: findingId });
    expect(await snapshot()).toEqual(before);
    expect(await session.get('itemResults', resultId)).toMatchObject({
      rev: 1,
      result: 'compliant',
    });
    expect(await session.activity()).toEqual(trail);

    // Compared again, the same edits go in, on top of the change made meanwhile.
    await commitWorkpaperEdits(session, args(sample, await returnedWorkpaper(session, sample)));
    expect(await session.get('findings', findingId)).toMatchObject({
      rev: 3,
      owner: '資訊部',
      managementResponse: '6 月底前補簽。',
    });
    expect(await session.get('itemResults', resultId)).toMatchObject({ rev: 2, result: 'partial' });
  });

  it('writes no result when IndexedDB refuses the findings, and the session goes on', async () => {
    const { session, sample, resultId, snapshot } = await vaultWithInspection();
    const diff = await returnedWorkpaper(session, sample);
    const before = await snapshot();
    const trail = await session.activity();

    failure.arm('findings');
    await expect(commitWorkpaperEdits(session, args(sample, diff))).rejects.toMatchObject({
      name: INJECTED_FAILURE,
    });
    failure.arm(null);

    expect(await snapshot()).toEqual(before);
    expect(await session.get('itemResults', resultId)).toMatchObject({
      rev: 1,
      result: 'compliant',
    });
    expect(await session.activity()).toEqual(trail);
    await commitWorkpaperEdits(session, args(sample, diff));
    expect(await session.get('itemResults', resultId)).toMatchObject({ rev: 2, result: 'partial' });
    expect(await session.verifyActivity()).toMatchObject({ ok: true });
  });
});
