import { describe, expect, it } from 'vitest';
import { recordLabel } from './record-label';

const ID = '01JB0000000000000000ABCDEF';

describe('recordLabel', () => {
  it('names a checklist result by its item code, a note by its title, a file by its name', () => {
    expect(recordLabel('itemResults', ID, { itemId: 'SR-04-02.1', title: 'x' })).toBe(
      'itemResults · SR-04-02.1',
    );
    expect(recordLabel('notes', ID, { title: ' 共同紀錄 ' })).toBe('notes · 共同紀錄');
    expect(recordLabel('evidence', ID, { name: '甲佐證.txt' })).toBe('evidence · 甲佐證.txt');
  });

  it('falls back to the end of the id for a deleted record or one without a name', () => {
    expect(recordLabel('notes', ID, undefined)).toBe(`notes · ${ID.slice(-12)}`);
    expect(recordLabel('samples', ID, { title: '  ' })).toBe(`samples · ${ID.slice(-12)}`);
  });

  it('masks personal data in a title', () => {
    const label = recordLabel('notes', ID, { title: '訪談 A123456789' });
    expect(label).not.toContain('A123456789');
    expect(label.startsWith('notes · 訪談 ')).toBe(true);
  });
});
