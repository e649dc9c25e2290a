/**
 * Deterministic JSON for hashing records and the activity chain: the same data always yields
 * the same text, whatever order its keys were written in.
 *
 * Object keys are sorted by UTF-16 code units and numbers are written as ECMAScript writes them
 * (shortest round-trip form), which are the RFC 8785 (JCS) rules; there is no whitespace.
 *
 * Anything JSON.stringify would silently drop, change or stringify lossily is rejected instead,
 * because a hash over a lossy serialisation would vouch for data it never saw: undefined in
 * arrays or at the top level, functions, symbols, bigints, NaN and ±Infinity, array holes,
 * circular references, and every object that is not a plain object or array (Date, Map, class
 * instances, Uint8Array and other binary views: encode bytes as base64 or hex first).
 *
 * An object property whose value is undefined is left out, as JSON.stringify does, so an
 * optional field that is absent and one that is set to undefined hash alike; this matches what
 * a JSON or IndexedDB round trip of the record would give back.
 */

export class CanonicalJsonError extends TypeError {
  override name = 'CanonicalJsonError';
  constructor(
    /** Where the offending value sits, e.g. `$.items[2].amount`. */
    readonly path: string,
    problem: string,
  ) {
    super(`canonicalJson: ${path} ${problem}`);
  }
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

function childPath(path: string, key: string): string {
  return IDENTIFIER.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

function isPlainObject(value: object): value is Record<string, unknown> {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function describe(value: object): string {
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) {
    return 'is binary data (encode bytes as base64 or hex first)';
  }
  const name = (value.constructor as { name?: unknown } | undefined)?.name;
  return `is a ${typeof name === 'string' && name !== '' ? name : 'non-plain object'}; only plain objects and arrays are allowed`;
}

function write(value: unknown, path: string, ancestors: Set<object>): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new CanonicalJsonError(path, `is ${value}`);
      // JSON.stringify(-0) is "0", which is what JCS wants as well.
      return JSON.stringify(value);
    case 'undefined':
      throw new CanonicalJsonError(path, 'is undefined');
    case 'bigint':
      throw new CanonicalJsonError(path, 'is a bigint (write it as a string)');
    case 'function':
      throw new CanonicalJsonError(path, 'is a function');
    case 'symbol':
      throw new CanonicalJsonError(path, 'is a symbol');
    case 'object':
      break;
  }
  if (value === null) return 'null';
  if (ancestors.has(value)) throw new CanonicalJsonError(path, 'is a circular reference');

  if (Array.isArray(value)) {
    ancestors.add(value);
    const items: string[] = [];
    for (let i = 0; i < value.length; i++) {
      const itemPath = `${path}[${i}]`;
      if (!Object.hasOwn(value, i)) throw new CanonicalJsonError(itemPath, 'is a hole');
      items.push(write(value[i], itemPath, ancestors));
    }
    ancestors.delete(value);
    return `[${items.join(',')}]`;
  }

  if (!isPlainObject(value)) throw new CanonicalJsonError(path, describe(value));
  if (Object.getOwnPropertySymbols(value).length > 0) {
    throw new CanonicalJsonError(path, 'has symbol keys, which JSON cannot carry');
  }
  ancestors.add(value);
  const members: string[] = [];
  // Default sort compares UTF-16 code units, as JCS requires; no locale involved.
  for (const key of Object.keys(value).sort()) {
    const member = value[key];
    if (member === undefined) continue;
    members.push(`${JSON.stringify(key)}:${write(member, childPath(path, key), ancestors)}`);
  }
  ancestors.delete(value);
  return `{${members.join(',')}}`;
}

/** Deterministic, whitespace-free JSON of `value`; throws CanonicalJsonError on lossy input. */
export function canonicalJson(value: unknown): string {
  return write(value, '$', new Set());
}
