/**
 * The coverage table: every article, paragraph, item and annex sub-item of the two source
 * documents (and the briefing's sections and bullets), each with its citation and a zh-TW
 * label quoted or paraphrased from the source. Entries that carry an obligation are
 * `auditable` and must be tested by at least one checklist item; the others say why not.
 */
import { citationKey } from './citation';
import type { Citation } from './schema';
import { A2_STRUCTURE } from './structure/annex2';
import type { SeedEntry } from './structure/entry';
import { FSC_STRUCTURE } from './structure/fsc';
import { A1_STRUCTURE, SR_STRUCTURE } from './structure/sr';

export type { SeedEntry } from './structure/entry';

export const SEED_STRUCTURE: readonly SeedEntry[] = [
  ...SR_STRUCTURE,
  ...A1_STRUCTURE,
  ...A2_STRUCTURE,
  ...FSC_STRUCTURE,
];

const byKey = new Map(SEED_STRUCTURE.map((entry) => [citationKey(entry.citation), entry]));

/** The coverage-table entry a citation points at, if any. */
export function resolveCitation(citation: Citation): SeedEntry | undefined {
  return byKey.get(citationKey(citation));
}
