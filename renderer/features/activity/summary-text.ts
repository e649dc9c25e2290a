/**
 * Trail summaries the workbench composes itself are stored in a language-neutral form (table
 * keys and integrity kinds with counts, e.g. `notes: 2, systems: 1 · roster.xlsx` or
 * `hidden notes: 1; trail-erased activity: 1`), so the sealed trail reads the same whatever
 * the language. This puts them into the user's words for display; anything else is shown as
 * written.
 */
import type { ActivityAction } from '../../../shared/domain/activity';

export interface SummaryWords {
  /** The name of a table, or null for a key this version does not know. */
  table(key: string): string | null;
  /** The name of an integrity problem kind, or null for one this version does not know. */
  kind(key: string): string | null;
  count(what: string, count: number): string;
  inTable(kind: string, table: string): string;
  list(parts: readonly string[]): string;
}

const TABLE_COUNT = /^([A-Za-z]+): (\d+)$/;
const KIND_COUNT = /^([a-z-]+)(?: ([A-Za-z]+))?: (\d+)$/;

/** `kind table: n; kind: n` as recorded by the unlock checks (vaults.ts, integritySummary). */
function integrityCounts(summary: string, words: SummaryWords): string | null {
  const parts: string[] = [];
  for (const part of summary.split('; ')) {
    const match = KIND_COUNT.exec(part);
    const kind = match?.[1] ? words.kind(match[1]) : null;
    if (!match || !kind) return null;
    const table = match[2] ? words.table(match[2]) : null;
    if (match[2] && !table) return null;
    parts.push(words.count(table ? words.inTable(kind, table) : kind, Number(match[3])));
  }
  return words.list(parts);
}

/** `table: n, table: n · what` as recorded for a batch (session-write.ts, writeBatch). */
function batchCounts(summary: string, words: SummaryWords): string | null {
  const at = summary.indexOf(' · ');
  if (at <= 0) return null;
  const parts: string[] = [];
  for (const part of summary.slice(0, at).split(', ')) {
    const match = TABLE_COUNT.exec(part);
    const table = match?.[1] ? words.table(match[1]) : null;
    if (!match || !table) return null;
    parts.push(words.count(table, Number(match[2])));
  }
  return `${words.list(parts)} · ${summary.slice(at + 3)}`;
}

export function readableSummary(
  action: ActivityAction,
  summary: string,
  words: SummaryWords,
): string {
  const readable =
    action === 'vault.integrity-alert'
      ? integrityCounts(summary, words)
      : batchCounts(summary, words);
  return readable ?? summary;
}
