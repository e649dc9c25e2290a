/** The shape of the coverage table's entries and the reasons an entry is not auditable. */
import type { Bilingual, Citation } from '../schema';

export type SeedEntry =
  | { citation: Citation; label: string; auditable: true }
  | { citation: Citation; label: string; auditable: false; reason: Bilingual };

/** An entry that carries an obligation; `label` quotes or paraphrases the source in zh-TW. */
export function duty(citation: Citation, label: string): SeedEntry {
  return { citation, label, auditable: true };
}

/** An entry that carries no obligation of its own, with the reason. */
export function noDuty(citation: Citation, label: string, reason: Bilingual): SeedEntry {
  return { citation, label, auditable: false, reason };
}

const t = (zh: string, en: string): Bilingual => ({ 'zh-TW': zh, en });

export const REASONS = {
  heading: t(
    '標題或引言，義務見其下各款、項或點。',
    'Heading or lead-in; the obligations are in the provisions under it.',
  ),
  purpose: t('立法目的，未課予義務。', 'Statement of purpose; imposes no obligation.'),
  definition: t('用詞定義，未課予義務。', 'Definition of terms; imposes no obligation.'),
  scope: t(
    '適用關係之宣示；公司自訂資安程序之遵循於第四條至第十一條各項目查核。',
    "Says how the rules apply; compliance with the company's own procedures is tested under arts. 4 to 11.",
  ),
  sanction: t(
    '公會之處分權限，非會員公司義務；受處分之改善情形於第十一條項目查核。',
    "The association's sanctions, not a duty of the member; remediation of any sanction is tested under art. 11.",
  ),
  enactment: t(
    '訂定及修正程序，未課予會員公司義務。',
    'Enactment and amendment; no duty on members.',
  ),
  alternative: t(
    '擇一符合之資格條件，於上一層（各款）一併查核。',
    'One of alternative qualifying conditions; tested together under the sub-item above it.',
  ),
  regulator: t(
    '主管機關之監理措施，非保險業可查核之義務。',
    "The regulator's own supervisory measure, not a duty an insurer can be tested on.",
  ),
  future: t(
    '主管機關未來之推動方向，尚未成為義務。',
    "The regulator's future plans; not yet a duty.",
  ),
} as const;
