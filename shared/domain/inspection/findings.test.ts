import { describe, expect, it } from 'vitest';
import { asIsoDate } from '../dates';
import { newRecordId } from '../records';
import {
  CATEGORY_LABELS,
  FINDING_CATEGORIES,
  FINDING_MESSAGES,
  FINDING_STATUSES,
  SEVERITIES,
  SEVERITY_CRITERIA,
  SEVERITY_GENERAL_RULES,
  STATUS_LABELS,
  daysOverdue,
  findingAgeDays,
  findingSchema,
  isFindingOverdue,
  type Finding,
} from './findings';

const d = asIsoDate;
const evidence = newRecordId();

const open = {
  itemId: 'A2-4.3.1',
  title: '弱點掃描未依時限修補',
  deficiency: '113年第3季弱點掃描之高風險弱點共5項，逾內部規範30日修補期限仍未修補。',
  category: 'technical',
  severity: 'high',
  risk: '對外網站可能遭利用已知弱點入侵，致客戶個資外洩。',
  recommendation: '依弱點風險等級訂定修補時限並追蹤至完成。',
  owner: '資訊處',
  raisedOn: '2025-03-05',
  dueDate: '2025-06-30',
  managementResponse: '',
  status: 'open',
  closedOn: null,
  closingEvidenceIds: [],
};
const closed = {
  ...open,
  status: 'closed',
  closedOn: '2025-05-20',
  closingEvidenceIds: [evidence],
};

function issuesOf(input: unknown) {
  const parsed = findingSchema.safeParse(input);
  return parsed.success ? [] : parsed.error.issues;
}

describe('labels and criteria', () => {
  it('labels every category with the FSC groups first', () => {
    expect(FINDING_CATEGORIES).toEqual(['management', 'personal-data', 'e-commerce', 'technical']);
    expect(CATEGORY_LABELS.management['zh-TW']).toBe('資安管理面');
    expect(CATEGORY_LABELS['personal-data']['zh-TW']).toBe('個資管理面');
    expect(CATEGORY_LABELS['e-commerce']['zh-TW']).toBe('電子商務系統管理');
    expect(CATEGORY_LABELS.technical['zh-TW']).toBe('技術面');
  });

  it('labels every status', () => {
    for (const status of FINDING_STATUSES) {
      expect(STATUS_LABELS[status]['zh-TW']).not.toBe('');
      expect(STATUS_LABELS[status].en).not.toBe('');
    }
  });

  it('gives each severity a summary, criteria and examples in both languages', () => {
    for (const severity of SEVERITIES) {
      const { label, summary, criteria, examples } = SEVERITY_CRITERIA[severity];
      for (const text of [label, summary, ...criteria, ...examples]) {
        expect(text['zh-TW'].trim()).not.toBe('');
        expect(text.en.trim()).not.toBe('');
      }
      expect(criteria.length).toBeGreaterThanOrEqual(3);
      expect(examples.length).toBeGreaterThanOrEqual(2);
    }
    for (const rule of SEVERITY_GENERAL_RULES) expect(rule.en).not.toBe('');
  });

  it('ties high severity to personal data, regulatory fines and customer-facing services', () => {
    const high = SEVERITY_CRITERIA.high.criteria.map((c) => c.en).join(' ');
    expect(high).toMatch(/personal data/i);
    expect(high).toMatch(/fine/i);
    expect(high).toMatch(/customer-facing/i);
  });
});

describe('findingSchema', () => {
  it('accepts an open, an in-progress and a closed finding', () => {
    expect(issuesOf(open)).toEqual([]);
    expect(issuesOf({ ...open, status: 'in-progress', managementResponse: '已排定修補' })).toEqual(
      [],
    );
    expect(issuesOf(closed)).toEqual([]);
  });

  it('accepts a free finding (no checklist item) and a draft without risk, owner or due date', () => {
    expect(issuesOf({ ...open, itemId: null })).toEqual([]);
    expect(issuesOf({ ...open, risk: '', recommendation: '', owner: '', dueDate: null })).toEqual(
      [],
    );
  });

  it('requires a title and a description of the deficiency', () => {
    expect(issuesOf({ ...open, title: ' ' })[0]?.path).toEqual(['title']);
    expect(issuesOf({ ...open, deficiency: '' })[0]?.path).toEqual(['deficiency']);
  });

  it('refuses unknown categories, severities and statuses', () => {
    expect(issuesOf({ ...open, category: 'physical' })).not.toEqual([]);
    expect(issuesOf({ ...open, severity: 'critical' })).not.toEqual([]);
    expect(issuesOf({ ...open, status: 'done' })).not.toEqual([]);
  });

  it('refuses dates that are not calendar dates', () => {
    expect(issuesOf({ ...open, dueDate: '2025-02-29' })[0]?.path).toEqual(['dueDate']);
    expect(issuesOf({ ...open, raisedOn: '2025-03-05T00:00:00Z' })[0]?.path).toEqual(['raisedOn']);
  });

  it('refuses closing without a closing date, with a clear message', () => {
    const issues = issuesOf({ ...closed, closedOn: null });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      path: ['closedOn'],
      message: FINDING_MESSAGES.closedOnRequired.en,
      params: { messageKey: 'closedOnRequired' },
    });
  });

  it('refuses closing without evidence of remediation, with a clear message', () => {
    const issues = issuesOf({ ...closed, closingEvidenceIds: [] });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      path: ['closingEvidenceIds'],
      message: FINDING_MESSAGES.closingEvidenceRequired.en,
    });
    expect(issues[0]?.message).toMatch(/evidence/);
  });

  it('reports both closing problems at once', () => {
    const issues = issuesOf({ ...closed, closedOn: null, closingEvidenceIds: [] });
    expect(issues.map((i) => i.path[0])).toEqual(['closedOn', 'closingEvidenceIds']);
  });

  it('refuses a closing date on a finding that is not closed', () => {
    for (const status of ['open', 'in-progress']) {
      const issues = issuesOf({ ...closed, status });
      expect(issues.map((i) => i.message)).toEqual([FINDING_MESSAGES.closedOnOnlyWhenClosed.en]);
    }
  });

  it('allows closing evidence before the finding is closed (collected as work progresses)', () => {
    expect(issuesOf({ ...open, status: 'in-progress', closingEvidenceIds: [evidence] })).toEqual(
      [],
    );
  });

  it('refuses closing or a due date before the finding was raised', () => {
    expect(issuesOf({ ...closed, closedOn: '2025-03-04' })[0]?.message).toBe(
      FINDING_MESSAGES.closedBeforeRaised.en,
    );
    expect(issuesOf({ ...open, dueDate: '2025-03-04' })[0]?.message).toBe(
      FINDING_MESSAGES.dueBeforeRaised.en,
    );
    // The same day is fine for both.
    expect(issuesOf({ ...closed, closedOn: '2025-03-05', dueDate: '2025-03-05' })).toEqual([]);
  });

  it('has a zh-TW text for every message', () => {
    for (const message of Object.values(FINDING_MESSAGES)) {
      expect(message['zh-TW']).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe('findingAgeDays', () => {
  const finding = findingSchema.parse(open);

  it('counts days from raising to today while open', () => {
    expect(findingAgeDays(finding, d('2025-03-05'))).toBe(0);
    expect(findingAgeDays(finding, d('2025-03-06'))).toBe(1);
    expect(findingAgeDays(finding, d('2026-03-05'))).toBe(365);
  });

  it('stops counting at the closing date', () => {
    const done = findingSchema.parse(closed);
    expect(findingAgeDays(done, d('2030-01-01'))).toBe(76);
  });

  it('is 0 for a finding raised after today', () => {
    expect(findingAgeDays(finding, d('2025-01-01'))).toBe(0);
  });
});

describe('isFindingOverdue and daysOverdue', () => {
  const finding: Finding = findingSchema.parse(open); // due 2025-06-30

  it('is not overdue on or before the due date', () => {
    expect(isFindingOverdue(finding, d('2025-06-29'))).toBe(false);
    expect(isFindingOverdue(finding, d('2025-06-30'))).toBe(false);
    expect(daysOverdue(finding, d('2025-06-30'))).toBe(0);
    expect(daysOverdue(finding, d('2025-06-20'))).toBe(-10);
  });

  it('is overdue after the due date while open or in progress', () => {
    expect(isFindingOverdue(finding, d('2025-07-01'))).toBe(true);
    expect(isFindingOverdue({ ...finding, status: 'in-progress' }, d('2025-07-01'))).toBe(true);
    expect(daysOverdue(finding, d('2025-07-31'))).toBe(31);
  });

  it('is never overdue once closed, or without a due date', () => {
    const done = findingSchema.parse({ ...closed, closedOn: '2025-08-01' });
    expect(isFindingOverdue(done, d('2026-01-01'))).toBe(false);
    expect(daysOverdue(done, d('2026-01-01'))).toBeNull();
    expect(isFindingOverdue({ ...finding, dueDate: null }, d('2026-01-01'))).toBe(false);
    expect(daysOverdue({ ...finding, dueDate: null }, d('2026-01-01'))).toBeNull();
  });
});
