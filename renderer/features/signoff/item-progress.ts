/**
 * Where a checklist item stands in its sign-off, for the checklist's filter and badge: stale
 * (簽核後已修改: a level signed, then the content changed) before anything else, since that is
 * what a reviewer must look at again.
 */
import { subjectStatus } from '../../../shared/signoff/state';
import type { LoadedSignoff } from './signoff-state';

export const ITEM_PROGRESS = ['stale', 'unsigned', 'partial', 'complete'] as const;
export type ItemProgress = (typeof ITEM_PROGRESS)[number];

export function itemProgress(loaded: LoadedSignoff, itemId: string): ItemProgress {
  const levels = subjectStatus(loaded.state, { kind: 'item', itemId });
  if (levels.some((l) => l.status === 'stale')) return 'stale';
  const valid = levels.filter((l) => l.status === 'valid').length;
  if (valid === 0) return 'unsigned';
  return valid === levels.length ? 'complete' : 'partial';
}
