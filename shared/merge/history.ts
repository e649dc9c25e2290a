/**
 * What earlier merges decided on a record, so a change merged before is not raised again even
 * when its package is not recognised (re-written, or the list of merged packages was lost):
 * a change is named by who made it and when (`changeIdentity`). A field's value from such a
 * change is settled when it was kept as a losing value, or when the field's provenance (or,
 * for a field the merge never decided alone, the record's: it was created from that change)
 * names the change as a source.
 */
import type { RecordMergeInfo, Source } from './types';
import { fingerprint } from './values';

export function changeIdentity(source: Pick<Source, 'auditor' | 'updatedBy' | 'updatedAt'>) {
  return `${source.auditor}\u0000${source.updatedBy}\u0000${source.updatedAt}`;
}

const slot = (field: string | null, key: string | null) => `${field ?? ''}\u0000${key ?? ''}`;

export class MergeHistory {
  private readonly losing = new Set<string>();
  private readonly sources = new Map<string, Set<string>>();

  constructor(info: RecordMergeInfo | undefined) {
    if (info === undefined) return;
    for (const entry of info.losing) {
      const value =
        entry.field === null
          ? `${entry.deleted}\u0000${fingerprint(entry.value)}`
          : fingerprint(entry.value);
      this.losing.add(
        `${slot(entry.field, entry.key)}\u0000${changeIdentity(entry.source)}\u0000${value}`,
      );
    }
    for (const entry of info.provenance) {
      const key = slot(entry.field, entry.key);
      let set = this.sources.get(key);
      if (set === undefined) this.sources.set(key, (set = new Set()));
      for (const source of entry.sources) set.add(changeIdentity(source));
    }
  }

  get empty(): boolean {
    return this.losing.size === 0 && this.sources.size === 0;
  }

  /** The change's value of this field (or map entry) was decided by an earlier merge. */
  fieldSettled(identity: string, field: string, key: string | null, value: unknown): boolean {
    if (this.losing.has(`${slot(field, key)}\u0000${identity}\u0000${fingerprint(value)}`))
      return true;
    const decided =
      (key !== null ? this.sources.get(slot(field, key)) : undefined) ??
      this.sources.get(slot(field, null)) ??
      this.sources.get(slot(null, null));
    return decided?.has(identity) ?? false;
  }

  /** The change's whole state (deleted or kept, with this payload) lost in an earlier merge. */
  recordLost(identity: string, deleted: boolean, data: unknown): boolean {
    return this.losing.has(
      `${slot(null, null)}\u0000${identity}\u0000${deleted}\u0000${fingerprint(data)}`,
    );
  }

  /** The record's creation, deletion or restoring was taken from this change before. */
  recordStateSettled(identity: string): boolean {
    return this.sources.get(slot(null, null))?.has(identity) ?? false;
  }
}
