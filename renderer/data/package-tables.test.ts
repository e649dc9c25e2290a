import { describe, expect, it } from 'vitest';
import { PACKAGE_TABLE_SCHEMAS } from '../../shared/package/tables';
import { ENGAGEMENT_TABLES, LOCAL_TABLES, tableSpec } from './tables';

describe('the tables an engagement package carries', () => {
  it('are the engagement tables, each checked by the schema the vault uses', () => {
    expect(Object.keys(PACKAGE_TABLE_SCHEMAS).sort()).toEqual([...ENGAGEMENT_TABLES].sort());
    for (const table of ENGAGEMENT_TABLES) {
      expect(PACKAGE_TABLE_SCHEMAS[table], table).toBe(tableSpec(table).schema);
    }
  });

  it('never include the team bookkeeping or a person’s own signing identity', () => {
    expect(LOCAL_TABLES).toContain('signingIdentities');
    for (const table of LOCAL_TABLES)
      expect(Object.hasOwn(PACKAGE_TABLE_SCHEMAS, table)).toBe(false);
  });
});
