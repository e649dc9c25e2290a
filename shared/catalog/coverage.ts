/**
 * Coverage: which checklist items test which provision of the sources. An item covers the
 * provision of its citation and of each of its `related` citations.
 */
import { citationKey } from './citation';
import type { ChecklistItem, Citation } from './schema';
import type { SeedEntry } from './structure/entry';

export interface CoverageRow {
  entry: SeedEntry;
  /** Ids of the items whose citation or related citations address this entry. */
  itemIds: string[];
}

function citationsOf(item: ChecklistItem): Citation[] {
  return [item.citation, ...(item.related ?? [])];
}

/** One row per coverage-table entry, in table order. */
export function coverageTable(
  items: readonly ChecklistItem[],
  entries: readonly SeedEntry[],
): CoverageRow[] {
  const byKey = new Map<string, string[]>();
  for (const item of items) {
    for (const citation of citationsOf(item)) {
      const key = citationKey(citation);
      const ids = byKey.get(key) ?? [];
      ids.push(item.id);
      byKey.set(key, ids);
    }
  }
  return entries.map((entry) => ({ entry, itemIds: byKey.get(citationKey(entry.citation)) ?? [] }));
}

/** Auditable entries that no item tests. */
export function uncoveredEntries(
  items: readonly ChecklistItem[],
  entries: readonly SeedEntry[],
): SeedEntry[] {
  return coverageTable(items, entries)
    .filter((row) => row.entry.auditable && row.itemIds.length === 0)
    .map((row) => row.entry);
}

/** Citations (primary or related) of the items that match no coverage-table entry. */
export function unresolvedCitations(
  items: readonly ChecklistItem[],
  entries: readonly SeedEntry[],
): { itemId: string; key: string }[] {
  const known = new Set(entries.map((entry) => citationKey(entry.citation)));
  return items.flatMap((item) =>
    citationsOf(item)
      .map((citation) => citationKey(citation))
      .filter((key) => !known.has(key))
      .map((key) => ({ itemId: item.id, key })),
  );
}
