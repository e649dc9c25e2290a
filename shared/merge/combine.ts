/**
 * Values changed on several sides that still combine into one: text whose sentence edits do
 * not overlap (`text.ts`), and sets of ids, whose additions and removals all apply.
 */
import type { FieldKind } from './policy';
import { mergeTexts } from './text';

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/** Additions and removals of every side, applied to the base; the base's order, then additions. */
export function mergeSets(
  base: readonly string[],
  sides: readonly (readonly string[])[],
): string[] {
  const inBase = new Set(base);
  const removed = new Set<string>();
  const added: string[] = [];
  const seen = new Set<string>();
  for (const side of sides) {
    const has = new Set(side);
    for (const item of base) if (!has.has(item)) removed.add(item);
    for (const item of side) {
      if (inBase.has(item) || seen.has(item)) continue;
      seen.add(item);
      added.push(item);
    }
  }
  return [...base.filter((item) => !removed.has(item)), ...added];
}

/** The combined value of the sides' distinct new values, or why not (with text, a suggestion). */
export function combine(
  kind: FieldKind,
  baseValue: unknown,
  values: readonly unknown[],
): { ok: true; value: unknown } | { ok: false; suggestion?: string } {
  if (kind === 'text' && values.every((v) => typeof v === 'string')) {
    if (baseValue !== undefined && typeof baseValue !== 'string') return { ok: false };
    const merged = mergeTexts(baseValue ?? '', values);
    return merged.clean
      ? { ok: true, value: merged.text }
      : { ok: false, suggestion: merged.suggestion };
  }
  if (kind === 'set' && values.every(isStringArray)) {
    if (baseValue !== undefined && !isStringArray(baseValue)) return { ok: false };
    return { ok: true, value: mergeSets(baseValue ?? [], values) };
  }
  return { ok: false };
}
