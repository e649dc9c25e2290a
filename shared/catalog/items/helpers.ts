/** Small builders for the item data. */
import type { Applicability, Bilingual } from '../schema';

/** A text in zh-TW, then its English translation. */
export function bi(zh: string, en: string): Bilingual {
  return { 'zh-TW': zh, en };
}

/** Any mobile app the company builds or develops (art. 8 of the rules): consumer or agent. */
export const ANY_APP: Applicability = { any: ['hasMobileApp', 'hasAgentApp'] };
