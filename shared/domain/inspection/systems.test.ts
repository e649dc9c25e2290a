import { describe, expect, it } from 'vitest';
import { asIsoDate } from '../dates';
import {
  ASSESSMENT_CYCLE_MONTHS,
  DRILL_CYCLE_MONTHS,
  DUE_SOON_DAYS,
  MAJOR_INCIDENT_REASSESSMENT_MONTHS,
  SYSTEM_CLASSES,
  SYSTEM_CLASS_DEFINITIONS,
  assessmentStatus,
  deadlineState,
  drillClickRate,
  drillSchema,
  drillStatus,
  nextAssessmentDue,
  systemSchema,
  type SystemClass,
} from './systems';

const d = asIsoDate;

function system(
  systemClass: SystemClass,
  lastAssessedOn: string | null,
  majorIncidentOn: string | null = null,
) {
  return {
    systemClass,
    lastAssessedOn: lastAssessedOn === null ? null : d(lastAssessedOn),
    majorIncidentOn: majorIncidentOn === null ? null : d(majorIncidentOn),
  };
}

describe('classes and cycles (附件二 參)', () => {
  it('takes the cycles from the text: 每年 / 每三年 / 每五年', () => {
    expect(ASSESSMENT_CYCLE_MONTHS).toEqual({ 1: 12, 2: 36, 3: 60 });
    expect(SYSTEM_CLASS_DEFINITIONS[1].cycle['zh-TW']).toBe('每年至少辦理一次資訊安全評估作業');
    expect(SYSTEM_CLASS_DEFINITIONS[2].cycle['zh-TW']).toBe('每三年至少辦理一次資訊安全評估作業');
    expect(SYSTEM_CLASS_DEFINITIONS[3].cycle['zh-TW']).toBe('每五年至少辦理一次資訊安全評估作業');
    expect(MAJOR_INCIDENT_REASSESSMENT_MONTHS).toBe(3);
    expect(DRILL_CYCLE_MONTHS).toBe(12);
  });

  it('defines each class as the text does', () => {
    expect(SYSTEM_CLASS_DEFINITIONS[1].definition['zh-TW']).toContain('網路投保');
    expect(SYSTEM_CLASS_DEFINITIONS[2].definition['zh-TW']).toBe('產險核心資訊系統');
    expect(SYSTEM_CLASS_DEFINITIONS[3].definition['zh-TW']).toContain('人資');
    expect(SYSTEM_CLASSES.map((c) => SYSTEM_CLASS_DEFINITIONS[c].allAssessmentItems)).toEqual([
      true,
      false,
      false,
    ]);
  });
});

describe('systemSchema', () => {
  const valid = {
    name: '網路投保系統',
    owner: '資訊處',
    description: '',
    systemClass: 1,
    lastAssessedOn: '2024-09-30',
    majorIncidentOn: null,
    notes: '',
  };

  it('accepts a system and each class', () => {
    for (const systemClass of [1, 2, 3]) {
      expect(systemSchema.safeParse({ ...valid, systemClass }).success).toBe(true);
    }
  });

  it('refuses other classes, bad dates and an empty name', () => {
    expect(systemSchema.safeParse({ ...valid, systemClass: 4 }).success).toBe(false);
    expect(systemSchema.safeParse({ ...valid, systemClass: '1' }).success).toBe(false);
    expect(systemSchema.safeParse({ ...valid, lastAssessedOn: '2024-02-30' }).success).toBe(false);
    expect(systemSchema.safeParse({ ...valid, majorIncidentOn: '' }).success).toBe(false);
    expect(systemSchema.safeParse({ ...valid, name: ' ' }).success).toBe(false);
  });
});

describe('nextAssessmentDue', () => {
  it('says a never-assessed system is due now', () => {
    expect(nextAssessmentDue(system(1, null))).toEqual({ basis: 'never-assessed', dueOn: null });
    expect(nextAssessmentDue(system(3, null, '2025-01-01'))).toEqual({
      basis: 'never-assessed',
      dueOn: null,
    });
  });

  it('adds the class cycle to the last assessment', () => {
    expect(nextAssessmentDue(system(1, '2024-05-10'))).toEqual({
      basis: 'cycle',
      dueOn: '2025-05-10',
    });
    expect(nextAssessmentDue(system(2, '2024-05-10'))).toEqual({
      basis: 'cycle',
      dueOn: '2027-05-10',
    });
    expect(nextAssessmentDue(system(3, '2024-05-10'))).toEqual({
      basis: 'cycle',
      dueOn: '2029-05-10',
    });
  });

  it('clamps a leap-day assessment to the end of February', () => {
    expect(nextAssessmentDue(system(1, '2024-02-29')).dueOn).toBe('2025-02-28');
    expect(nextAssessmentDue(system(2, '2024-02-29')).dueOn).toBe('2027-02-28');
    // Four and five years on: 2028 is a leap year, 2029 is not.
    expect(nextAssessmentDue(system(3, '2023-02-28')).dueOn).toBe('2028-02-28');
    expect(nextAssessmentDue(system(3, '2024-02-29')).dueOn).toBe('2029-02-28');
  });

  it('brings the date forward to three months after a later major incident', () => {
    expect(nextAssessmentDue(system(2, '2024-01-15', '2024-11-30'))).toEqual({
      basis: 'major-incident',
      dueOn: '2025-02-28',
    });
    expect(nextAssessmentDue(system(3, '2023-06-01', '2023-11-30'))).toEqual({
      basis: 'major-incident',
      dueOn: '2024-02-29',
    });
  });

  it('keeps the cycle date when it comes first', () => {
    // Class 1 assessed 2024-03-01, incident 2025-01-15: cycle 2025-03-01 < incident 2025-04-15.
    expect(nextAssessmentDue(system(1, '2024-03-01', '2025-01-15'))).toEqual({
      basis: 'cycle',
      dueOn: '2025-03-01',
    });
  });

  it('ignores an incident before the last assessment', () => {
    expect(nextAssessmentDue(system(2, '2024-06-01', '2024-05-31'))).toEqual({
      basis: 'cycle',
      dueOn: '2027-06-01',
    });
  });

  it('treats an incident on the assessment day as after it', () => {
    expect(nextAssessmentDue(system(2, '2024-06-01', '2024-06-01'))).toEqual({
      basis: 'major-incident',
      dueOn: '2024-09-01',
    });
  });

  it('keeps the cycle date when both fall on the same day', () => {
    // Class 1 assessed 2024-04-30; incident 2025-01-30 + 3 months = 2025-04-30.
    expect(nextAssessmentDue(system(1, '2024-04-30', '2025-01-30'))).toEqual({
      basis: 'cycle',
      dueOn: '2025-04-30',
    });
  });
});

describe('deadlineState', () => {
  const due = d('2025-06-30');
  it.each([
    ['2025-04-30', 'ok'], // 61 days before
    ['2025-05-01', 'due-soon'], // 60 days before
    ['2025-06-30', 'due-soon'], // the day itself
    ['2025-07-01', 'overdue'],
  ] as const)('on %s is %s', (today, expected) => {
    expect(deadlineState(due, d(today))).toBe(expected);
  });

  it('uses a 60-day warning window', () => {
    expect(DUE_SOON_DAYS).toBe(60);
  });
});

describe('assessmentStatus', () => {
  it('reports never-assessed without a date', () => {
    expect(assessmentStatus(system(1, null), d('2025-01-01'))).toEqual({
      status: 'never-assessed',
      basis: 'never-assessed',
      dueOn: null,
      daysLeft: null,
    });
  });

  it('reports ok, due-soon and overdue with the due date and days left', () => {
    const s = system(1, '2024-06-30'); // due 2025-06-30
    expect(assessmentStatus(s, d('2025-01-01'))).toEqual({
      status: 'ok',
      basis: 'cycle',
      dueOn: '2025-06-30',
      daysLeft: 180,
    });
    expect(assessmentStatus(s, d('2025-06-01'))).toMatchObject({
      status: 'due-soon',
      daysLeft: 29,
    });
    expect(assessmentStatus(s, d('2025-06-30'))).toMatchObject({ status: 'due-soon', daysLeft: 0 });
    expect(assessmentStatus(s, d('2025-07-02'))).toMatchObject({ status: 'overdue', daysLeft: -2 });
  });

  it('turns overdue three months after a major incident on a system otherwise current', () => {
    const s = system(3, '2024-01-10', '2024-12-31'); // incident due 2025-03-31
    expect(assessmentStatus(s, d('2025-03-31'))).toMatchObject({
      status: 'due-soon',
      basis: 'major-incident',
      dueOn: '2025-03-31',
    });
    expect(assessmentStatus(s, d('2025-04-01'))).toMatchObject({ status: 'overdue' });
  });

  it('returns to the cycle once re-assessed after the incident', () => {
    const s = system(3, '2025-03-15', '2024-12-31');
    expect(assessmentStatus(s, d('2025-04-01'))).toMatchObject({
      status: 'ok',
      basis: 'cycle',
      dueOn: '2030-03-15',
    });
  });
});

describe('drills (附件二 陸)', () => {
  const drill = {
    heldOn: '2025-05-12',
    scope: '全體使用電腦系統人員（含派遣人員）',
    participants: 820,
    opened: 130,
    clicked: 41,
    notes: '',
  };

  it('accepts a drill and an unmeasured open count', () => {
    expect(drillSchema.safeParse(drill).success).toBe(true);
    expect(drillSchema.safeParse({ ...drill, opened: null }).success).toBe(true);
  });

  it('refuses impossible counts and an empty scope', () => {
    expect(drillSchema.safeParse({ ...drill, clicked: 821 }).error?.issues[0]?.path).toEqual([
      'clicked',
    ]);
    expect(drillSchema.safeParse({ ...drill, opened: 821 }).error?.issues[0]?.path).toEqual([
      'opened',
    ]);
    expect(drillSchema.safeParse({ ...drill, participants: -1 }).success).toBe(false);
    expect(drillSchema.safeParse({ ...drill, clicked: 1.5 }).success).toBe(false);
    expect(drillSchema.safeParse({ ...drill, scope: '' }).success).toBe(false);
  });

  it('computes the click rate', () => {
    expect(drillClickRate(drill)).toBe(0.05);
    expect(drillClickRate({ participants: 0, clicked: 0 })).toBeNull();
  });

  const held = (...dates: string[]) => dates.map((heldOn) => ({ heldOn: d(heldOn) }));

  it('is never-held without drills', () => {
    expect(drillStatus([], d('2025-01-01'))).toEqual({
      status: 'never-held',
      lastHeldOn: null,
      dueOn: null,
      daysLeft: null,
      heldThisYear: false,
    });
  });

  it('is due twelve months after the latest drill, whatever the order', () => {
    const status = drillStatus(held('2024-11-20', '2023-10-01', '2024-03-01'), d('2025-01-10'));
    expect(status).toEqual({
      status: 'ok',
      lastHeldOn: '2024-11-20',
      dueOn: '2025-11-20',
      daysLeft: 314,
      heldThisYear: false,
    });
  });

  it('becomes due soon, then overdue', () => {
    const drills = held('2024-02-29');
    expect(drillStatus(drills, d('2024-12-29'))).toMatchObject({ status: 'ok', daysLeft: 61 });
    expect(drillStatus(drills, d('2024-12-30'))).toMatchObject({
      status: 'due-soon',
      dueOn: '2025-02-28',
    });
    expect(drillStatus(drills, d('2025-02-28'))).toMatchObject({ status: 'due-soon', daysLeft: 0 });
    expect(drillStatus(drills, d('2025-03-01'))).toMatchObject({ status: 'overdue' });
  });

  it('shows the calendar-year reading beside the 12-month one', () => {
    // Held in January 2025 and checked in December 2025: current either way.
    expect(drillStatus(held('2025-01-15'), d('2025-12-01'))).toMatchObject({
      status: 'due-soon',
      heldThisYear: true,
    });
    // Held in March 2024, checked in February 2025: within 12 months, but none yet this year.
    expect(drillStatus(held('2024-03-15'), d('2025-02-01'))).toMatchObject({
      status: 'due-soon',
      heldThisYear: false,
    });
  });

  it('ignores drills dated after today', () => {
    expect(drillStatus(held('2025-06-01'), d('2025-05-01'))).toMatchObject({
      status: 'never-held',
    });
    expect(drillStatus(held('2024-01-10', '2025-06-01'), d('2025-05-01'))).toMatchObject({
      status: 'overdue',
      lastHeldOn: '2024-01-10',
    });
  });
});
