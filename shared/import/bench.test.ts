import { describe, expect, it } from 'vitest';
import { benchImport } from './bench';

// Functional only: the benchmark's figures are printed by `npm run bench`, never asserted.
describe('benchImport', () => {
  it('imports every generated row of each dataset and format without an error', async () => {
    const results = await benchImport(60, { heapUsed: () => 0 });
    expect(results.map((r) => `${r.dataset}/${r.format}`)).toEqual([
      'roster/csv-utf8',
      'roster/csv-big5',
      'roster/xlsx',
      'assets/csv-utf8',
      'assets/csv-big5',
      'assets/xlsx',
    ]);
    for (const result of results) {
      expect(result, `${result.dataset}/${result.format}`).toMatchObject({
        rows: 60,
        validRows: 60,
        errorCount: 0,
        peakHeapBytes: 0,
      });
      expect(result.bytes).toBeGreaterThan(0);
    }
  });
});
