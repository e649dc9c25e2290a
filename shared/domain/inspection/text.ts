/**
 * Bilingual text for labels, criteria and messages: zh-TW first, English second. Kept as data
 * (not i18n keys) because the wording comes from the rules and the audit manual, and both
 * versions must travel together into reports.
 */
import type { DisplayLanguage } from '../dates';

export type Bilingual = Readonly<Record<DisplayLanguage, string>>;

/** A text in zh-TW, then its English translation. */
export function bi(zh: string, en: string): Bilingual {
  return { 'zh-TW': zh, en };
}
