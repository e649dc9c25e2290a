import { describe, expect, it } from 'vitest';
import { asIsoDate } from '../../domain/dates';
import { newRecordId } from '../../domain/records';
import { POLICY_KINDS, POLICY_TEMPLATES, type PolicyKind } from './templates';
import {
  REVIEW_MESSAGES,
  completeReviewIssues,
  emptyReview,
  policyReviewSchema,
  reviewGaps,
  reviewProgress,
  type ElementAnswer,
  type PolicyReview,
} from './review';

const d = asIsoDate;

const ATTACHMENT = newRecordId();

const yes = (sectionRef: string): ElementAnswer => ({
  present: 'yes',
  sectionRef,
  adequacy: 'adequate',
  note: '',
});
const absent: ElementAnswer = { present: 'no', sectionRef: '', adequacy: null, note: '' };

/** A finished review of a kind: every element present and adequate, every condition yes. */
function completeReview(kind: PolicyKind): PolicyReview {
  const template = POLICY_TEMPLATES[kind];
  return {
    ...emptyReview(kind),
    document: {
      title: '行動裝置管理辦法',
      version: '3.0',
      approvedOn: d('2024-12-20'),
      approver: '總經理',
      attachmentId: ATTACHMENT,
    },
    reviewedOn: d('2025-03-05'),
    reviewer: '陳稽核',
    conditions: Object.fromEntries(template.conditions.map((c) => [c.key, true])),
    elements: Object.fromEntries(template.elements.map((e, i) => [e.id, yes(`第 ${i + 1} 條`)])),
    status: 'complete',
  };
}

function issuesOf(input: unknown) {
  const parsed = policyReviewSchema.safeParse(input);
  return parsed.success
    ? []
    : parsed.error.issues.map((issue) => ({
        path: issue.path.join('.'),
        key: issue.code === 'custom' ? (issue.params?.['messageKey'] as unknown) : undefined,
      }));
}

const withElement = (review: PolicyReview, id: string, answer: ElementAnswer): PolicyReview => ({
  ...review,
  elements: { ...review.elements, [id]: answer },
});

describe('policyReviewSchema', () => {
  it('accepts an empty draft and a complete review of every kind', () => {
    for (const kind of POLICY_KINDS) {
      expect(issuesOf(emptyReview(kind))).toEqual([]);
      expect(issuesOf(completeReview(kind))).toEqual([]);
    }
  });

  it('refuses element ids the template does not have', () => {
    const review = withElement(emptyReview('byod'), 'cloud.security', absent);
    expect(issuesOf(review)).toEqual([{ path: 'elements.cloud.security', key: 'unknownElement' }]);
  });

  it('refuses conditions the template does not use', () => {
    const review = { ...emptyReview('byod'), conditions: { byodAllowed: true, usesCloud: true } };
    expect(issuesOf(review)).toEqual([{ path: 'conditions.usesCloud', key: 'unknownCondition' }]);
  });

  it('judges adequacy only for elements present', () => {
    const review = emptyReview('cloud');
    expect(
      issuesOf(withElement(review, 'cloud.policy', { ...absent, adequacy: 'adequate' })),
    ).toEqual([{ path: 'elements.cloud.policy.adequacy', key: 'adequacyOnlyWhenPresent' }]);
    expect(
      issuesOf(
        withElement(review, 'cloud.policy', {
          ...absent,
          present: null,
          adequacy: 'inadequate',
          note: 'x',
        }),
      ),
    ).toEqual([{ path: 'elements.cloud.policy.adequacy', key: 'adequacyOnlyWhenPresent' }]);
  });

  it('needs a note for an inadequate judgement', () => {
    const review = withElement(emptyReview('cloud'), 'cloud.security', {
      present: 'yes',
      sectionRef: '第 4 章',
      adequacy: 'inadequate',
      note: '  ',
    });
    expect(issuesOf(review)).toEqual([
      { path: 'elements.cloud.security.note', key: 'inadequateNeedsNote' },
    ]);
  });

  it('refuses an approval after the review, and accepts the same day', () => {
    const review = completeReview('byod');
    const document = review.document ?? emptyReview('byod').document;
    expect(issuesOf({ ...review, document: { ...document, approvedOn: d('2025-03-06') } })).toEqual(
      [{ path: 'document.approvedOn', key: 'approvedAfterReview' }],
    );
    expect(issuesOf({ ...review, document: { ...document, approvedOn: d('2025-03-05') } })).toEqual(
      [],
    );
  });

  it('refuses malformed values by path', () => {
    const paths = (input: unknown) => issuesOf(input).map((i) => i.path);
    const review = completeReview('byod');
    expect(paths({ ...review, kind: 'email' })).toContain('kind');
    expect(paths({ ...review, reviewedOn: '114/03/05' })).toEqual(['reviewedOn']);
    expect(
      paths({ ...review, document: { ...review.document, attachmentId: 'policy.pdf' } }),
    ).toEqual(['document.attachmentId']);
    expect(
      paths(withElement(review, 'byod.policy', { ...yes('1'), present: 'maybe' as 'yes' })),
    ).toEqual(['elements.byod.policy.present']);
  });

  it('refuses to be complete while something is missing, at each field', () => {
    const review: PolicyReview = {
      ...emptyReview('social-media'),
      document: {
        title: '',
        version: '',
        approvedOn: d('2024-01-01'),
        approver: '',
        attachmentId: null,
      },
      status: 'complete',
    };
    expect(issuesOf(review)).toEqual([
      { path: 'reviewer', key: 'reviewerRequired' },
      { path: 'reviewedOn', key: 'reviewedOnRequired' },
      { path: 'document.title', key: 'titleRequired' },
      { path: 'document.version', key: 'versionRequired' },
      { path: 'document.approver', key: 'approverRequired' },
      { path: 'document.attachmentId', key: 'attachmentRequired' },
      { path: 'conditions.ownSocialMedia', key: 'conditionUnanswered' },
      ...POLICY_TEMPLATES['social-media'].elements.map((e) => ({
        path: `elements.${e.id}.present`,
        key: 'presentUnanswered',
      })),
    ]);
  });
});

describe('completeReviewIssues', () => {
  it('is empty for a finished review', () => {
    expect(completeReviewIssues(completeReview('cloud'))).toEqual([]);
  });

  it('asks for the section and adequacy of elements present, nothing more of absent ones', () => {
    let review = completeReview('byod');
    review = withElement(review, 'byod.device-management', {
      present: 'yes',
      sectionRef: '',
      adequacy: null,
      note: '',
    });
    review = withElement(review, 'byod.user-management', absent);
    expect(completeReviewIssues(review)).toEqual([
      {
        path: ['elements', 'byod.device-management', 'sectionRef'],
        code: 'sectionRefRequired',
        message: REVIEW_MESSAGES.sectionRefRequired,
        elementId: 'byod.device-management',
      },
      {
        path: ['elements', 'byod.device-management', 'adequacy'],
        code: 'adequacyUnanswered',
        message: REVIEW_MESSAGES.adequacyUnanswered,
        elementId: 'byod.device-management',
      },
    ]);
  });

  it('does not ask about elements whose condition is answered no', () => {
    const review = {
      ...withElement(completeReview('cloud'), 'cloud.security', {
        ...absent,
        present: null,
      }),
      conditions: { usesCloud: false },
    };
    expect(completeReviewIssues(review)).toEqual([]);
  });

  it('asks only for the reviewer and date when there is no policy', () => {
    const review: PolicyReview = { ...emptyReview('cloud'), document: null };
    expect(completeReviewIssues(review).map((i) => i.code)).toEqual([
      'reviewerRequired',
      'reviewedOnRequired',
    ]);
    expect(
      issuesOf({ ...review, reviewer: '陳稽核', reviewedOn: d('2025-03-05'), status: 'complete' }),
    ).toEqual([]);
  });
});

describe('reviewProgress', () => {
  it('counts fully judged applicable elements and open conditions', () => {
    const empty = emptyReview('social-media');
    expect(reviewProgress(empty)).toEqual({ answered: 0, applicable: 6, openConditions: 1 });

    let review: PolicyReview = { ...empty, conditions: { ownSocialMedia: false } };
    review = withElement(review, 'social-media.policy', yes('1'));
    review = withElement(review, 'social-media.supervision', absent);
    review = withElement(review, 'social-media.complaints', {
      ...yes('3'),
      adequacy: null,
    });
    // Three elements apply without own accounts; the complaints one is not yet judged.
    expect(reviewProgress(review)).toEqual({ answered: 2, applicable: 3, openConditions: 0 });
  });

  it('has nothing to answer without a policy', () => {
    expect(reviewProgress({ ...emptyReview('byod'), document: null })).toEqual({
      answered: 0,
      applicable: 0,
      openConditions: 0,
    });
  });

  it('treats a missing entry as unanswered', () => {
    const review = { ...emptyReview('cloud'), elements: {} };
    expect(reviewProgress(review)).toEqual({ answered: 0, applicable: 4, openConditions: 1 });
  });
});

describe('reviewGaps', () => {
  const gaps = (review: PolicyReview) =>
    reviewGaps(review).map((g) => `${g.reason}:${g.element.id}`);

  it('finds nothing in a complete, adequate policy', () => {
    for (const kind of POLICY_KINDS) expect(gaps(completeReview(kind))).toEqual([]);
  });

  it('lists missing and inadequate elements in template order', () => {
    let review = completeReview('byod');
    review = withElement(review, 'byod.security-controls', absent);
    review = withElement(review, 'byod.device-management', {
      present: 'yes',
      sectionRef: '第 3 條',
      adequacy: 'inadequate',
      note: '未規定遠端抹除',
    });
    expect(gaps(review)).toEqual([
      'inadequate:byod.device-management',
      'missing:byod.security-controls',
    ]);
    expect(reviewGaps(review)[0]?.answer?.note).toBe('未規定遠端抹除');
  });

  it('skips elements whose condition is answered no, keeps them while unanswered', () => {
    const base = withElement(completeReview('byod'), 'byod.own-devices', absent);
    expect(gaps({ ...base, conditions: { byodAllowed: false } })).toEqual([]);
    expect(gaps({ ...base, conditions: { byodAllowed: null } })).toEqual([
      'missing:byod.own-devices',
    ]);
    expect(gaps({ ...base, conditions: { byodAllowed: true } })).toEqual([
      'missing:byod.own-devices',
    ]);
  });

  it('keeps complaint handling when the company runs no accounts', () => {
    let review: PolicyReview = {
      ...completeReview('social-media'),
      conditions: { ownSocialMedia: false },
    };
    review = withElement(review, 'social-media.complaints', absent);
    review = withElement(review, 'social-media.disclosure-name', absent);
    expect(gaps(review)).toEqual(['missing:social-media.complaints']);
  });

  it('reports no policy once, on the lead-in element', () => {
    expect(gaps({ ...emptyReview('cloud'), document: null })).toEqual(['no-policy:cloud.policy']);
  });

  it('reports a policy without an approval date', () => {
    const review = completeReview('cloud');
    const document = review.document ?? emptyReview('cloud').document;
    expect(gaps({ ...review, document: document && { ...document, approvedOn: null } })).toEqual([
      'not-approved:cloud.policy',
    ]);
  });

  it('ignores unanswered elements (they are completion issues, not gaps)', () => {
    expect(gaps({ ...emptyReview('byod'), document: completeReview('byod').document })).toEqual([]);
  });
});
