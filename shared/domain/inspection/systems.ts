/**
 * The computer-system inventory and the assessment calendar of 附件二「產險業辦理電腦系統資訊安全
 * 評估作業原則」, and its yearly social-engineering drill.
 *
 * 參、一 (classes and cycles):
 *   第一類 直接提供客戶自動化服務之系統（如網路投保、網路要保等系統） 每年至少辦理一次資訊安全評估作業
 *   第二類 產險核心資訊系統 每三年至少辦理一次資訊安全評估作業
 *   第三類 非核心資訊系統（如人資、總務等系統） 每五年至少辦理一次資訊安全評估作業
 * 參、二: 單一系統發生重大資訊安全事件致影響消費者權益，應於三個月內重新完成資訊安全評估作業。
 * 陸: 每年應至少一次針對使用電腦系統人員，於安全監控範圍內，寄發演練郵件 …
 *
 * "每年至少一次" could be read per calendar year; we count 12 months from the last one, which is
 * never later than the calendar-year reading allows and is what a reviewer can check from the
 * dates alone. Deadlines are inclusive: an assessment due on a day may be completed on it.
 */
import { z } from 'zod';
import { isoDateSchema, type IsoDate } from '../dates';
import { addMonths, daysBetween } from './calendar';
import type { Bilingual } from './text';

export const SYSTEM_CLASSES = [1, 2, 3] as const;
export type SystemClass = (typeof SYSTEM_CLASSES)[number];

export interface SystemClassDefinition {
  label: Bilingual;
  definition: Bilingual;
  cycle: Bilingual;
  /** 肆、二: class 1 takes every assessment item; classes 2 and 3 the ones their nature needs. */
  allAssessmentItems: boolean;
}

export const SYSTEM_CLASS_DEFINITIONS: Readonly<Record<SystemClass, SystemClassDefinition>> = {
  1: {
    label: { 'zh-TW': '第一類', en: 'Class 1' },
    definition: {
      'zh-TW': '直接提供客戶自動化服務之系統（如網路投保、網路要保等系統）',
      en: 'Systems providing automated services directly to customers (e.g. online policy purchase and online application)',
    },
    cycle: {
      'zh-TW': '每年至少辦理一次資訊安全評估作業',
      en: 'Security assessment at least once a year',
    },
    allAssessmentItems: true,
  },
  2: {
    label: { 'zh-TW': '第二類', en: 'Class 2' },
    definition: { 'zh-TW': '產險核心資訊系統', en: 'Core non-life insurance systems' },
    cycle: {
      'zh-TW': '每三年至少辦理一次資訊安全評估作業',
      en: 'Security assessment at least once every three years',
    },
    allAssessmentItems: false,
  },
  3: {
    label: { 'zh-TW': '第三類', en: 'Class 3' },
    definition: {
      'zh-TW': '非核心資訊系統（如人資、總務等系統）',
      en: 'Non-core systems (e.g. human resources, general affairs)',
    },
    cycle: {
      'zh-TW': '每五年至少辦理一次資訊安全評估作業',
      en: 'Security assessment at least once every five years',
    },
    allAssessmentItems: false,
  },
};

/** 參、一: 每年 / 每三年 / 每五年至少辦理一次. */
export const ASSESSMENT_CYCLE_MONTHS: Readonly<Record<SystemClass, number>> = {
  1: 12,
  2: 36,
  3: 60,
};
/** 參、二: 應於三個月內重新完成資訊安全評估作業. */
export const MAJOR_INCIDENT_REASSESSMENT_MONTHS = 3;
/** 貳、二: 評估計畫至少每三年重新審視一次. */
export const ASSESSMENT_PLAN_REVIEW_MONTHS = 36;
/** 捌: 該報告應併同缺失改善等相關文件至少保存五年. */
export const REPORT_RETENTION_YEARS = 5;
/** 陸: 每年應至少一次 … 寄發演練郵件. */
export const DRILL_CYCLE_MONTHS = 12;
/** How far ahead a deadline shows as coming up, long enough to plan and contract an assessment. */
export const DUE_SOON_DAYS = 60;

export const systemSchema = z.object({
  name: z.string().trim().min(1).max(200),
  /** The unit responsible for the system. */
  owner: z.string().trim().max(200),
  description: z.string().trim().max(4000),
  systemClass: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  lastAssessedOn: isoDateSchema.nullable(),
  /** The latest 重大資訊安全事件 on this system that affected consumers' rights. */
  majorIncidentOn: isoDateSchema.nullable(),
  notes: z.string().trim().max(20_000),
});
export type InspectedSystem = z.infer<typeof systemSchema>;

export type AssessmentDue =
  /** Never assessed: an assessment is due now. */
  | { basis: 'never-assessed'; dueOn: null }
  /** Next regular assessment by the class's cycle. */
  | { basis: 'cycle'; dueOn: IsoDate }
  /** Re-assessment within three months of a major incident, earlier than the cycle. */
  | { basis: 'major-incident'; dueOn: IsoDate };

type AssessmentInput = Pick<InspectedSystem, 'systemClass' | 'lastAssessedOn' | 'majorIncidentOn'>;

/**
 * When the next assessment must be completed: the earlier of the last assessment plus the
 * class's cycle and, for a major incident on or after the last assessment, the incident plus
 * three months. An incident on the day of the assessment counts as after it: the record does
 * not say which came first, and assuming the assessment covered it could hide a missed
 * re-assessment.
 */
export function nextAssessmentDue(system: AssessmentInput): AssessmentDue {
  const { lastAssessedOn, majorIncidentOn } = system;
  if (lastAssessedOn === null) return { basis: 'never-assessed', dueOn: null };
  const cycleDue = addMonths(lastAssessedOn, ASSESSMENT_CYCLE_MONTHS[system.systemClass]);
  if (majorIncidentOn !== null && majorIncidentOn >= lastAssessedOn) {
    const incidentDue = addMonths(majorIncidentOn, MAJOR_INCIDENT_REASSESSMENT_MONTHS);
    if (incidentDue < cycleDue) return { basis: 'major-incident', dueOn: incidentDue };
  }
  return { basis: 'cycle', dueOn: cycleDue };
}

export type DeadlineState = 'ok' | 'due-soon' | 'overdue';

export type AssessmentStatus =
  | { status: 'never-assessed'; basis: 'never-assessed'; dueOn: null; daysLeft: null }
  | {
      status: DeadlineState;
      basis: 'cycle' | 'major-incident';
      dueOn: IsoDate;
      /** Days until the due date; 0 on the day, negative once overdue. */
      daysLeft: number;
    };

/** Overdue after the due date, due soon within DUE_SOON_DAYS of it (the day itself included). */
export function deadlineState(dueOn: IsoDate, today: IsoDate): DeadlineState {
  const daysLeft = daysBetween(today, dueOn);
  if (daysLeft < 0) return 'overdue';
  return daysLeft <= DUE_SOON_DAYS ? 'due-soon' : 'ok';
}

export function assessmentStatus(system: AssessmentInput, today: IsoDate): AssessmentStatus {
  const due = nextAssessmentDue(system);
  if (due.basis === 'never-assessed') {
    return { status: 'never-assessed', basis: 'never-assessed', dueOn: null, daysLeft: null };
  }
  return {
    status: deadlineState(due.dueOn, today),
    basis: due.basis,
    dueOn: due.dueOn,
    daysLeft: daysBetween(today, due.dueOn),
  };
}

// ---- Social-engineering drill (陸、社交工程演練) ----

export const drillSchema = z
  .object({
    heldOn: isoDateSchema,
    /** Who received the drill mails: units, roles, outsourced staff included or not. */
    scope: z.string().trim().min(1).max(4000),
    /** People who received a drill mail. */
    participants: z.number().int().nonnegative(),
    /** Opened the mail (null when the drill did not measure it). */
    opened: z.number().int().nonnegative().nullable(),
    /** Clicked the link or opened the attachment: the drill's failures. */
    clicked: z.number().int().nonnegative(),
    notes: z.string().trim().max(20_000),
  })
  .refine((drill) => drill.clicked <= drill.participants, {
    error: 'more people clicked than took part',
    path: ['clicked'],
  })
  .refine((drill) => drill.opened === null || drill.opened <= drill.participants, {
    error: 'more people opened the mail than took part',
    path: ['opened'],
  });
export type Drill = z.infer<typeof drillSchema>;

/** Share of participants who clicked (0–1), or null when nobody took part. */
export function drillClickRate(drill: Pick<Drill, 'participants' | 'clicked'>): number | null {
  return drill.participants === 0 ? null : drill.clicked / drill.participants;
}

export type DrillStatus =
  | { status: 'never-held'; lastHeldOn: null; dueOn: null; daysLeft: null; heldThisYear: false }
  | {
      status: DeadlineState;
      lastHeldOn: IsoDate;
      /** Twelve months after the last drill. */
      dueOn: IsoDate;
      daysLeft: number;
      /**
       * A drill was held in today's calendar year: the looser reading of 每年, shown beside the
       * 12-month status so a reviewer sees both.
       */
      heldThisYear: boolean;
    };

/**
 * Whether the yearly drill is current on `today`. Drills dated after `today` are ignored (they
 * are plans, not drills held).
 */
export function drillStatus(drills: readonly Pick<Drill, 'heldOn'>[], today: IsoDate): DrillStatus {
  let last: IsoDate | null = null;
  for (const { heldOn } of drills) {
    if (heldOn <= today && (last === null || heldOn > last)) last = heldOn;
  }
  if (last === null) {
    return {
      status: 'never-held',
      lastHeldOn: null,
      dueOn: null,
      daysLeft: null,
      heldThisYear: false,
    };
  }
  const dueOn = addMonths(last, DRILL_CYCLE_MONTHS);
  return {
    status: deadlineState(dueOn, today),
    lastHeldOn: last,
    dueOn,
    daysLeft: daysBetween(today, dueOn),
    heldThisYear: last.slice(0, 4) === today.slice(0, 4),
  };
}
