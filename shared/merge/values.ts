/**
 * Value identity for the merge: two values are the same when their canonical JSON is (key
 * order does not matter), and a field that is not set differs from every value, null included.
 */
import { canonicalJson } from '../domain/canonical-json';

/** A string that is equal for equal values and different otherwise (absent included). */
export function fingerprint(value: unknown): string {
  if (value === undefined) return 'u';
  // Strings are most fields: prefixed rather than quoted, so they cost one concatenation.
  if (typeof value === 'string') return `s${value}`;
  return `j${canonicalJson(value)}`;
}

export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return fingerprint(a) === fingerprint(b);
}

/** Every field name of the payloads, in first-seen order. */
export function fieldNames(payloads: readonly (Readonly<Record<string, unknown>> | undefined)[]) {
  const names = new Set<string>();
  for (const payload of payloads) {
    if (payload === undefined) continue;
    for (const name of Object.keys(payload)) names.add(name);
  }
  return [...names];
}

export function ownValue(payload: Readonly<Record<string, unknown>> | undefined, key: string) {
  return payload !== undefined && Object.hasOwn(payload, key) ? payload[key] : undefined;
}
