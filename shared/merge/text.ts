/**
 * Long text fields merge by sentences with diff3 (node-diff3): edits in sentences apart from
 * each other are combined; edits to the same sentence, or to neighbouring ones (diff3 and git
 * treat touching changes as overlapping), are a conflict. Sentences, not words: zh-TW has no
 * spaces between words, and two people rewording the same sentence rarely mean both changes.
 */
import { diff3Merge } from 'node-diff3';

const TERMINATORS = new Set(['。', '！', '？', '；', '!', '?', ';', '…']);
/** Closing quotes and brackets stay with the sentence they end. */
const CLOSERS = new Set(['」', '』', '）', ')', '"', "'", '”', '’', '》', '〉']);
const SPACE = new Set([' ', '\t', '\u3000']);

/**
 * Splits text into sentences, each with its end punctuation and the spaces after it; a line
 * break ends a sentence too. Joining the pieces gives the text back exactly.
 */
export function sentences(text: string): string[] {
  const pieces: string[] = [];
  let start = 0;
  let i = 0;
  while (i < text.length) {
    const ch = text.charAt(i);
    const next = text.charAt(i + 1);
    const ends =
      TERMINATORS.has(ch) || ch === '\n' || (ch === '.' && (next === '' || /\s/.test(next)));
    i++;
    if (!ends) continue;
    if (ch !== '\n') {
      while (i < text.length && (TERMINATORS.has(text.charAt(i)) || text.charAt(i) === '.')) i++;
      while (i < text.length && CLOSERS.has(text.charAt(i))) i++;
      while (i < text.length && SPACE.has(text.charAt(i))) i++;
      if (text.charAt(i) === '\r' && text.charAt(i + 1) === '\n') i += 2;
      else if (text.charAt(i) === '\n') i++;
    }
    pieces.push(text.slice(start, i));
    start = i;
  }
  if (start < text.length) pieces.push(text.slice(start));
  return pieces;
}

export type TextMerge =
  | { clean: true; text: string }
  /** `suggestion`: every side's sentences, overlapping parts one after the other. */
  | { clean: false; suggestion: string };

/** Merges each side's text into one, three-way against `base`; sides in the order given. */
export function mergeTexts(base: string, sides: readonly string[]): TextMerge {
  const o = sentences(base);
  const [first = '', ...rest] = sides;
  let merged = sentences(first);
  let clean = true;
  for (const side of rest) {
    const next: string[] = [];
    for (const region of diff3Merge(merged, o, sentences(side), {
      excludeFalseConflicts: true,
    })) {
      if (region.ok) next.push(...region.ok);
      else if (region.conflict) {
        // Keep going with both sides' sentences, to offer the lead a starting point.
        clean = false;
        const seen = new Set(region.conflict.a);
        next.push(...region.conflict.a, ...region.conflict.b.filter((s) => !seen.has(s)));
      }
    }
    merged = next;
  }
  return clean ? { clean, text: merged.join('') } : { clean, suggestion: merged.join('') };
}
