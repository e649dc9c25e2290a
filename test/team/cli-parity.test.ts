/**
 * The app and the command line merge the same files the same way. A lead's vault (fake
 * IndexedDB, real crypto) hands out two real `.awpkg` packages; two auditors open them into
 * vaults of their own, make overlapping edits (the same field to different values, a deletion
 * against an edit, a new note with an evidence file) and send back. The app's merge (plan in
 * the job, resolve, commit) and `audit-workbench merge` on the written files must show the
 * same conflicts and per-package counts and, given the same decisions, write the same records.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run, type CliIo } from '../../electron/cli/main';
import { utf8 } from '../../shared/crypto';
import type { MergeDecisions, MergePlan } from '../../shared/merge';
import { readPackage } from '../../shared/package';
import { freshIdb, sampleEngagement, sampleNote } from '../../renderer/data/testing/factories';
import { createVaultStore } from '../../renderer/data/vaults';
import { awpkgCodec } from '../../renderer/features/team/awpkg-codec';
import { handOut, openHandout } from '../../renderer/features/team/handout';
import { commitMerge, prepareMerge, resolve } from '../../renderer/features/team/merge';
import { runPlan } from '../../renderer/features/team/merge-plan-job';
import { isReturn, type HandoutContents } from '../../renderer/features/team/package-contents';
import { sendBack } from '../../renderer/features/team/send-back';

const PASS = 'cli parity vault pass 1';
const PKG_PASS = 'KX4M2-9QRTB-7HV3N-PW8CD-Z5J6A';
const dir = mkdtempSync(join(tmpdir(), 'aw-parity-'));
// Written packages and keys are test data, but nothing is left behind in the temp folder.
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function diskIo(): CliIo {
  return {
    stdout: () => undefined,
    stderr: () => undefined,
    writeFile: (path, bytes) => writeFile(path, bytes),
    readFile: async (path) => new Uint8Array(await readFile(path)),
    mkdir: async (path) => {
      await mkdir(path, { recursive: true });
    },
    fileSize: async (path) => (await stat(path)).size,
    now: () => new Date(),
    env: { AW_PACKAGE_PASSPHRASE: PKG_PASS },
    scryptLogN: 10,
  };
}

async function vault(owner: string) {
  return createVaultStore({ idb: freshIdb() }).create({
    label: owner,
    passphrase: PASS,
    owner,
    engagement: sampleEngagement(),
  });
}

async function auditor(file: Uint8Array, owner: string) {
  const read = await awpkgCodec.read(file, PKG_PASS);
  const store = createVaultStore({ idb: freshIdb() });
  const { session } = await openHandout(store, read.contents as HandoutContents, {
    label: owner,
    passphrase: PASS,
    owner,
  });
  return session;
}

/** What a plan says per package and which conflicts it raises, in a form both sides give. */
function summary(plan: Pick<MergePlan, 'packages' | 'conflicts'>) {
  return {
    packages: plan.packages
      .map((p) => ({ auditor: p.auditor, status: p.status, counts: p.counts }))
      .sort((a, b) => a.auditor.localeCompare(b.auditor)),
    conflicts: plan.conflicts.map((c) => c.id).sort(),
  };
}

describe('the app and the CLI merge the same returns alike', () => {
  it('same plan, and the same records once the same decisions are taken', async () => {
    const { session: lead } = await vault('陳組長');
    const shared = await lead.create(
      'notes',
      sampleNote({ title: '共同底稿', body: '原文。' }),
      'n',
    );
    const doomed = await lead.create('notes', sampleNote({ title: '待刪', body: '一句。' }), 'n');
    const handoutA = await awpkgCodec.write(await handOut(lead, '林甲', ['SR-04']), PKG_PASS);
    const handoutB = await awpkgCodec.write(await handOut(lead, '王乙', ['SR-05']), PKG_PASS);
    const basePath = join(dir, 'handout-a.awpkg');
    await writeFile(basePath, handoutA);

    const a = await auditor(handoutA, '林甲');
    const b = await auditor(handoutB, '王乙');
    await a.update(
      'notes',
      shared.id,
      shared.rev,
      sampleNote({ title: '甲的標題', body: '原文。' }),
      'a',
    );
    await a.remove('notes', doomed.id, doomed.rev, 'a');
    const added = await a.create('notes', sampleNote({ title: '甲新增', body: '新的。' }), 'a');
    await a.attach(added.id, { name: 'a.txt', mimeType: 'text/plain', bytes: utf8('A file') });
    await b.update(
      'notes',
      shared.id,
      shared.rev,
      sampleNote({ title: '乙的標題', body: '原文。' }),
      'b',
    );
    await b.update(
      'notes',
      doomed.id,
      doomed.rev,
      sampleNote({ title: '待刪', body: '乙改寫。' }),
      'b',
    );

    const files = [];
    for (const [name, session] of [
      ['return-a.awpkg', a],
      ['return-b.awpkg', b],
    ] as const) {
      const bytes = await awpkgCodec.write(await sendBack(session), PKG_PASS);
      await writeFile(join(dir, name), bytes);
      const read = await awpkgCodec.read(bytes, PKG_PASS);
      files.push({
        fileName: name,
        contents: read.contents,
        hash: read.hash,
        signer: read.signer,
        path: join(dir, name),
      });
    }
    const returns = files.flatMap(({ fileName, contents, hash, signer }) =>
      isReturn(contents) ? [{ fileName, contents, hash, signer }] : [],
    );

    // The app's plan.
    const prepared = await prepareMerge(lead, returns);
    expect(prepared.refusals).toEqual([]);
    const plan = await runPlan(prepared.request);

    // The CLI's report on the same files: exit 1 while conflicts are open.
    const report = join(dir, 'merge.json');
    const out = join(dir, 'merged.awpkg');
    const cliArgs = ['merge', '--base', basePath, '--out', out, '--report', report];
    const first = await run([...cliArgs, ...files.map((f) => f.path)], diskIo());
    expect(first).toBe(1);
    const cliPlan = JSON.parse(await readFile(report, 'utf8')) as {
      packages: {
        auditor: string;
        status: string;
        counts: MergePlan['packages'][number]['counts'];
      }[];
      conflicts: { id: string }[];
    };
    const fromCli = {
      packages: cliPlan.packages
        .map(({ auditor, status, counts }) => ({ auditor, status, counts }))
        .sort((x, y) => x.auditor.localeCompare(y.auditor)),
      conflicts: cliPlan.conflicts.map((c) => c.id).sort(),
    };
    expect(fromCli).toEqual(summary(plan));
    expect(fromCli.conflicts).toEqual(
      [`notes/${doomed.id}#deleted`, `notes/${shared.id}/title`].sort(),
    );

    // The same decisions on both sides: 王乙's title, and the edited note kept. Option ids
    // name the package that holds a value, the same in both plans.
    const title = plan.conflicts.find((c) => c.field === 'title');
    const keep = plan.conflicts.find((c) => c.kind === 'delete-edit');
    const decisions: MergeDecisions = {
      conflicts: {
        [title?.id ?? '']: { pick: title?.options.find((o) => o.value === '乙的標題')?.id ?? '' },
        [keep?.id ?? '']: { pick: keep?.options.find((o) => !o.deleted)?.id ?? '' },
      },
    };
    const decisionsPath = join(dir, 'decisions.json');
    await writeFile(decisionsPath, JSON.stringify(decisions));
    const second = await run(
      [...cliArgs, '--decisions', decisionsPath, ...files.map((f) => f.path)],
      diskIo(),
    );
    expect(second).toBe(0);
    expect(await commitMerge(lead, plan, await resolve(plan, decisions), prepared.accepted)).toBe(
      true,
    );

    const merged = await readPackage(new Uint8Array(await readFile(out)), PKG_PASS);
    const cliNotes = merged.records
      .filter((r) => r.table === 'notes')
      .map(({ id, deleted, data }) => ({ id, deleted, data }))
      .sort((x, y) => x.id.localeCompare(y.id));
    const appNotes = (await lead.list('notes', { includeDeleted: true }))
      .map(({ id, rev: _r, updatedAt: _a, updatedBy: _b, deleted, ...data }) => ({
        id,
        deleted,
        data,
      }))
      .sort((x, y) => x.id.localeCompare(y.id));
    expect(cliNotes).toEqual(appNotes);
    expect(appNotes.find((n) => n.id === shared.id)?.data).toMatchObject({ title: '乙的標題' });
    expect(appNotes.find((n) => n.id === doomed.id)).toMatchObject({
      deleted: false,
      data: { body: '乙改寫。' },
    });
    expect(appNotes.map((n) => n.id)).toContain(added.id);
    expect([...merged.files.values()]).toContainEqual(utf8('A file'));
    // Two vaults, packages and three CLI processes: 10 s when the machine is quiet, past the
    // default 30 s when other test runs share its two cores.
  }, 90_000);
});
