/**
 * Who prepared each checklist result, for the consolidated workpaper (issue 11): the person
 * who last saved it or, for a result merged from auditors' returns, the auditors whose work it
 * holds (from the merge's provenance), and how many of its fields the lead decided.
 */
import type { Bilingual } from '../domain/inspection/text';
import type { DisplayLanguage } from '../domain/dates';
import type { RecordMergeInfo } from '../merge/types';

const MERGED: Bilingual = { 'zh-TW': '（合併自繳回工作包', en: ' (merged from returned packages' };
const DECIDED: Readonly<Record<DisplayLanguage, (n: number) => string>> = {
  'zh-TW': (n) => `；主管決定 ${n} 欄`,
  en: (n) => `; ${n} field${n === 1 ? '' : 's'} decided by the lead`,
};
const CLOSE: Bilingual = { 'zh-TW': '）', en: ')' };

export function preparedByText(
  updatedBy: string,
  merge: RecordMergeInfo | undefined,
  lang: DisplayLanguage,
): string {
  const auditors: string[] = [];
  const decided = new Set<string>();
  for (const entry of merge?.provenance ?? []) {
    for (const source of entry.sources) {
      if (source.packageId !== null && !auditors.includes(source.auditor)) {
        auditors.push(source.auditor);
      }
    }
    if (entry.decidedBy !== null) decided.add(`${entry.field ?? ''}/${entry.key ?? ''}`);
  }
  if (auditors.length === 0) return updatedBy;
  const names = auditors.join(lang === 'zh-TW' ? '、' : ', ');
  const decisions = decided.size === 0 ? '' : DECIDED[lang](decided.size);
  return `${names}${MERGED[lang]}${decisions}${CLOSE[lang]}`;
}
