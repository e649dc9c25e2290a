import { describe, expect, it } from 'vitest';
import { PACKAGE_TABLE_SCHEMAS } from '../../shared/package/tables';
import { recordTables } from './tables';

describe('the tables an engagement package carries', () => {
  it('are the vault tables, each checked by the schema the vault uses', () => {
    expect(Object.keys(PACKAGE_TABLE_SCHEMAS).sort()).toEqual(Object.keys(recordTables).sort());
    for (const [table, spec] of Object.entries(recordTables)) {
      expect(PACKAGE_TABLE_SCHEMAS[table], table).toBe(spec.schema);
    }
  });
});
