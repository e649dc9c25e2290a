/**
 * Long text fields merge by sentences with diff3 (node-diff3): edits in sentences apart from
 * each other are combined; edits to the same sentence, or to neighbouring ones (diff3 and git
 * treat touching changes as overlapping), are a conflict. Sentences, not words: zh-TW has no
 * spaces between words, and two people rewording the same sentence rarely mean both changes.
 */
import { diff3Merge } from 'node-diff3';

/**
 * One sentence: text up to a run of end punctuation (。！？；!?;… or a full stop before a
 * space or the end; "3.2" goes on), the closing quotes or brackets after it, then spaces and
 * one line break; or a line on its own; or what is left at the end.
 */
const SENTENCE =
  /(?:[^。！？；!?;…\n.]|\.(?!\s|$))*(?:[。！？；!?;….]+[」』）)"'”’》〉]*[ \t\u3000]*(?:\r?\n)?|\n|$)/y;

/**
 * Splits text into sentences, each with its end punctuation and the spaces after it; a line
 * break ends a sentence too. Joining the pieces gives the text back exactly.
 */
export function sentences(text: string): string[] {
  const pieces: string[] = [];
  SENTENCE.lastIndex = 0;
  while (SENTENCE.lastIndex < text.length) {
    const match = SENTENCE.exec(text);
    if (match === null || match[0] === '') break;
    pieces.push(match[0]);
  }
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
