/**
 * A structured review of one policy against its template: the document reviewed (title,
 * version, approval, the attached file), the answers to the template's conditions, and per
 * element whether the policy has it, where (section reference), whether it is adequate, and a
 * note. `reviewGaps` lists what is missing or inadequate, for findings; `completeReviewIssues`
 * lists what must be filled in before the review can be marked complete.
 *
 * `document: null` records that the company has no such policy at all: then nothing else is
 * asked, and the one gap is "no policy", raised on the article's lead-in element.
 */
import { z } from 'zod';
import type { Bilingual } from '../../catalog/schema';
import { isIsoDate, isoDateSchema } from '../../domain/dates';
import { isRecordId } from '../../domain/records';
import {
  POLICY_KINDS,
  POLICY_TEMPLATES,
  leadInElement,
  type PolicyElement,
  type PolicyKind,
} from './templates';
import { bi } from '../../domain/inspection/text';

export const PRESENCE = ['yes', 'no'] as const;
export type Presence = (typeof PRESENCE)[number];

export const ADEQUACY = ['adequate', 'inadequate'] as const;
export type Adequacy = (typeof ADEQUACY)[number];

export const REVIEW_STATUSES = ['draft', 'complete'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

export const ADEQUACY_LABELS: Readonly<Record<Adequacy, Bilingual>> = {
  adequate: bi('適當', 'Adequate'),
  inadequate: bi('不足', 'Inadequate'),
};

export const REVIEW_MESSAGES = {
  unknownElement: bi('此規範範本沒有這個項目', 'The template of this policy has no such element'),
  unknownCondition: bi(
    '此規範範本沒有這個適用條件',
    'The template of this policy has no such condition',
  ),
  adequacyOnlyWhenPresent: bi(
    '僅規範有訂定之項目才判斷是否適當',
    'Adequacy is judged only for elements the policy has',
  ),
  inadequateNeedsNote: bi(
    '判斷為不足時，須說明不足之處',
    'Say what is missing when judging inadequate',
  ),
  approvedAfterReview: bi(
    '核定日期不得晚於檢視日期',
    'The approval date cannot be after the review',
  ),
  reviewerRequired: bi('請填寫檢視人員', 'Name the reviewer'),
  reviewedOnRequired: bi('請填寫檢視日期', 'Give the review date'),
  titleRequired: bi('請填寫規範名稱', 'Give the policy’s title'),
  versionRequired: bi('請填寫規範版次', 'Give the policy’s version'),
  approverRequired: bi('有核定日期時，請填寫核定層級或核定人', 'Name who approved it'),
  attachmentRequired: bi('請附上所檢視之規範文件', 'Attach the policy document reviewed'),
  conditionUnanswered: bi('請回答適用條件', 'Answer the condition'),
  presentUnanswered: bi('請判斷規範是否訂有此項目', 'Say whether the policy has this element'),
  adequacyUnanswered: bi('請判斷內容是否適當', 'Judge whether it is adequate'),
  sectionRefRequired: bi('請註明規範之條次或章節', 'Give the section of the policy'),
} as const satisfies Record<string, Bilingual>;
export type ReviewMessageKey = keyof typeof REVIEW_MESSAGES;

const text = (max: number) => z.string().trim().max(max);

export const elementAnswerSchema = z.object({
  /** Null: not yet judged. */
  present: z.enum(PRESENCE).nullable(),
  /** Where the policy says it: 「第 3.2 節」, 「第五條第二項」. */
  sectionRef: text(200),
  /** Only when present; null: not yet judged. */
  adequacy: z.enum(ADEQUACY).nullable(),
  note: text(5000),
});
export type ElementAnswer = z.infer<typeof elementAnswerSchema>;

export const policyDocumentSchema = z.object({
  title: text(200),
  version: text(50),
  approvedOn: isoDateSchema.nullable(),
  /** Who approved it: 董事會, 總經理, or a name. */
  approver: text(200),
  /** The evidence record holding the policy file. */
  attachmentId: z
    .string()
    .refine(isRecordId, { error: 'must be an evidence record id (UUID)' })
    .nullable(),
});
export type PolicyDocument = z.infer<typeof policyDocumentSchema>;

export interface ReviewIssue {
  path: (string | number)[];
  code: ReviewMessageKey;
  message: Bilingual;
  /** The element concerned, if any. */
  elementId?: string;
}

const policyReviewShape = z.object({
  kind: z.enum(POLICY_KINDS),
  /** Null: the company has no such policy. */
  document: policyDocumentSchema.nullable(),
  reviewedOn: isoDateSchema.nullable(),
  reviewer: text(100),
  /** Scoping key → answer (null: not yet answered), for the template's conditions only. */
  conditions: z.record(z.string(), z.boolean().nullable()),
  /** Element id → answer; an element without an entry is unanswered. */
  elements: z.record(z.string(), elementAnswerSchema),
  note: text(5000),
  status: z.enum(REVIEW_STATUSES),
});

export const policyReviewSchema = policyReviewShape.superRefine((review, ctx) => {
  const fail = (path: (string | number)[], messageKey: ReviewMessageKey) => {
    ctx.addIssue({
      code: 'custom',
      path,
      message: REVIEW_MESSAGES[messageKey].en,
      params: { messageKey },
    });
  };
  const template = POLICY_TEMPLATES[review.kind];
  const elementIds = new Set(template.elements.map((e) => e.id));
  const conditionKeys = new Set<string>(template.conditions.map((c) => c.key));
  for (const key of Object.keys(review.conditions)) {
    if (!conditionKeys.has(key)) fail(['conditions', key], 'unknownCondition');
  }
  for (const [id, answer] of Object.entries(review.elements)) {
    if (!elementIds.has(id)) {
      fail(['elements', id], 'unknownElement');
      continue;
    }
    if (answer.adequacy !== null && answer.present !== 'yes') {
      fail(['elements', id, 'adequacy'], 'adequacyOnlyWhenPresent');
    }
    if (answer.adequacy === 'inadequate' && answer.note === '') {
      fail(['elements', id, 'note'], 'inadequateNeedsNote');
    }
  }
  // Refinements run even when a date failed its own check: compare real dates only.
  const approvedOn = review.document?.approvedOn;
  if (isIsoDate(approvedOn) && isIsoDate(review.reviewedOn) && approvedOn > review.reviewedOn) {
    fail(['document', 'approvedOn'], 'approvedAfterReview');
  }
  if (review.status === 'complete') {
    for (const issue of completeReviewIssues(review)) fail(issue.path, issue.code);
  }
});
export type PolicyReview = z.infer<typeof policyReviewShape>;

/** A new review of a kind: a document to describe, every condition and element unanswered. */
export function emptyReview(kind: PolicyKind): PolicyReview {
  const template = POLICY_TEMPLATES[kind];
  return {
    kind,
    document: { title: '', version: '', approvedOn: null, approver: '', attachmentId: null },
    reviewedOn: null,
    reviewer: '',
    conditions: Object.fromEntries(template.conditions.map((c) => [c.key, null])),
    elements: Object.fromEntries(
      template.elements.map((e) => [
        e.id,
        { present: null, sectionRef: '', adequacy: null, note: '' } satisfies ElementAnswer,
      ]),
    ),
    note: '',
    status: 'draft',
  };
}

const UNANSWERED: ElementAnswer = { present: null, sectionRef: '', adequacy: null, note: '' };

/** The element's answer, or an unanswered one. */
export function answerOf(review: PolicyReview, elementId: string): ElementAnswer {
  return review.elements[elementId] ?? UNANSWERED;
}

/** Whether an element applies: no condition, or its condition not answered no. */
export function isElementApplicable(review: PolicyReview, element: PolicyElement): boolean {
  if (element.condition === null) return true;
  return review.conditions[element.condition.key] !== false;
}

/** The elements that apply (none when there is no policy to review). */
export function applicableElements(review: PolicyReview): PolicyElement[] {
  if (review.document === null) return [];
  return POLICY_TEMPLATES[review.kind].elements.filter((e) => isElementApplicable(review, e));
}

export interface ReviewProgress {
  /** Applicable elements fully judged: absent, or present with an adequacy. */
  answered: number;
  applicable: number;
  /** Conditions still unanswered. */
  openConditions: number;
}

export function reviewProgress(review: PolicyReview): ReviewProgress {
  const elements = applicableElements(review);
  const answered = elements.filter((e) => {
    const answer = answerOf(review, e.id);
    return answer.present === 'no' || (answer.present === 'yes' && answer.adequacy !== null);
  }).length;
  const openConditions =
    review.document === null
      ? 0
      : POLICY_TEMPLATES[review.kind].conditions.filter(
          (c) => (review.conditions[c.key] ?? null) === null,
        ).length;
  return { answered, applicable: elements.length, openConditions };
}

export const GAP_REASONS = ['no-policy', 'not-approved', 'missing', 'inadequate'] as const;
export type GapReason = (typeof GAP_REASONS)[number];

export const GAP_REASON_LABELS: Readonly<Record<GapReason, Bilingual>> = {
  'no-policy': bi('未訂定規範', 'No policy'),
  'not-approved': bi('規範未經核定', 'Policy not approved'),
  missing: bi('未訂定', 'Missing'),
  inadequate: bi('內容不足', 'Inadequate'),
};

export interface PolicyGap {
  element: PolicyElement;
  reason: GapReason;
  /** Null for `no-policy` and `not-approved`. */
  answer: ElementAnswer | null;
}

/**
 * What the policy lacks: no policy at all; a policy without an approval date; each applicable
 * element answered absent or judged inadequate. Elements whose condition is answered no are
 * skipped; an unanswered condition keeps its elements (they may well apply).
 */
export function reviewGaps(review: PolicyReview): PolicyGap[] {
  if (review.document === null) {
    return [{ element: leadInElement(review.kind), reason: 'no-policy', answer: null }];
  }
  const gaps: PolicyGap[] = [];
  if (review.document.approvedOn === null) {
    gaps.push({ element: leadInElement(review.kind), reason: 'not-approved', answer: null });
  }
  for (const element of applicableElements(review)) {
    const answer = answerOf(review, element.id);
    if (answer.present === 'no') gaps.push({ element, reason: 'missing', answer });
    else if (answer.adequacy === 'inadequate') gaps.push({ element, reason: 'inadequate', answer });
  }
  return gaps;
}

/** What keeps the review from being marked complete, each with its path in the form. */
export function completeReviewIssues(review: PolicyReview): ReviewIssue[] {
  const issues: ReviewIssue[] = [];
  const add = (path: (string | number)[], code: ReviewMessageKey, elementId?: string) => {
    issues.push({
      path,
      code,
      message: REVIEW_MESSAGES[code],
      ...(elementId === undefined ? {} : { elementId }),
    });
  };
  if (review.reviewer === '') add(['reviewer'], 'reviewerRequired');
  if (review.reviewedOn === null) add(['reviewedOn'], 'reviewedOnRequired');
  const document = review.document;
  if (document === null) return issues;

  if (document.title === '') add(['document', 'title'], 'titleRequired');
  if (document.version === '') add(['document', 'version'], 'versionRequired');
  if (document.approvedOn !== null && document.approver === '') {
    add(['document', 'approver'], 'approverRequired');
  }
  if (document.attachmentId === null) add(['document', 'attachmentId'], 'attachmentRequired');
  for (const c of POLICY_TEMPLATES[review.kind].conditions) {
    if ((review.conditions[c.key] ?? null) === null) {
      add(['conditions', c.key], 'conditionUnanswered');
    }
  }
  for (const element of applicableElements(review)) {
    const answer = answerOf(review, element.id);
    const at = (field: string) => ['elements', element.id, field];
    if (answer.present === null) add(at('present'), 'presentUnanswered', element.id);
    else if (answer.present === 'yes') {
      if (answer.sectionRef === '') add(at('sectionRef'), 'sectionRefRequired', element.id);
      if (answer.adequacy === null) add(at('adequacy'), 'adequacyUnanswered', element.id);
    }
  }
  return issues;
}
