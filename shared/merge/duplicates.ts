/**
 * Likely duplicates: different records (different ids, so the union keeps both) that look like
 * the same thing. Flagged for the lead, never merged by the engine: two live records of a
 * table sharing a natural key (`TablePolicy.keys`: the same person by employee number or
 * national ID, the same evidence file by SHA-256), or two findings on the same checklist item
 * whose title and description are near-identical (bigram similarity). Only groups with a
 * record this merge touches are flagged: what the lead's vault already held is not its business.
 */
import { tablePolicy, type SimilarRule } from './policy';
import type { DuplicateGroup, Payload } from './types';
import { fingerprint, ownValue } from './values';

export interface LiveRecord {
  table: string;
  id: string;
  data: Payload;
  /** Added or changed by this merge. */
  touched: boolean;
}

type Reason = DuplicateGroup['reasons'][number];

class Groups {
  private readonly parent = new Map<string, string>();
  private readonly reasons = new Map<string, Reason[]>();

  private root(id: string): string {
    let node = id;
    for (;;) {
      const up = this.parent.get(node) ?? node;
      if (up === node) return node;
      const grand = this.parent.get(up) ?? up;
      this.parent.set(node, grand);
      node = grand;
    }
  }

  link(a: string, b: string, reason: Reason) {
    const ra = this.root(a);
    const rb = this.root(b);
    const [keep, join] = ra < rb ? [ra, rb] : [rb, ra];
    if (keep !== join) {
      this.parent.set(join, keep);
      const moved = this.reasons.get(join) ?? [];
      this.reasons.delete(join);
      this.reasons.set(keep, [...(this.reasons.get(keep) ?? []), ...moved]);
    }
    const list = this.reasons.get(keep) ?? [];
    this.reasons.set(keep, list);
    list.push(reason);
  }

  result(table: string): DuplicateGroup[] {
    const members = new Map<string, string[]>();
    for (const id of this.parent.keys()) {
      const root = this.root(id);
      const list = members.get(root) ?? [];
      members.set(root, list);
      list.push(id);
    }
    const groups: DuplicateGroup[] = [];
    for (const [root, ids] of members) {
      if (!ids.includes(root)) ids.push(root);
      ids.sort();
      groups.push({
        id: `${table}/${ids[0] ?? root}`,
        table,
        recordIds: ids,
        reasons: summarise(this.reasons.get(root) ?? []),
      });
    }
    return groups;
  }
}

function summarise(reasons: readonly Reason[]): Reason[] {
  const keys = new Map<string, Reason>();
  let best: Reason | null = null;
  for (const reason of reasons) {
    if (reason.kind === 'same-key') keys.set(reason.fields.join('+'), reason);
    else if (best?.kind !== 'similar-text' || reason.similarity > best.similarity) best = reason;
  }
  return [...keys.values(), ...(best ? [best] : [])];
}

function keyOf(data: Payload, fields: readonly string[]): string | null {
  const parts: string[] = [];
  for (const field of fields) {
    const value = ownValue(data, field);
    if (value === undefined || value === null || value === '') return null;
    parts.push(fingerprint(value));
  }
  return parts.join('\u0000');
}

/** Text as compared: NFKC, lower case, without spaces, punctuation and symbols. */
export function normaliseForSimilarity(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '');
}

function bigrams(text: string): Map<string, number> {
  const chars = Array.from(normaliseForSimilarity(text));
  const grams = new Map<string, number>();
  if (chars.length === 1) grams.set(chars[0] ?? '', 1);
  for (let i = 0; i + 1 < chars.length; i++) {
    const gram = `${chars[i] ?? ''}${chars[i + 1] ?? ''}`;
    grams.set(gram, (grams.get(gram) ?? 0) + 1);
  }
  return grams;
}

function size(grams: Map<string, number>): number {
  let n = 0;
  for (const count of grams.values()) n += count;
  return n;
}

/** Sørensen–Dice similarity of two texts' character bigrams (1: the same text). */
export function textSimilarity(a: string, b: string): number {
  return dice(bigrams(a), bigrams(b));
}

function dice(a: Map<string, number>, b: Map<string, number>, sizeA = size(a), sizeB = size(b)) {
  if (sizeA + sizeB === 0) return 1;
  let shared = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const [gram, count] of small) shared += Math.min(count, large.get(gram) ?? 0);
  return (2 * shared) / (sizeA + sizeB);
}

function linkSimilar(records: readonly LiveRecord[], rule: SimilarRule, groups: Groups) {
  const byGroup = new Map<
    string,
    { record: LiveRecord; grams: Map<string, number>; size: number }[]
  >();
  for (const record of records) {
    const group = rule.group(record.data);
    if (group === null) continue;
    const grams = bigrams(rule.text(record.data));
    const list = byGroup.get(group) ?? [];
    byGroup.set(group, list);
    list.push({ record, grams, size: size(grams) });
  }
  // Dice ≥ t needs the smaller text to be at least t / (2 − t) of the larger.
  const ratio = rule.threshold / (2 - rule.threshold);
  for (const list of byGroup.values()) {
    for (let i = 0; i < list.length; i++) {
      const a = list[i];
      if (a === undefined) continue;
      for (let j = i + 1; j < list.length; j++) {
        const b = list[j];
        if (b === undefined || (!a.record.touched && !b.record.touched)) continue;
        if (Math.min(a.size, b.size) < ratio * Math.max(a.size, b.size)) continue;
        const similarity = dice(a.grams, b.grams, a.size, b.size);
        if (similarity >= rule.threshold) {
          groups.link(a.record.id, b.record.id, {
            kind: 'similar-text',
            similarity: Math.round(similarity * 100) / 100,
          });
        }
      }
    }
  }
}

/** The likely duplicates among the live records, grouped; each group has a touched record. */
export function findDuplicates(records: readonly LiveRecord[]): DuplicateGroup[] {
  const byTable = new Map<string, LiveRecord[]>();
  for (const record of records) {
    const list = byTable.get(record.table) ?? [];
    byTable.set(record.table, list);
    list.push(record);
  }
  const found: DuplicateGroup[] = [];
  for (const [table, list] of byTable) {
    const rules = tablePolicy(table);
    if (rules.keys.length === 0 && rules.similar === null) continue;
    const groups = new Groups();
    for (const fields of rules.keys) {
      const seen = new Map<string, LiveRecord[]>();
      for (const record of list) {
        const key = keyOf(record.data, fields);
        if (key === null) continue;
        const same = seen.get(key) ?? [];
        seen.set(key, same);
        same.push(record);
      }
      for (const same of seen.values()) {
        if (same.length < 2 || !same.some((r) => r.touched)) continue;
        const [first, ...rest] = same;
        for (const other of rest) {
          if (first) groups.link(first.id, other.id, { kind: 'same-key', fields: [...fields] });
        }
      }
    }
    if (rules.similar) linkSimilar(list, rules.similar, groups);
    found.push(...groups.result(table));
  }
  return found.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
