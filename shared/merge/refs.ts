/**
 * References between records (`TablePolicy.refs`: an evidence file's owner, an item's linked
 * evidence, an agreement's party), read and moved when a likely duplicate is merged away, so
 * nothing is left pointing at the record that went.
 */
import { tablePolicy } from './policy';
import type { Payload } from './types';

function valueAt(data: Payload, path: readonly string[]): unknown {
  let node: unknown = data;
  for (const step of path) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, step)) return undefined;
    node = (node as Record<string, unknown>)[step];
  }
  return node;
}

function idsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

export function referencedIds(table: string, data: Payload): string[] {
  return tablePolicy(table).refs.flatMap((path) => idsIn(valueAt(data, path)));
}

function replaceAt(
  node: unknown,
  path: readonly string[],
  moved: ReadonlyMap<string, string>,
): { value: unknown; changed: boolean } {
  const [step, ...rest] = path;
  if (step === undefined) {
    if (typeof node === 'string') {
      const to = moved.get(node);
      return to === undefined ? { value: node, changed: false } : { value: to, changed: true };
    }
    if (!Array.isArray(node) || !node.some((v) => typeof v === 'string' && moved.has(v))) {
      return { value: node, changed: false };
    }
    // An id list stays a set: the kept record may already be in it.
    const ids = node.map((v: unknown) => (typeof v === 'string' ? (moved.get(v) ?? v) : v));
    return { value: ids.filter((v, i) => ids.indexOf(v) === i), changed: true };
  }
  if (
    typeof node !== 'object' ||
    node === null ||
    Array.isArray(node) ||
    !Object.hasOwn(node, step)
  ) {
    return { value: node, changed: false };
  }
  const record = node as Record<string, unknown>;
  const inner = replaceAt(record[step], rest, moved);
  return inner.changed
    ? { value: { ...record, [step]: inner.value }, changed: true }
    : { value: node, changed: false };
}

/** The payload with references to moved ids replaced, and the top-level fields that changed. */
export function relink(
  table: string,
  data: Payload,
  moved: ReadonlyMap<string, string>,
): { data: Payload; fields: string[] } {
  let out = data;
  const fields: string[] = [];
  for (const path of tablePolicy(table).refs) {
    const result = replaceAt(out, path, moved);
    if (!result.changed) continue;
    out = result.value as Payload;
    if (path[0] !== undefined && !fields.includes(path[0])) fields.push(path[0]);
  }
  return { data: out, fields };
}
