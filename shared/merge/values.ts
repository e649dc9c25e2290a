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

/**
 * Equal as canonical JSON would have them (key order ignored, undefined members left out),
 * compared in place: no text is built for the many small arrays and objects of a payload.
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameValue(a[i], b[i])) return false;
    return true;
  }
  return samePayload(a as Record<string, unknown>, b as Record<string, unknown>);
}

/** Two payloads with the same fields and values (field by field; cheaper than whole JSON). */
export function samePayload(
  a: Readonly<Record<string, unknown>>,
  b: Readonly<Record<string, unknown>>,
): boolean {
  if (a === b) return true;
  const keys = Object.keys(a);
  let present = 0;
  for (const key of keys) {
    const value = a[key];
    if (value === undefined) continue;
    present++;
    if (!Object.hasOwn(b, key) || !sameValue(value, b[key])) return false;
  }
  let other = 0;
  for (const key of Object.keys(b)) if (b[key] !== undefined) other++;
  return present === other;
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
