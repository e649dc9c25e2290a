/**
 * How the provenance list names a merged record: by what a lead recognises (a checklist
 * result's item code, a note's or finding's title, a party's or file's name), masked like
 * every other shown title; by the end of its id when it has none (or is deleted).
 */
import { maskPersonalData } from '../../../shared/domain/personal-data';

const NAME_FIELDS = ['itemId', 'title', 'name'] as const;

export function recordLabel(table: string, id: string, payload: unknown): string {
  const data = (payload ?? {}) as Record<string, unknown>;
  for (const field of NAME_FIELDS) {
    const value = data[field];
    if (typeof value === 'string' && value.trim() !== '') {
      return `${table} · ${maskPersonalData(value.trim()).text}`;
    }
  }
  return `${table} · ${id.slice(-12)}`;
}
