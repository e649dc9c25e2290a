import { describe, expect, it } from 'vitest';
import type { ValidRow } from '../../../shared/import';
import { freshIdb, sampleEngagement } from '../../data/testing/factories';
import { readSetting, writeSetting } from '../../data/settings';
import { createVaultStore } from '../../data/vaults';
import { mappingPresetSchema } from '../../../shared/import';
import { planRosterImport } from '../agreements/import-plans';

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
