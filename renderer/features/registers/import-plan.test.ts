import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConflictError } from '../../../shared/domain/records';
import type { ValidRow } from '../../../shared/import';
import {
  INJECTED_FAILURE,
  installWriteFailure,
  type WriteFailure,
} from '../../data/testing/failing-writes';
import { freshIdb, sampleEngagement } from '../../data/testing/factories';
import { payloadOf } from '../../data/vault-session';
import { readSetting, writeSetting } from '../../data/settings';
import { createVaultStore } from '../../data/vaults';
import { mappingPresetSchema } from '../../../shared/import';
import { planRosterImport } from '../agreements/import-plans';
import { ImportHasErrorsError } from './import-plan';

async function setup() {
  const store = createVaultStore({ idb: freshIdb() });
  const { session } = await store.create({
    label: 'v',
    passphrase: 'import plan passphrase',
    owner: '陳稽核',
    engagement: sampleEngagement(),
  });
  return session;
}

const row = (rowNumber: number, values: Record<string, string | null>): ValidRow => ({
  rowNumber,
  values,
  key: null,
});
const person = (no: string, name: string, department: string) => ({
  employeeNo: no,
  name,
  personId: null,
  department,
  title: '',
  hireDate: '2020-01-02',
  email: null,
  phone: null,
  status: '在職',
  note: null,
});
const context = {
  fileName: 'roster.csv',
  columns: { headers: ['員工編號', '姓名'], mapping: { employeeNo: '員工編號', name: '姓名' } },
  checkErrors: 0,
};

describe('register imports', () => {
  it('creates new rows, skips identical ones and updates changed ones only when asked', async () => {
    const session = await setup();
    const first = await planRosterImport(
      session,
      [row(2, person('E001', '王小明', '資訊室')), row(3, person('E002', '李小華', '總務'))],
      context,
    );
    expect(first).toMatchObject({ created: 2, unchanged: 0, changed: 0, errors: [] });
    await first.commit({ updateChanged: false });
    expect((await session.list('people')).map((p) => p.name)).toEqual(['王小明', '李小華']);

    const again = await planRosterImport(
      session,
      [row(2, person('E001', '王小明', '資訊室')), row(3, person('E002', '李小華', '業務部'))],
      context,
    );
    expect(again).toMatchObject({ created: 0, unchanged: 1, changed: 1 });
    await again.commit({ updateChanged: false });
    expect((await session.list('people')).find((p) => p.employeeNo === 'E002')?.department).toBe(
      '總務',
    );

    const third = await planRosterImport(
      session,
      [row(3, person('E002', '李小華', '業務部'))],
      context,
    );
    await third.commit({ updateChanged: true });
    const updated = (await session.list('people')).find((p) => p.employeeNo === 'E002');
    expect(updated).toMatchObject({ department: '業務部', rev: 2 });
    expect(await session.list('people')).toHaveLength(2);
  });

  it('reports rows the register cannot take with their row number, and commits nothing', async () => {
    const session = await setup();
    const plan = await planRosterImport(
      session,
      [row(2, person('E001', '王小明', '資訊室')), row(3, { ...person('E002', '', '總務') })],
      context,
    );
    expect(plan.errors.map((e) => e.rowNumber)).toEqual([3]);
    expect(await session.list('people')).toEqual([]);
  });

  it('keeps settings sealed per key, replacing the value on a second write', async () => {
    const session = await setup();
    expect(await readSetting(session, 'import-preset.roster', mappingPresetSchema)).toBeNull();
    await writeSetting(session, 'import-preset.roster', {
      name: 'a.csv',
      fields: { name: '姓名' },
    });
    await writeSetting(session, 'import-preset.roster', {
      name: 'b.csv',
      fields: { name: '名字' },
    });
    expect(await readSetting(session, 'import-preset.roster', mappingPresetSchema)).toEqual({
      name: 'b.csv',
      fields: { name: '名字' },
    });
    expect(await session.list('settings')).toHaveLength(1);
  });
});

describe('a register import commits all rows or none', () => {
  let failure: WriteFailure;
  beforeEach(() => {
    failure = installWriteFailure();
  });
  afterEach(() => {
    failure.restore();
  });

  it('refuses to commit a plan with a row the register cannot take, naming it, and writes nothing', async () => {
    const session = await setup();
    const head = (await session.activity()).length;
    const plan = await planRosterImport(
      session,
      [
        row(2, person('E001', '王小明', '資訊室')),
        row(3, person('E002', '', '總務')),
        row(4, person('E003', '張三', '業務部')),
      ],
      context,
    );
    expect(plan).toMatchObject({ created: 2 });
    for (const updateChanged of [false, true]) {
      const error = await plan.commit({ updateChanged }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ImportHasErrorsError);
      expect(error).toMatchObject({ fileName: 'roster.csv', errorCount: 1, rows: [3] });
      expect((error as ImportHasErrorsError).text).toEqual({
        'zh-TW': '「roster.csv」有 1 個問題（第 3 列），未匯入任何資料；請修正後重新匯入。',
        en: 'roster.csv has 1 problem (row 3); nothing was imported. Fix it and import the file again.',
      });
    }
    expect(await session.list('people')).toEqual([]);
    expect(await session.activity()).toHaveLength(head);
  });

  it('refuses to commit when the row check found problems, even if every row given converts', async () => {
    const session = await setup();
    const plan = await planRosterImport(session, [row(2, person('E001', '王小明', '資訊室'))], {
      ...context,
      checkErrors: 2,
    });
    await expect(plan.commit({ updateChanged: false })).rejects.toMatchObject({
      name: 'ImportHasErrorsError',
      errorCount: 2,
      rows: [],
      message:
        'roster.csv has 2 problems; nothing was imported. Fix them and import the file again.',
    });
    expect(await session.list('people')).toEqual([]);
  });

  it('writes none of the new rows when an update conflicts with a change made meanwhile', async () => {
    const session = await setup();
    await (
      await planRosterImport(session, [row(2, person('E001', '王小明', '資訊室'))], context)
    ).commit({ updateChanged: false });
    const plan = await planRosterImport(
      session,
      [row(2, person('E001', '王小明', '業務部')), row(3, person('E002', '李小華', '總務'))],
      context,
    );
    expect(plan).toMatchObject({ created: 1, changed: 1 });
    const [stored] = await session.list('people');
    if (!stored) throw new Error('not imported');
    await session.update(
      'people',
      stored.id,
      stored.rev,
      { ...payloadOf(stored), title: '主任' },
      'edited meanwhile',
    );

    await expect(plan.commit({ updateChanged: true })).rejects.toBeInstanceOf(ConflictError);

    expect((await session.list('people')).map((p) => [p.employeeNo, p.department, p.rev])).toEqual([
      ['E001', '資訊室', 2],
    ]);
  });

  it('writes none of the rows when IndexedDB refuses the trail entry, and can be committed after', async () => {
    const session = await setup();
    const plan = await planRosterImport(
      session,
      [row(2, person('E001', '王小明', '資訊室')), row(3, person('E002', '李小華', '總務'))],
      context,
    );
    const trail = await session.activity();

    failure.arm('activity');
    await expect(plan.commit({ updateChanged: false })).rejects.toMatchObject({
      name: INJECTED_FAILURE,
    });
    failure.arm(null);

    expect(await session.list('people')).toEqual([]);
    expect(await session.activity()).toEqual(trail);
    await plan.commit({ updateChanged: false });
    expect((await session.list('people')).map((p) => p.employeeNo)).toEqual(['E001', 'E002']);
    expect((await session.activity()).at(-1)).toMatchObject({
      seq: trail.length + 1,
      summary: 'people: 2 · roster.csv',
    });
  });
});
