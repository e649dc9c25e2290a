/**
 * Team work through real parts: three vaults on fake IndexedDB (the lead and two auditors),
 * the packages through the JSON stand-in codec (real Argon2id and AES-GCM), the engine's plan
 * and resolve, and the commit through VaultSession. Hand out, open, edit, send back, merge
 * with a conflict, merge again, a failing and a cancelled merge, a second round.
 */
import { describe, expect, it } from 'vitest';
import { utf8 } from '../../../shared/crypto';
import { newRecordId } from '../../../shared/domain/records';
import { openConflicts } from '../../../shared/merge';
import { freshIdb, sampleEngagement, sampleNote } from '../../data/testing/factories';
import { installWriteFailure } from '../../data/testing/failing-writes';
import type { VaultSession } from '../../data/vault-session';
import { createVaultStore } from '../../data/vaults';
import { assign, assigneeOf, listAssignments, unassign } from './assignments';
import { handOut, openHandout } from './handout';
import { awpkgCodec } from './awpkg-codec';
import { commitMerge, prepareMerge, type ReceivedReturn, resolve } from './merge';
import { runPlan } from './merge-plan-job';
import type { HandoutContents, ReturnContents } from './package-contents';
import { sendBack } from './send-back';

const PASS = 'team flow passphrase 1';
const PKG_PASS = 'package passphrase 22';
const INSPECTION = newRecordId();

async function leadVault() {
  const store = createVaultStore({ idb: freshIdb() });
  const { session } = await store.create({
    label: 'lead',
    passphrase: PASS,
    owner: '陳組長',
    engagement: sampleEngagement(),
  });
  const shared = await session.create(
    'notes',
    sampleNote({ title: '共同底稿', body: '原始內容。' }),
    'n',
  );
  const doomed = await session.create(
    'notes',
    sampleNote({ title: '待刪', body: '第一句。' }),
    'n',
  );
  const file = await session.attach(shared.id, {
    name: 'base.txt',
    mimeType: 'text/plain',
    bytes: utf8('lead evidence'),
  });
  return { store, session, shared, doomed, file };
}

/** A package's round trip through the .awpkg codec (age-encrypted, read back, hashed). */
async function viaFile<C extends HandoutContents | ReturnContents>(contents: C) {
  const bytes = await awpkgCodec.write(contents, PKG_PASS);
  const read = await awpkgCodec.read(bytes, PKG_PASS);
  return { contents: read.contents as C, hash: read.hash, signer: read.signer, bytes };
}

async function auditorVault(contents: HandoutContents, owner: string) {
  const store = createVaultStore({ idb: freshIdb() });
  const { session } = await openHandout(store, contents, {
    label: owner,
    passphrase: PASS,
    owner,
  });
  return { store, session };
}

async function returnOf(session: VaultSession, fileName: string): Promise<ReceivedReturn> {
  const { contents, hash, signer } = await viaFile(await sendBack(session));
  return { fileName, contents, hash, signer };
}

async function snapshot(session: VaultSession) {
  const tables = ['notes', 'evidence', 'mergeInfo', 'mergedPackages'] as const;
  const lists = await Promise.all(tables.map((t) => session.list(t, { includeDeleted: true })));
  return { lists, trail: (await session.activity()).length };
}

async function plannedMerge(lead: VaultSession, returns: ReceivedReturn[]) {
  const prepared = await prepareMerge(lead, returns);
  const plan = await runPlan(prepared.request);
  return { prepared, plan };
}

describe('team work', () => {
  it('assigns sections and items, an item assignment overriding its section', async () => {
    const { session } = await leadVault();
    await assign(session, INSPECTION, { kind: 'section', id: 'SR-04' }, '林甲');
    await assign(session, INSPECTION, { kind: 'item', id: 'SR-04-02' }, '王乙');
    await assign(session, INSPECTION, { kind: 'section', id: 'SR-04' }, '張丙');
    const list = await listAssignments(session, INSPECTION);
    expect(list.map((a) => [a.target.id, a.auditor])).toEqual([
      ['SR-04', '張丙'],
      ['SR-04-02', '王乙'],
    ]);
    expect(assigneeOf(list, 'SR-04-02', 'SR-04')).toBe('王乙');
    expect(assigneeOf(list, 'SR-04-01', 'SR-04')).toBe('張丙');
    await unassign(session, INSPECTION, { kind: 'item', id: 'SR-04-02' });
    expect(assigneeOf(await listAssignments(session, INSPECTION), 'SR-04-02', 'SR-04')).toBe(
      '張丙',
    );
  });

  it('hands out, opens with the same ids and revisions, sends back and merges with a conflict', async () => {
    const lead = await leadVault();
    const edited = await lead.session.update(
      'notes',
      lead.shared.id,
      lead.shared.rev,
      sampleNote({ title: '共同底稿', body: '原始內容。', observedOn: '2025-03-06' }),
      'rev 2',
    );
    const out1 = await viaFile(await handOut(lead.session, '林甲', ['SR-04']));
    const out2 = await viaFile(await handOut(lead.session, '王乙', ['SR-05']));
    // One round, one base: both packages share it.
    expect(out2.contents.meta.baseId).toBe(out1.contents.meta.baseId);
    expect(await lead.session.list('handoutBases')).toHaveLength(1);
    expect((await lead.session.list('handouts')).map((h) => h.auditor)).toEqual(['林甲', '王乙']);

    const a = await auditorVault(out1.contents, '林甲');
    const b = await auditorVault(out2.contents, '王乙');
    const opened = await a.session.get('notes', lead.shared.id);
    expect(opened).toMatchObject({ id: edited.id, rev: 2, title: '共同底稿' });
    expect((await a.session.readAttachment(lead.file.id)).bytes).toEqual(utf8('lead evidence'));
    expect(a.session.integrityProblems).toEqual([]);

    // 林甲: the title, a deletion, a new note with a new evidence file.
    await a.session.update(
      'notes',
      lead.shared.id,
      2,
      sampleNote({ title: '甲的標題', body: '原始內容。' }),
      'a',
    );
    await a.session.remove('notes', lead.doomed.id, lead.doomed.rev, 'a');
    const added = await a.session.create(
      'notes',
      sampleNote({ title: '甲新增', body: '新的。' }),
      'a',
    );
    const newFile = await a.session.attach(added.id, {
      name: 'a.txt',
      mimeType: 'text/plain',
      bytes: utf8('auditor A file'),
    });
    // 王乙: the same title to another value, and an edit of the note 林甲 deleted.
    await b.session.update(
      'notes',
      lead.shared.id,
      2,
      sampleNote({ title: '乙的標題', body: '原始內容。' }),
      'b',
    );
    await b.session.update(
      'notes',
      lead.doomed.id,
      1,
      sampleNote({ title: '待刪', body: '乙改寫了。' }),
      'b',
    );

    const returns = [await returnOf(a.session, 'a.awpkg'), await returnOf(b.session, 'b.awpkg')];
    expect(returns[0]?.contents.changes.map((c) => [c.table, c.baseRev, c.deleted])).toEqual(
      expect.arrayContaining([
        ['notes', 2, false],
        ['notes', 1, true],
        ['notes', null, false],
        ['evidence', null, false],
      ]),
    );
    const { prepared, plan } = await plannedMerge(lead.session, returns);
    expect(prepared.refusals).toEqual([]);
    expect(plan.packages.map((p) => p.status)).toEqual(['ready', 'ready']);
    const ids = plan.conflicts.map((c) => c.id).sort();
    expect(ids).toEqual(
      [`notes/${lead.doomed.id}#deleted`, `notes/${lead.shared.id}/title`].sort(),
    );
    const titleConflict = plan.conflicts.find((c) => c.field === 'title');
    const pickB = titleConflict?.options.find((o) => o.value === '乙的標題');
    const decisions = {
      conflicts: {
        [`notes/${lead.shared.id}/title`]: { pick: pickB?.id ?? '' },
        [`notes/${lead.doomed.id}#deleted`]: {
          pick:
            plan.conflicts.find((c) => c.kind === 'delete-edit')?.options.find((o) => !o.deleted)
              ?.id ?? '',
        },
      },
    };
    expect(openConflicts(plan, { conflicts: {} })).toHaveLength(2);
    expect(openConflicts(plan, decisions)).toHaveLength(0);
    const result = await resolve(plan, decisions);
    const trailBefore = (await lead.session.activity()).length;
    expect(await commitMerge(lead.session, plan, result, prepared.accepted)).toBe(true);

    expect((await lead.session.get('notes', lead.shared.id))?.title).toBe('乙的標題');
    expect(await lead.session.get('notes', lead.doomed.id)).toMatchObject({
      deleted: false,
      body: '乙改寫了。',
    });
    expect((await lead.session.get('notes', added.id))?.title).toBe('甲新增');
    expect((await lead.session.readAttachment(newFile.id)).bytes).toEqual(utf8('auditor A file'));
    const info = await lead.session.get('mergeInfo', lead.shared.id);
    expect(info?.info.losing).toContainEqual(
      expect.objectContaining({ field: 'title', value: '甲的標題', reason: 'not-picked' }),
    );
    expect(info?.info.provenance).toContainEqual(
      expect.objectContaining({ field: 'title', how: 'picked', decidedBy: '陳組長' }),
    );
    const merged = await lead.session.list('mergedPackages');
    expect(merged.map((m) => m.auditor).sort()).toEqual(['林甲', '王乙'].sort());
    expect(merged[0]?.trail.length).toBeGreaterThan(0);
    const trail = await lead.session.activity();
    expect(trail).toHaveLength(trailBefore + 1);
    const entry = trail.at(-1);
    expect(entry?.action).toBe('team.merged');
    for (const r of returns) {
      expect(entry?.summary).toContain(r.hash);
      expect(entry?.summary).toContain(r.contents.meta.packageId);
    }
    expect(lead.session.integrityProblems).toEqual([]);
    expect(await lead.session.verifyIntegrity()).toEqual([]);

    // The same packages again: recognised, nothing written.
    const before = await snapshot(lead.session);
    const again = await plannedMerge(lead.session, returns);
    expect(again.plan.packages.map((p) => p.status)).toEqual(['already-merged', 'already-merged']);
    const none = await resolve(again.plan, { conflicts: {} });
    expect(await commitMerge(lead.session, again.plan, none, again.prepared.accepted)).toBe(false);
    expect(await snapshot(lead.session)).toEqual(before);

    // A second round: hand out again after the merge; the next return merges against it.
    const out3 = await viaFile(await handOut(lead.session, '林甲', ['SR-04']));
    expect(out3.contents.meta.baseId).not.toBe(out1.contents.meta.baseId);
    const a2 = await auditorVault(out3.contents, '林甲');
    const current = await a2.session.get('notes', lead.shared.id);
    expect(current?.title).toBe('乙的標題');
    await a2.session.update(
      'notes',
      lead.shared.id,
      current?.rev ?? 0,
      sampleNote({ title: '第二輪', body: '原始內容。' }),
      'a2',
    );
    const round2 = await plannedMerge(lead.session, [await returnOf(a2.session, 'a2.awpkg')]);
    expect(round2.plan.conflicts).toEqual([]);
    expect(round2.plan.packages[0]?.counts.changed).toBe(1);
    await commitMerge(
      lead.session,
      round2.plan,
      await resolve(round2.plan, { conflicts: {} }),
      round2.prepared.accepted,
    );
    expect((await lead.session.get('notes', lead.shared.id))?.title).toBe('第二輪');
  });

  it('a merge whose commit fails or is cancelled leaves the vault exactly as it was', async () => {
    const failure = installWriteFailure();
    try {
      const lead = await leadVault();
      const out = await viaFile(await handOut(lead.session, '林甲', []));
      const a = await auditorVault(out.contents, '林甲');
      await a.session.update(
        'notes',
        lead.shared.id,
        1,
        sampleNote({ title: '改了', body: '原始內容。' }),
        'a',
      );
      await a.session.attach(lead.shared.id, {
        name: 'x.txt',
        mimeType: 'text/plain',
        bytes: utf8('x'),
      });
      const returns = [await returnOf(a.session, 'a.awpkg')];
      const { prepared, plan } = await plannedMerge(lead.session, returns);
      const result = await resolve(plan, { conflicts: {} });
      const before = await snapshot(lead.session);
      failure.arm('mergedPackages');
      await expect(commitMerge(lead.session, plan, result, prepared.accepted)).rejects.toThrow();
      failure.arm(null);
      expect(failure.refused).toBeGreaterThan(0);
      expect(await snapshot(lead.session)).toEqual(before);
      const controller = new AbortController();
      controller.abort();
      await expect(runPlan(prepared.request, undefined, controller.signal)).rejects.toThrow();
      expect(await snapshot(lead.session)).toEqual(before);
      // After the failure the same merge still goes through.
      expect(await commitMerge(lead.session, plan, result, prepared.accepted)).toBe(true);
      expect((await lead.session.get('notes', lead.shared.id))?.title).toBe('改了');
    } finally {
      failure.restore();
    }
  });

  it('refuses a return of another engagement, one with a broken trail, and a wrong passphrase', async () => {
    const lead = await leadVault();
    const out = await viaFile(await handOut(lead.session, '林甲', []));
    const a = await auditorVault(out.contents, '林甲');
    await a.session.update(
      'notes',
      lead.shared.id,
      1,
      sampleNote({ title: '改了', body: '原始內容。' }),
      'a',
    );
    const good = await returnOf(a.session, 'a.awpkg');
    const other: ReceivedReturn = {
      ...good,
      fileName: 'other.awpkg',
      contents: { ...good.contents, meta: { ...good.contents.meta, engagementId: newRecordId() } },
    };
    const trail = good.contents.trail.map((e, i) => (i === 1 ? { ...e, summary: '改過' } : e));
    const broken: ReceivedReturn = {
      ...good,
      fileName: 'broken.awpkg',
      contents: { ...good.contents, trail },
    };
    const prepared = await prepareMerge(lead.session, [other, broken]);
    expect(prepared.accepted).toEqual([]);
    expect(prepared.refusals.map((r) => [r.fileName, r.text.en])).toEqual([
      ['other.awpkg', 'This return belongs to another engagement'],
      ['broken.awpkg', expect.stringContaining('trail chain is broken (edited')],
    ]);
    const bytes = await awpkgCodec.write(good.contents, PKG_PASS);
    await expect(awpkgCodec.read(bytes, 'not the passphrase')).rejects.toMatchObject({
      code: 'wrong-passphrase',
    });
    const flipped = new Uint8Array(bytes);
    flipped[flipped.length - 10] = flipped[flipped.length - 10] === 65 ? 66 : 65;
    await expect(awpkgCodec.read(flipped, PKG_PASS)).rejects.toMatchObject({
      code: 'damaged',
    });
  });
});
