/**
 * Draft findings from policy-review gaps: the gaps on one checklist item become one finding
 * that quotes the element, its citation and the policy's section reference, with the template's
 * guidance as the recommendation and a suggested severity with its reason. Category: management
 * (a policy gap is a management-side deficiency, whatever the category of the item's tests).
 */
import type { Bilingual } from '../../catalog/schema';
import { formatDate, type DisplayLanguage, type IsoDate } from '../../domain/dates';
import type { Finding, Severity } from '../../domain/inspection/findings';
import { reviewGaps, type PolicyGap, type PolicyReview } from './review';
import { POLICY_KIND_LABELS, elementCitation } from './templates';
import { bi } from '../../domain/inspection/text';

export interface PolicyFindingDraft {
  /** Passes `findingSchema`; owner and due date are left for the auditor. */
  finding: Finding;
  severityReason: string;
  elementIds: string[];
}

const RANK: Readonly<Record<Severity, number>> = { low: 1, medium: 2, high: 3 };

const SEVERITY: Readonly<Record<PolicyGap['reason'], { severity: Severity; reason: Bilingual }>> = {
  'no-policy': {
    severity: 'high',
    reason: bi(
      '未訂定自律規範明定應訂定之規範，控制措施完全未建立，且違反自律規範（第十二條得處罰款）（高）。',
      'A policy the self-regulation rules require does not exist: the control is not established at all, and the rules are breached (art. 12 allows fines) (high).',
    ),
  },
  'not-approved': {
    severity: 'medium',
    reason: bi(
      '規範未經權責主管核定，對員工不具拘束力，屬控制措施已訂定但未確實建立（中）。',
      'The policy was never approved, so it does not bind staff: a control defined but not put in place (medium).',
    ),
  },
  missing: {
    severity: 'medium',
    reason: bi(
      '規範未涵蓋自律規範要求之項目，屬違反自律規範之程序要求（中）；如實務上亦未執行，應提高為高。',
      'The policy lacks an element the rules require: a breach of a procedural requirement (medium); raise to high if the practice is missing too.',
    ),
  },
  inadequate: {
    severity: 'low',
    reason: bi(
      '規範已訂有此項目但內容不足，控制措施大致存在（低）；如不足之處涉及個人資料或客戶服務之安全，應提高為中。',
      'The policy has the element but not enough of it; the control broadly exists (low); raise to medium if the shortfall touches personal data or customer-facing services.',
    ),
  },
};

const RISK: Readonly<Record<PolicyReview['kind'], Bilingual>> = {
  byod: bi(
    '規範未完整訂定，行動裝置之納管、使用人員及安全控管缺乏一致依循；裝置遺失、遭入侵或人員離職時，公務及客戶資料可能外洩。',
    'Without complete rules, enrolment, users and security controls of mobile devices have no consistent basis; when a device is lost or compromised, or its user leaves, company and customer data could leak.',
  ),
  'social-media': bi(
    '規範未完整訂定，以公司名義之不當發言、機密或客戶資料之揭露、假冒帳號或申訴未妥處理，可能損及消費者權益及公司信譽。',
    'Without complete rules, statements in the company’s name, disclosure of confidential or customer data, impostor accounts or mishandled complaints could harm consumers and the company’s reputation.',
  ),
  cloud: bi(
    '規範未完整訂定，雲端服務之資料保護、提供者選擇及中斷應變缺乏一致依循，客戶資料可能外洩或服務中斷無法及時復原。',
    'Without complete rules, data protection, provider choice and outage response for cloud services have no consistent basis; customer data could leak, or an outage not be recovered in time.',
  ),
};

function dateText(date: IsoDate, lang: DisplayLanguage): string {
  return formatDate(date, { calendar: lang === 'zh-TW' ? 'roc' : 'iso', lang });
}

function documentLine(review: PolicyReview, lang: DisplayLanguage): string | null {
  const doc = review.document;
  if (doc === null) return null;
  const zh = lang === 'zh-TW';
  const parts: string[] = [];
  if (doc.version !== '') parts.push(zh ? `版次 ${doc.version}` : `version ${doc.version}`);
  if (doc.approvedOn !== null) {
    const by = doc.approver === '' ? '' : zh ? `經${doc.approver}` : ` by ${doc.approver}`;
    parts.push(
      zh
        ? `${dateText(doc.approvedOn, lang)}${by}核定`
        : `approved ${dateText(doc.approvedOn, lang)}${by}`,
    );
  }
  const title = doc.title === '' ? POLICY_KIND_LABELS[review.kind][lang] : doc.title;
  const details =
    parts.length === 0 ? '' : zh ? `（${parts.join('，')}）` : ` (${parts.join(', ')})`;
  return zh ? `經檢視「${title}」${details}：` : `We reviewed "${title}"${details}:`;
}

function gapLine(gap: PolicyGap, review: PolicyReview, lang: DisplayLanguage): string {
  const zh = lang === 'zh-TW';
  const cite = elementCitation(gap.element, lang);
  const title = gap.element.title[lang];
  const note = gap.answer === null || gap.answer.note === '' ? '' : gap.answer.note;
  const section = gap.answer?.sectionRef ?? '';
  switch (gap.reason) {
    case 'no-policy':
      return zh
        ? `公司未訂定${POLICY_KIND_LABELS[review.kind]['zh-TW']}（${cite}）。`
        : `The company has no ${POLICY_KIND_LABELS[review.kind].en.toLowerCase()} (${cite}).`;
    case 'not-approved':
      return zh
        ? `規範未載明核定日期，未能確認經權責主管核定（${cite}）。`
        : `The policy shows no approval date, so its approval by the responsible manager cannot be confirmed (${cite}).`;
    case 'missing': {
      const where = section === '' ? '' : zh ? `（參見${section}）` : ` (see ${section})`;
      return zh
        ? `${cite}「${title}」：規範未訂定${where}。${note === '' ? '' : `說明：${note}`}`
        : `${cite} "${title}": not in the policy${where}.${note === '' ? '' : ` Note: ${note}`}`;
    }
    case 'inadequate':
      return zh
        ? `${cite}「${title}」：規範${section}雖有訂定，惟內容不足：${note}`
        : `${cite} "${title}": the policy${section === '' ? '' : ` (${section})`} has it, but not adequately: ${note}`;
  }
}

function recommendationHead(gap: PolicyGap, lang: DisplayLanguage): string {
  const zh = lang === 'zh-TW';
  const cite = elementCitation(gap.element, lang);
  switch (gap.reason) {
    case 'no-policy':
      return zh
        ? `依${cite}訂定規範，經權責主管核定後公告施行，內容至少包含該條各款，並：`
        : `Establish the policy under ${cite}, have it approved by the responsible manager and publish it; it should cover every item of the article and:`;
    case 'not-approved':
      return zh
        ? '將規範提報權責主管核定並公告施行，且定期檢討；核定時確認：'
        : 'Have the policy approved by the responsible manager, publish it and review it periodically; on approval confirm it:';
    case 'missing':
      return zh
        ? `依${cite}於規範中增訂「${gap.element.title['zh-TW']}」，至少包含：`
        : `Add "${gap.element.title.en}" to the policy under ${cite}, covering at least:`;
    case 'inadequate':
      return zh
        ? `補強規範之「${gap.element.title['zh-TW']}」，至少包含：`
        : `Strengthen "${gap.element.title.en}" in the policy to cover at least:`;
  }
}

/** Per element: what to do (one line per gap), then its guidance once. */
function recommendationFor(gaps: readonly PolicyGap[], lang: DisplayLanguage): string {
  const zh = lang === 'zh-TW';
  const elements = [...new Set(gaps.map((g) => g.element))];
  return elements
    .map((element) => {
      const heads = gaps
        .filter((g) => g.element === element)
        .map((g) => recommendationHead(g, lang));
      const points = element.guidance.map((g) => (zh ? `・${g['zh-TW']}` : `- ${g.en}`));
      return [...heads, ...points].join('\n');
    })
    .join('\n\n');
}

function titleFor(gaps: readonly PolicyGap[], review: PolicyReview, lang: DisplayLanguage): string {
  const zh = lang === 'zh-TW';
  const kind = POLICY_KIND_LABELS[review.kind][lang];
  const first = gaps[0];
  if (first?.reason === 'no-policy') return zh ? `未訂定${kind}` : `No ${kind.toLowerCase()}`;
  if (first?.reason === 'not-approved' && gaps.length === 1) {
    return zh ? `${kind}未經核定` : `${kind} not approved`;
  }
  const titles = gaps.filter((g) => g.answer !== null).map((g) => g.element.title[lang]);
  const allInadequate = gaps.every((g) => g.reason === 'inadequate');
  const text = zh
    ? `${kind}之「${titles.join('」「')}」${allInadequate ? '內容不足' : '未訂定或內容不足'}`
    : `${kind}: ${titles.join('; ')} ${allInadequate ? 'inadequate' : 'missing or inadequate'}`;
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}

/**
 * One finding from gaps that share a checklist item (one gap, or several such as the two
 * disclosure elements of 第六條第二款). Throws a RangeError for no gaps or gaps of several items.
 */
export function draftFindingFromReviewGap(
  gaps: PolicyGap | readonly PolicyGap[],
  review: PolicyReview,
  lang: DisplayLanguage,
  today: IsoDate,
): PolicyFindingDraft {
  const list: readonly PolicyGap[] = Array.isArray(gaps) ? gaps : [gaps as PolicyGap];
  const first = list[0];
  if (first === undefined) throw new RangeError('draftFindingFromReviewGap: no gaps');
  if (list.some((g) => g.element.itemId !== first.element.itemId)) {
    throw new RangeError('draftFindingFromReviewGap: gaps of one checklist item only');
  }
  const graded = list.map((g) => SEVERITY[g.reason]);
  const worst = graded.reduce((a, b) => (RANK[b.severity] > RANK[a.severity] ? b : a));
  const intro = documentLine(review, lang);
  const deficiency = [
    ...(intro === null ? [] : [intro]),
    ...list.map((g) => gapLine(g, review, lang)),
  ].join('\n');
  const finding: Finding = {
    itemId: first.element.itemId,
    title: titleFor(list, review, lang),
    deficiency,
    category: 'management',
    severity: worst.severity,
    risk: RISK[review.kind][lang],
    recommendation: recommendationFor(list, lang),
    owner: '',
    raisedOn: today,
    dueDate: null,
    managementResponse: '',
    status: 'open',
    closedOn: null,
    closingEvidenceIds: [],
  };
  return {
    finding,
    severityReason: worst.reason[lang],
    elementIds: [...new Set(list.map((g) => g.element.id))],
  };
}

/** One draft per checklist item the review's gaps fall on, in template order. */
export function draftFindingsFromReview(
  review: PolicyReview,
  lang: DisplayLanguage,
  today: IsoDate,
): PolicyFindingDraft[] {
  const byItem = new Map<string, PolicyGap[]>();
  for (const gap of reviewGaps(review)) {
    const group = byItem.get(gap.element.itemId);
    if (group === undefined) byItem.set(gap.element.itemId, [gap]);
    else group.push(gap);
  }
  return [...byItem.values()].map((group) => draftFindingFromReviewGap(group, review, lang, today));
}
