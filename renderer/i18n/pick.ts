/** Text kept in both languages in `shared/` (catalog, labels): the one for the interface. */
export type Bilingual = Readonly<{ 'zh-TW': string; en: string }>;

export function pick(text: Bilingual, language: string): string {
  return language === 'en' ? text.en : text['zh-TW'];
}
