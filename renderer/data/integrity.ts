/**
 * What the vault noticed was changed outside the workbench, in terms a user can act on. The
 * session collects these as it checks the stored rows (at unlock, and whenever it reads) and
 * tells its listeners; the records that are intact stay usable.
 */
import type { SealedRecordTable } from './tables';

export type IntegrityKind =
  /** A live record's clear tombstone flag was set: lists would have skipped it. Still shown. */
  | 'hidden'
  /** An older sealed copy of the record was put back. Not shown: its content is out of date. */
  | 'rolled-back'
  /** The record (or an evidence file's bytes) is gone from the database. */
  | 'removed'
  /** The row does not open under this vault's key, or its clear fields disagree with it. */
  | 'altered'
  /** A child record's clear parent was changed: it would have been listed elsewhere. Still shown. */
  | 'moved'
  /** A row the vault never wrote (not in its manifest). Not shown. */
  | 'unknown'
  /** The record manifest of a table does not match the trail head: rollbacks cannot be excluded. */
  | 'manifest-altered'
  /** The activity trail and its head were removed. */
  | 'trail-erased'
  /** Entries were cut from the end of the trail (the head no longer matches). */
  | 'trail-cut'
  /** An entry was removed from the middle of the trail. */
  | 'trail-entry-removed'
  /** An entry was edited, replaced or moved. */
  | 'trail-edited'
  /**
   * The database is older than what this machine last saw of it (the desktop app keeps the
   * trail head outside the database): a backup or copy was put back.
   */
  | 'older-copy';

export interface IntegrityProblem {
  kind: IntegrityKind;
  /** The table of the record, `blobs` for an evidence file's bytes, `activity` for the trail. */
  table?: SealedRecordTable | 'blobs' | 'activity';
  id?: string;
  /** Trail entries: the sequence number concerned. */
  seq?: number;
  /** Rolled back: the revision found and the one the manifest expects. */
  foundRev?: number;
  expectedRev?: number;
  /** English, for logs and tests; the UI words each kind itself. */
  detail: string;
}

function problemKey(problem: IntegrityProblem): string {
  return [problem.kind, problem.table ?? '', problem.id ?? '', problem.seq ?? ''].join('|');
}

/** The problems found so far in this session, each once, and who wants to hear of new ones. */
export class IntegrityMonitor {
  readonly #problems = new Map<string, IntegrityProblem>();
  readonly #listeners = new Set<(problems: readonly IntegrityProblem[]) => void>();
  /** The same array until something is added, so a UI can subscribe to it as a snapshot. */
  #snapshot: readonly IntegrityProblem[] = [];

  get problems(): readonly IntegrityProblem[] {
    return this.#snapshot;
  }

  report(problems: readonly IntegrityProblem[]): void {
    let added = false;
    for (const problem of problems) {
      const key = problemKey(problem);
      if (this.#problems.has(key)) continue;
      this.#problems.set(key, problem);
      added = true;
    }
    if (!added) return;
    const all = Object.freeze([...this.#problems.values()]);
    this.#snapshot = all;
    for (const listener of this.#listeners) listener(all);
  }

  onChange(listener: (problems: readonly IntegrityProblem[]) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
