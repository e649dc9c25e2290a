import { describe, expect, it } from 'vitest';
import { benchMerge } from './bench';

// Functional only: the benchmark's figures are printed by `npm run bench`, never asserted.
describe('benchMerge', () => {
  it('plans and resolves every case, with the conflicts and duplicates the data is made to have', async () => {
    const results = await benchMerge([2, 3], { items: 24, people: 60, heapUsed: () => 0 });
    expect(results.map((r) => r.returns)).toEqual([2, 3]);
    for (const r of results) {
      expect(r.changes).toBe(r.returns * (24 + 60 + 100 + 20));
      expect(r.conflicts).toBeGreaterThan(0);
      expect(r.duplicates).toBeGreaterThan(0);
      expect(r.writes).toBeGreaterThan(0);
      expect(r.peakHeapBytes).toBe(0);
    }
  });
});
