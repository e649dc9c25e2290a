/**
 * Lock-down (定稿): the approver's final sign-off makes the inspection read-only on every write
 * path (the guard in renderer/data/lock-guard.ts, called by the one commit), and only the
 * approver's signed unlock with a reason lifts it, which stales the final sign-off.
 */
import { describe, expect, it } from 'vitest';
import { utf8 } from '../../../shared/crypto';
import { asIsoInstant } from '../../../shared/domain/dates';
import { SAMPLE_ALGORITHM } from '../../../shared/domain/inspection/sampling';
import { SigningPassphraseError } from '../../../shared/signoff/identity';
import { InspectionLockedError } from '../../../shared/signoff/state';
import { buildInspectionWorkbook } from '../../../shared/workpapers/build-inspection';
import { diffWorkpaper, readWorkpaperEdits } from '../../../shared/workpapers/roundtrip';
import {
  headerColumn,
  readBack,
  rewrite,
  sheet,
} from '../../../shared/workpapers/testing/read-back';
import { writeWorkbook } from '../../../shared/workpapers/xlsx-write';
import { InspectionLockedWriteError } from '../../data/lock-guard';
import { payloadOf, type VaultSession } from '../../data/vault-session';
import { commitWorkpaperEdits } from '../inspection/commit-workpaper';
import { raiseFinding } from '../registers/raise-finding';
import { raiseReviewNote } from './review-notes';
import { levelsOf, setPolicyRoles } from './signoff-state';
import { UnlockRefusedError, unlockInspection } from './sign';
import { PASSPHRASE, signoffVault } from './testing';

type Vault = Awaited<ReturnType<typeof signoffVault>>;

/** A returned workpaper of the inspection with one cell edited, compared with the vault. */
async function returnedWorkpaper(v: Vault) {
  const id = v.inspectionId;
  const inspection = await v.session.get('inspections', id);
  const [engagement] = await v.session.list('engagement');
  if (!inspection || !engagement) throw new Error('no inspection');
  const state = {
    inspection,
    items: v.sample.items,
    itemResults: await v.session.listChildren('itemResults', id),
    findings: await v.session.listChildren('findings', id),
    systems: [],
    evidence: [],
  };
  const { spec } = await buildInspectionWorkbook(
    {
      ...state,
      engagement,
      activity: await v.session.activity(),
      appVersion: '0.1.0',
      generatedAt: asIsoInstant('2026-03-04T03:00:00.000Z'),
    },
    { lang: 'zh-TW', calendar: 'roc', includePersonalData: false },
  );
  const workbook = await readBack(await writeWorkbook(spec));
  const ws = sheet(workbook, '查核項目');
  const itemId = v.itemIds[0];
  for (let r = 2; r <= ws.rowCount; r++) {
    if (ws.getRow(r).getCell(2).value === itemId) {
      ws.getRow(r).getCell(headerColumn(ws, '執行之查核工作')).value = '定稿後改寫';
    }
  }
  const reading = await readWorkpaperEdits(await rewrite(workbook), { inspectionId: id });
  if (!reading.ok) throw new Error(`refused: ${reading.kind}`);
  return diffWorkpaper(reading, state);
}

/** Every way the app writes to an inspection, each as a thunk. */
async function writePaths(v: Vault, session: VaultSession) {
  const id = v.inspectionId;
  const [result] = await session.listChildren('itemResults', id);
  const inspection = await session.get('inspections', id);
  const finding = await session.get('findings', v.finding.id);
  if (!result || !inspection || !finding) throw new Error('records missing');
  const diff = await returnedWorkpaper(v);
  expect(diff.records.length).toBeGreaterThan(0);
  const edited = { ...payloadOf(result), workPerformed: '定稿後改寫' };
  return {
    'item result saved': () => session.update('itemResults', result.id, result.rev, edited, 'x'),
    'inspection record saved': () =>
      session.update(
        'inspections',
        id,
        inspection.rev,
        { ...payloadOf(inspection), title: '改' },
        'x',
      ),
    'finding saved': () =>
      session.update(
        'findings',
        finding.id,
        finding.rev,
        { ...payloadOf(finding), title: '改' },
        'x',
      ),
    'finding deleted': () => session.remove('findings', finding.id, finding.rev, 'x'),
    'finding raised from a register': () =>
      raiseFinding(session, id, { ...payloadOf(finding), itemId: null }),
    'sample added': () =>
      session.create(
        'samples',
        {
          inspectionId: id,
          seed: 'fixed-seed',
          algorithm: SAMPLE_ALGORITHM,
          populationSize: 3,
          n: 2,
          pickedKeys: ['a', 'b'],
          wholePopulation: false,
          purpose: '定稿後抽樣',
          populationLabel: '清單',
        },
        'x',
      ),
    'evidence attached': () =>
      session.attach(id, { name: 'late.txt', mimeType: 'text/plain', bytes: utf8('late') }),
    'evidence removed': () => session.removeAttachment(v.evidence.id, v.evidence.rev),
    'register import batch': () =>
      session.writeBatch(
        [
          {
            table: 'itemResults',
            items: [{ id: result.id, expectedRev: result.rev, data: edited }],
          },
        ],
        {
          action: 'records.imported',
          summary: 'import',
        },
      ),
    'workpaper round-trip import': () =>
      commitWorkpaperEdits(session, {
        inspectionId: id,
        fileName: 'back.xlsx',
        diff,
        takeFromFile: [],
      }),
    'review note raised': () =>
      raiseReviewNote(session, {
        inspectionId: id,
        target: { kind: 'inspection' },
        level: 2,
        identityId: v.person(1).id,
        text: '定稿後的意見',
      }),
    'sign-off levels changed': () => setPolicyRoles(session, id, ['編製', '覆核', '總核']),
  };
}

describe('lock-down', () => {
  it('refuses every write touching a locked inspection, and nothing else', async () => {
    const v = await signoffVault();
    await v.signEverything();
    expect((await v.load()).lockedBy?.level).toBe(3);
    const paths = await writePaths(v, v.session);
    const trail = (await v.session.activity()).length;
    for (const [path, write] of Object.entries(paths)) {
      const error = await write().then(
        () => null,
        (e: unknown) => e,
      );
      expect(error, path).toBeInstanceOf(InspectionLockedWriteError);
      expect(error, path).toBeInstanceOf(InspectionLockedError);
      expect((error as InspectionLockedError).messages['zh-TW'], path).toContain('定稿');
      expect((error as InspectionLockedError).messages.en, path).toContain('locked');
    }
    expect((await v.session.activity()).length).toBe(trail);
    // The content is as signed: every sign-off still valid.
    expect(levelsOf(await v.load(), { kind: 'inspection' }).map((l) => l.status)).toEqual([
      'valid',
      'valid',
      'valid',
    ]);
    // Records of other things are written as usual.
    await v.session.create('notes', { title: '現場紀錄', body: '', observedOn: '2026-03-04' }, 'n');
    // After locking and unlocking the vault, the lock still holds.
    v.session.lock();
    const again = await v.store.unlock(v.session.vaultId, 'sign-off service passphrase');
    const [result] = await again.listChildren('itemResults', v.inspectionId);
    if (!result) throw new Error('no result');
    await expect(
      again.update('itemResults', result.id, result.rev, payloadOf(result), 'x'),
    ).rejects.toBeInstanceOf(InspectionLockedWriteError);
  });

  it('is lifted only by the approver, with the signing passphrase and a reason; that stales the final sign-off', async () => {
    const v = await signoffVault();
    await v.signEverything();
    const unlock = (who: number, reason: string, passphrase = PASSPHRASE) =>
      unlockInspection(v.session, {
        inspectionId: v.inspectionId,
        identityId: v.person(who).id,
        passphrase,
        reason,
        now: v.now,
      });
    await expect(unlock(1, '更正')).rejects.toBeInstanceOf(UnlockRefusedError);
    await expect(unlock(2, '  ')).rejects.toMatchObject({ problems: ['no-reason'] });
    await expect(unlock(2, '更正', 'wrong signing passphrase')).rejects.toBeInstanceOf(
      SigningPassphraseError,
    );
    expect((await v.load()).lockedBy).not.toBeNull();

    const record = await unlock(2, '主管要求更正第一項之查核說明');
    expect(record.reason).toBe('主管要求更正第一項之查核說明');
    const loaded = await v.load();
    expect(loaded.lockedBy).toBeNull();
    expect(levelsOf(loaded, { kind: 'inspection' })[2]).toMatchObject({
      status: 'stale',
      staleBecause: 'unlocked',
    });
    const entry = (await v.session.activity()).at(-1);
    expect(entry).toMatchObject({ action: 'inspection.unlocked' });
    expect(entry?.summary).toContain('主管要求更正');
    await expect(unlock(2, '再一次')).rejects.toMatchObject({ problems: ['not-locked'] });

    // Writable again; the edited item's sign-offs turn stale.
    const [result] = (await v.session.listChildren('itemResults', v.inspectionId)).filter(
      (r) => r.itemId === v.itemIds[0],
    );
    if (!result) throw new Error('no result');
    await v.session.update(
      'itemResults',
      result.id,
      result.rev,
      { ...payloadOf(result), workPerformed: '更正後' },
      'x',
    );
    const item = { kind: 'item' as const, itemId: result.itemId };
    expect(levelsOf(await v.load(), item).map((l) => l.status)).toEqual([
      'stale',
      'stale',
      'stale',
    ]);
  });
});
