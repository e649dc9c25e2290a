/**
 * People in the confidentiality-agreement register (自律規範第四條第一款、第五款): employees
 * and contractors, with what art. 4 item 5 needs to test access on leaving and on a job
 * change (the dates access was revoked or changed). Filled by hand or from an HR roster
 * (員工名冊) imported through `shared/import`; re-importing the same roster updates the same
 * records through the row key instead of adding new ones.
 *
 * Personal data on screen: `maskedContact` gives the national ID, phone and e-mail masked, as
 * they are shown by default.
 */
import { z } from 'zod';
import { isoDateSchema, type IsoDate } from '../../domain/dates';
import type { Bilingual } from '../../domain/inspection/text';
import {
  classifyPersonId,
  maskEmail,
  maskId,
  maskPhone,
  type Masked,
  type PersonId,
} from '../../domain/personal-data';
import { ROSTER_FIELDS } from '../../import/fields';
import type { ImportField, ImportValues, RowError, ValidRow } from '../../import/mapping';
import { rowKey, type RowKey } from '../../import/row-key';
import { parseEmailValue, parsePhoneValue } from '../../import/values';
import {
  bi,
  issuesToRowErrors,
  MAX_NOTE,
  rowError,
  type ImportColumns,
  type RowConversion,
  recordIdSchema,
  recordSourceSchema,
  rowKeySchema,
} from './support';

export const PERSON_KINDS = ['employee', 'contractor'] as const;
export type PersonKind = (typeof PERSON_KINDS)[number];

export const PERSON_KIND_LABELS: Readonly<Record<PersonKind, Bilingual>> = {
  employee: bi('員工', 'Employee'),
  contractor: bi('外部人員（派遣、委外駐點）', 'Contractor (agency or outsourced staff)'),
};

export const PERSON_STATUSES = ['active', 'left', 'on-leave'] as const;
export type PersonStatus = (typeof PERSON_STATUSES)[number];

export const PERSON_STATUS_LABELS: Readonly<Record<PersonStatus, Bilingual>> = {
  active: bi('在職', 'Active'),
  left: bi('離職', 'Left'),
  'on-leave': bi('留職停薪', 'On unpaid leave'),
};

/** The roster's status values (ROSTER_FIELDS `status`) → the register's. */
export const ROSTER_STATUS_TO_PERSON: Readonly<Record<string, PersonStatus>> = {
  在職: 'active',
  離職: 'left',
  留職停薪: 'on-leave',
};

export const PEOPLE_MESSAGES = {
  employeeNoRequired: bi('員工須有員工編號', 'An employee needs an employee number'),
  hireDateRequired: bi('員工須有到職日', 'An employee needs a hire date'),
  leftBeforeHire: bi('離職日不得早於到職日', 'The leaving date cannot be before the hire date'),
  vendorOnlyForContractors: bi(
    '僅外部人員可連結委外廠商',
    'Only a contractor can be linked to an outsourcing vendor',
  ),
  invalidPersonId: bi(
    '身分證字號或居留證號不正確',
    'Not a valid national ID or resident certificate number',
  ),
  invalidEmail: bi('E-mail 格式不正確', 'Not a valid e-mail address'),
  invalidPhone: bi('電話號碼格式不正確', 'Not a valid phone number'),
  jobChangeAccessWithoutChange: bi(
    '有權限異動日卻沒有職務異動日',
    'An access update date was given without the date of the job change',
  ),
  jobChangesOutOfOrder: bi(
    '職務異動應依日期排列，且同一日僅一筆',
    'Job changes must be in date order, one per day',
  ),
} as const satisfies Record<string, Bilingual>;
export type PeopleMessageKey = keyof typeof PEOPLE_MESSAGES;

const text = (max: number) => z.string().trim().max(max);

/** A national ID or resident certificate number, stored upper case (classifyPersonId). */
export const personIdSchema = z
  .string()
  .trim()
  .transform((value, ctx): PersonId => {
    const result = classifyPersonId(value);
    if (result.kind === 'invalid') {
      ctx.addIssue({
        code: 'custom',
        message: PEOPLE_MESSAGES.invalidPersonId.en,
        params: { messageKey: 'invalidPersonId', reason: result.reason },
      });
      return z.NEVER;
    }
    return result.id;
  });

/** Art. 4 item 5: a change of job, and when the access rights were changed to match. */
export const jobChangeSchema = z.object({
  /** The day the change took effect (異動生效日). */
  on: isoDateSchema,
  /** The previous unit or role, as HR writes it. */
  from: text(200),
  /** The new unit or role. */
  to: text(200),
  /** When the access rights were changed for the new job; null if not (yet) done or unknown. */
  accessUpdatedOn: isoDateSchema.nullable(),
});
export type JobChange = z.infer<typeof jobChangeSchema>;

export const MAX_JOB_CHANGES = 100;

export const personSchema = z
  .object({
    kind: z.enum(PERSON_KINDS),
    /** 員工編號; may be empty for a contractor without one. */
    employeeNo: text(50),
    name: z.string().trim().min(1).max(100),
    /**
     * 身分證字號 / 居留證號. Nullable for anyone: contractors (and foreign staff of vendors) often
     * have none the company holds, and an auditor recording a person by hand need not type it.
     * People are matched by employee number, not by this.
     */
    personId: personIdSchema.nullable(),
    department: text(200),
    title: text(200),
    /** 到職日; required for employees (art. 4 item 1 is tested against it). */
    hireDate: isoDateSchema.nullable(),
    /** 離職日 (the last day, or the day leaving took effect). */
    leftOn: isoDateSchema.nullable(),
    status: z.enum(PERSON_STATUSES),
    jobChanges: z.array(jobChangeSchema).max(MAX_JOB_CHANGES),
    /** The day all system access was disabled or removed on leaving. */
    accessRevokedOn: isoDateSchema.nullable(),
    /** Holds system accounts now: true, false, or null when unknown. */
    holdsSystemAccess: z.boolean().nullable(),
    /** For a contractor: the vendor who placed them (whose outsourcing contract covers them). */
    vendorId: recordIdSchema.nullable(),
    email: text(254),
    phone: text(40),
    note: text(MAX_NOTE),
    source: recordSourceSchema,
    /** Natural key for re-import (`personRowKey`); sealed with the record and compared after decryption, never indexed in clear. */
    rowKey: rowKeySchema(1000),
  })
  .superRefine((person, ctx) => {
    const fail = (path: PropertyKey[], messageKey: PeopleMessageKey) => {
      ctx.addIssue({
        code: 'custom',
        path,
        message: PEOPLE_MESSAGES[messageKey].en,
        params: { messageKey },
      });
    };
    if (person.kind === 'employee') {
      if (person.employeeNo === '') fail(['employeeNo'], 'employeeNoRequired');
      if (person.hireDate === null) fail(['hireDate'], 'hireDateRequired');
    }
    if (person.hireDate !== null && person.leftOn !== null && person.leftOn < person.hireDate) {
      fail(['leftOn'], 'leftBeforeHire');
    }
    if (person.vendorId !== null && person.kind !== 'contractor') {
      fail(['vendorId'], 'vendorOnlyForContractors');
    }
    if (person.email !== '' && !parseEmailValue(person.email).ok) fail(['email'], 'invalidEmail');
    if (person.phone !== '' && !parsePhoneValue(person.phone).ok) fail(['phone'], 'invalidPhone');
    person.jobChanges.forEach((change, i) => {
      const previous = person.jobChanges[i - 1];
      if (previous !== undefined && previous.on >= change.on) {
        fail(['jobChanges', i, 'on'], 'jobChangesOutOfOrder');
      }
    });
  });
export type Person = z.infer<typeof personSchema>;
/** What a form or an import gives the schema (dates and ids not yet branded). */
export type PersonInput = z.input<typeof personSchema>;

// ——— Display ———

/** The contact details as shown by default: ID, phone and e-mail masked. */
export function maskedContact(person: Pick<Person, 'personId' | 'email' | 'phone'>): {
  personId: Masked | null;
  email: Masked;
  phone: Masked;
} {
  return {
    personId: person.personId === null ? null : maskId(person.personId),
    email: (person.email === '' ? '' : maskEmail(person.email)) as Masked,
    phone: (person.phone === '' ? '' : maskPhone(person.phone)) as Masked,
  };
}

/**
 * A leaver as of `asOf`: marked as left, or with a leaving date on or before `asOf` (a roster
 * taken before the last day still says 在職).
 */
export function hasLeft(person: Pick<Person, 'status' | 'leftOn'>, asOf: IsoDate): boolean {
  return person.status === 'left' || (person.leftOn !== null && person.leftOn <= asOf);
}

// ——— Roster import ———

/** Row key fields of a roster: the employee number (HR's own key, stable across exports). */
export const PEOPLE_ROSTER_UNIQUE_KEY = ['employeeNo'] as const;

/**
 * The natural key of a person for re-import: the employee number, or for someone without one
 * the national ID (under a different field name, so the two never collide); null when
 * neither is known (such a person can only be matched by hand).
 */
export function personRowKey(person: Pick<Person, 'employeeNo' | 'personId'>): RowKey | null {
  const byNumber = rowKey({ employeeNo: person.employeeNo }, PEOPLE_ROSTER_UNIQUE_KEY);
  if (byNumber !== null) return byNumber;
  return person.personId === null ? null : rowKey({ personId: person.personId }, ['personId']);
}

const PERSON_KIND_OPTIONS = [
  {
    value: '員工',
    aliases: ['正職', '正式員工', '約聘', '約聘人員', '工讀', '兼職', 'employee', 'staff', 'E'],
  },
  {
    value: '外部人員',
    aliases: [
      '派遣',
      '派遣人員',
      '外包',
      '外包人員',
      '委外',
      '委外人員',
      '駐點',
      '顧問',
      'contractor',
      'agency',
      'C',
    ],
  },
] as const;

const SYSTEM_ACCESS_OPTIONS = [
  {
    value: '有',
    aliases: ['是', 'Y', 'yes', 'true', '啟用', '啟用中', '開通', 'enabled', 'active'],
  },
  {
    value: '無',
    aliases: ['否', 'N', 'no', 'false', '停用', '已停用', '刪除', '已刪除', 'disabled'],
  },
] as const;

/**
 * The roster fields of `shared/import` plus what art. 4 item 5 needs, with the header names
 * Taiwanese HR and IT exports use. All additions are optional.
 */
export const PEOPLE_ROSTER_FIELDS: readonly ImportField[] = [
  ...ROSTER_FIELDS,
  {
    key: 'personKind',
    label: bi('人員類別', 'Kind of person'),
    kind: 'enum',
    required: false,
    aliases: ['員工類別', '人員身分', '僱用類別', '聘用類別', 'Employee Type', 'Worker Type'],
    allowed: PERSON_KIND_OPTIONS,
  },
  {
    key: 'leftOn',
    label: bi('離職日', 'Leaving date'),
    kind: 'date',
    required: false,
    aliases: [
      '離職日期',
      '離職生效日',
      '最後工作日',
      '最後在職日',
      'Termination Date',
      'Last Working Day',
      'Leaving Date',
    ],
  },
  {
    key: 'accessRevokedOn',
    label: bi('權限停用日', 'Access revoked on'),
    kind: 'date',
    required: false,
    aliases: [
      '帳號停用日',
      '帳號停用日期',
      '權限停用日期',
      '權限取消日',
      '帳號刪除日',
      'Account Disabled',
      'Access Revoked',
    ],
  },
  {
    key: 'lastJobChangeOn',
    label: bi('異動日', 'Job change date'),
    kind: 'date',
    required: false,
    aliases: ['異動日期', '調動日期', '調動日', '調職日', '調職日期', 'Transfer Date'],
  },
  {
    key: 'previousDepartment',
    label: bi('原單位', 'Previous unit'),
    kind: 'text',
    required: false,
    aliases: ['原部門', '異動前單位', '異動前部門', '調出單位', 'Previous Dept.', 'From Unit'],
  },
  {
    key: 'jobChangeAccessUpdatedOn',
    label: bi('權限異動日', 'Access changed on'),
    kind: 'date',
    required: false,
    aliases: ['權限異動日期', '權限調整日', '權限變更日', '權限變更日期', 'Access Changed'],
  },
  {
    key: 'systemAccess',
    label: bi('系統帳號', 'Holds system access'),
    kind: 'enum',
    required: false,
    aliases: ['帳號狀態', '系統帳號狀態', '系統權限', 'Account Status', 'System Access'],
    allowed: SYSTEM_ACCESS_OPTIONS,
  },
];

export interface RosterRowOptions {
  /** For rows without 人員類別 (default employee: an HR roster lists employees). */
  defaultKind?: PersonKind;
  /** The header row and mapping, so errors can name the column. */
  columns?: ImportColumns;
}

const ROSTER_FIELD_OF_PATH: Readonly<Record<string, string>> = {
  kind: 'personKind',
  jobChanges: 'lastJobChangeOn',
  holdsSystemAccess: 'systemAccess',
};

function fieldOfPersonPath(path: readonly PropertyKey[]): string | null {
  const head = path[0];
  if (typeof head !== 'string') return null;
  if (head === 'jobChanges' && path[2] === 'accessUpdatedOn') return 'jobChangeAccessUpdatedOn';
  const field = ROSTER_FIELD_OF_PATH[head] ?? head;
  return PEOPLE_ROSTER_FIELDS.some((f) => f.key === field) ? field : null;
}

/**
 * A checked roster row (`validateRows` with `PEOPLE_ROSTER_FIELDS`, best with
 * `uniqueKey: PEOPLE_ROSTER_UNIQUE_KEY`) as a person, or the row's errors with row number and
 * column. Judgement calls: a row without 在職狀態 is 離職 when it has a 離職日, else 在職; a
 * 異動日 becomes one job change from 原單位 to the current unit and title; 系統帳號 (有/無)
 * fills `holdsSystemAccess`, else unknown.
 */
export function rosterRowToPerson(
  row: Pick<ValidRow, 'rowNumber' | 'values'>,
  options: RosterRowOptions = {},
): RowConversion<Person> {
  const values: ImportValues = row.values;
  const get = (key: string): string | null => {
    const value = values[key];
    return value === undefined || value === null || value.trim() === '' ? null : value.trim();
  };
  const columns = options.columns;
  const errors: RowError[] = [];

  const kindText = get('personKind');
  const kind: PersonKind =
    kindText === null
      ? (options.defaultKind ?? 'employee')
      : kindText === '員工'
        ? 'employee'
        : 'contractor';

  const statusText = get('status');
  const leftOn = get('leftOn');
  const status: PersonStatus =
    statusText === null
      ? leftOn === null
        ? 'active'
        : 'left'
      : (ROSTER_STATUS_TO_PERSON[statusText] ?? 'active');

  const changedOn = get('lastJobChangeOn');
  const accessUpdatedOn = get('jobChangeAccessUpdatedOn');
  if (changedOn === null && accessUpdatedOn !== null) {
    errors.push(
      rowError(
        row.rowNumber,
        'jobChangeAccessUpdatedOn',
        accessUpdatedOn,
        PEOPLE_MESSAGES.jobChangeAccessWithoutChange,
        columns,
      ),
    );
  }
  const department = get('department') ?? '';
  const title = get('title') ?? '';
  const jobChanges =
    changedOn === null
      ? []
      : [
          {
            on: changedOn,
            from: get('previousDepartment') ?? '',
            to: [department, title].filter((part) => part !== '').join(' '),
            accessUpdatedOn,
          },
        ];

  const access = get('systemAccess');
  const input: PersonInput = {
    kind,
    employeeNo: get('employeeNo') ?? '',
    name: get('name') ?? '',
    personId: get('personId'),
    department,
    title,
    hireDate: get('hireDate'),
    leftOn,
    status,
    jobChanges,
    accessRevokedOn: get('accessRevokedOn'),
    holdsSystemAccess: access === null ? null : access === '有',
    vendorId: null,
    email: get('email') ?? '',
    phone: get('phone') ?? '',
    note: get('note') ?? '',
    source: 'import',
    rowKey: null,
  };
  const parsed = personSchema.safeParse(input);
  if (!parsed.success) {
    errors.push(
      ...issuesToRowErrors(
        row.rowNumber,
        parsed.error.issues,
        fieldOfPersonPath,
        get,
        columns,
        PEOPLE_MESSAGES,
      ),
    );
  }
  if (errors.length > 0 || !parsed.success) {
    return { ok: false, rowNumber: row.rowNumber, errors };
  }
  const key = personRowKey(parsed.data);
  return { ok: true, rowNumber: row.rowNumber, value: { ...parsed.data, rowKey: key }, key };
}

/**
 * A re-imported roster row over the record already in the register (same row key): HR's
 * fields come from the roster; what the auditor recorded by hand and the roster does not
 * carry is kept — job changes are merged by date (the roster's wins on the same day), and
 * access facts, the vendor link and the note stay unless the roster gives them.
 */
export function mergeRosterPerson(existing: Person, imported: Person): Person {
  const byDate = new Map<string, JobChange>();
  for (const change of existing.jobChanges) byDate.set(change.on, change);
  for (const change of imported.jobChanges) {
    const before = byDate.get(change.on);
    byDate.set(change.on, {
      ...change,
      from: change.from === '' ? (before?.from ?? '') : change.from,
      accessUpdatedOn: change.accessUpdatedOn ?? before?.accessUpdatedOn ?? null,
    });
  }
  const jobChanges = [...byDate.values()]
    .sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0))
    .slice(-MAX_JOB_CHANGES);
  return {
    ...imported,
    personId: imported.personId ?? existing.personId,
    leftOn: imported.leftOn ?? existing.leftOn,
    accessRevokedOn: imported.accessRevokedOn ?? existing.accessRevokedOn,
    holdsSystemAccess: imported.holdsSystemAccess ?? existing.holdsSystemAccess,
    vendorId: existing.vendorId,
    email: imported.email === '' ? existing.email : imported.email,
    phone: imported.phone === '' ? existing.phone : imported.phone,
    note: imported.note === '' ? existing.note : imported.note,
    jobChanges,
    rowKey: imported.rowKey ?? existing.rowKey,
  };
}
