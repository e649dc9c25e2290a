import { describe, expect, it } from 'vitest';
import { asIsoDate } from '../../domain/dates';
import { findingSchema } from '../../domain/inspection/findings';
import { newRecordId } from '../../domain/records';
import { draftFindingFromReviewGap, draftFindingsFromReview } from './finding-draft';
import { emptyReview, reviewGaps, type ElementAnswer, type PolicyReview } from './review';
import { POLICY_TEMPLATES, type PolicyKind } from './templates';

const d = asIsoDate;

const TODAY = asIsoDate('2025-03-10');

const adequate: ElementAnswer = {
  present: 'yes',
  sectionRef: '第 2 條',
  adequacy: 'adequate',
  note: '',
};
const absent: ElementAnswer = { present: 'no', sectionRef: '', adequacy: null, note: '' };

function review(kind: PolicyKind, answers: Record<string, ElementAnswer> = {}): PolicyReview {
  const template = POLICY_TEMPLATES[kind];
  return {
    ...emptyReview(kind),
    document: {
      title: '行動裝置及自攜設備管理辦法',
      version: '2.1',
      approvedOn: d('2024-12-20'),
      approver: '總經理',
      attachmentId: newRecordId(),
    },
    reviewedOn: d('2025-03-05'),
    reviewer: '陳稽核',
    conditions: Object.fromEntries(template.conditions.map((c) => [c.key, true])),
    elements: {
      ...Object.fromEntries(template.elements.map((e) => [e.id, adequate])),
      ...answers,
    },
    status: 'complete',
  };
}

describe('draftFindingFromReviewGap', () => {
  it('drafts a missing element: item, citation, guidance, medium', () => {
    const r = review('byod', { 'byod.security-controls': absent });
    const [gap] = reviewGaps(r);
    if (gap === undefined) throw new Error('expected a gap');
    const draft = draftFindingFromReviewGap(gap, r, 'zh-TW', TODAY);
    expect(findingSchema.safeParse(draft.finding).success).toBe(true);
    expect(draft.finding).toMatchObject({
      itemId: 'SR-05-03.1',
      category: 'management',
      severity: 'medium',
      raisedOn: TODAY,
      status: 'open',
    });
    expect(draft.finding.title).toBe(
      '行動裝置（含 BYOD）使用規範之「行動裝置之安全控管」未訂定或內容不足',
    );
    expect(draft.finding.deficiency).toContain(
      '經檢視「行動裝置及自攜設備管理辦法」（版次 2.1，民國 113 年 12 月 20 日經總經理核定）：',
    );
    expect(draft.finding.deficiency).toContain(
      '自律規範第五條第三款「行動裝置之安全控管」：規範未訂定',
    );
    expect(draft.finding.recommendation).toContain('依自律規範第五條第三款於規範中增訂');
    expect(draft.finding.recommendation).toContain('・強制螢幕鎖定');
    expect(draft.severityReason).toContain('中');
    expect(draft.elementIds).toEqual(['byod.security-controls']);
  });

  it('quotes the section reference and the note of an inadequate element, low', () => {
    const r = review('cloud', {
      'cloud.continuity': {
        present: 'yes',
        sectionRef: '第 5.3 節',
        adequacy: 'inadequate',
        note: '未訂定 RTO 及 RPO，亦無退場計畫',
      },
    });
    const draft = draftFindingFromReviewGap(reviewGaps(r), r, 'zh-TW', TODAY);
    expect(draft.finding.itemId).toBe('SR-07-03.1');
    expect(draft.finding.severity).toBe('low');
    expect(draft.finding.deficiency).toContain(
      '自律規範第七條第三款「雲端服務持續營運管理」：規範第 5.3 節雖有訂定，惟內容不足：未訂定 RTO 及 RPO，亦無退場計畫',
    );
    expect(draft.finding.title).toContain('內容不足');
    expect(draft.finding.recommendation).toContain('補強規範之「雲端服務持續營運管理」');
  });

  it('drafts "no policy" as high, on the article’s lead-in item', () => {
    const r: PolicyReview = { ...emptyReview('social-media'), document: null };
    const draft = draftFindingFromReviewGap(reviewGaps(r), r, 'zh-TW', TODAY);
    expect(draft.finding).toMatchObject({
      itemId: 'SR-06.1',
      severity: 'high',
      title: '未訂定社群媒體使用規範',
    });
    expect(draft.finding.deficiency).toBe('公司未訂定社群媒體使用規範（自律規範第六條）。');
    expect(findingSchema.safeParse(draft.finding).success).toBe(true);
  });

  it('groups the two disclosure elements of art. 6(2) into one finding', () => {
    const r = review('social-media', {
      'social-media.disclosure-name': absent,
      'social-media.disclosure-address-contact': absent,
    });
    const drafts = draftFindingsFromReview(r, 'zh-TW', TODAY);
    expect(drafts).toHaveLength(1);
    expect(drafts[0]?.finding.itemId).toBe('SR-06-02.1');
    expect(drafts[0]?.elementIds).toEqual([
      'social-media.disclosure-name',
      'social-media.disclosure-address-contact',
    ]);
    expect(drafts[0]?.finding.deficiency).toContain('自律規範第六條第二款第一目「揭露公司名稱」');
    expect(drafts[0]?.finding.deficiency).toContain('自律規範第六條第二款第二目');
  });

  it('takes the highest severity of the gaps it groups', () => {
    const r: PolicyReview = {
      ...review('cloud', {
        'cloud.policy': {
          present: 'yes',
          sectionRef: '第 1 條',
          adequacy: 'inadequate',
          note: '未含私有雲',
        },
      }),
    };
    const withoutApproval: PolicyReview = {
      ...r,
      document: r.document && { ...r.document, approvedOn: null },
    };
    const drafts = draftFindingsFromReview(withoutApproval, 'zh-TW', TODAY);
    expect(drafts.map((d) => [d.finding.itemId, d.finding.severity])).toEqual([
      ['SR-07.1', 'medium'],
    ]);
    expect(drafts[0]?.finding.deficiency).toContain('規範未載明核定日期');
    // Two gaps on one element: both actions, its guidance once.
    expect(drafts[0]?.elementIds).toEqual(['cloud.policy']);
    const recommendation = drafts[0]?.finding.recommendation ?? '';
    expect(recommendation).toContain('將規範提報權責主管核定');
    expect(recommendation).toContain('補強規範之「規範之訂定、適用範圍及導入核准」');
    expect(recommendation.split('・適用範圍涵蓋公有雲').length).toBe(2);
  });

  it('writes English drafts', () => {
    const r = review('byod', { 'byod.user-management': absent });
    const [draft] = draftFindingsFromReview(r, 'en', TODAY);
    expect(draft?.finding.title).toBe(
      'Mobile-device (including BYOD) policy: Management of device users missing or inadequate',
    );
    expect(draft?.finding.deficiency).toContain(
      'We reviewed "行動裝置及自攜設備管理辦法" (version 2.1, approved 2024-12-20 by 總經理):',
    );
    expect(draft?.finding.deficiency).toContain(
      'Self-regulation rules art. 5(2) "Management of device users": not in the policy.',
    );
    expect(draft?.finding.recommendation).toContain('- Users are approved by their manager');
    expect(draft !== undefined && findingSchema.safeParse(draft.finding).success).toBe(true);
  });

  it('drafts nothing for a review without gaps', () => {
    expect(draftFindingsFromReview(review('cloud'), 'zh-TW', TODAY)).toEqual([]);
  });

  it('refuses no gaps, or gaps of several items', () => {
    const r = review('byod', { 'byod.user-management': absent, 'byod.security-controls': absent });
    expect(() => draftFindingFromReviewGap([], r, 'zh-TW', TODAY)).toThrow(RangeError);
    expect(() => draftFindingFromReviewGap(reviewGaps(r), r, 'zh-TW', TODAY)).toThrow(RangeError);
  });
});
