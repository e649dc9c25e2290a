/**
 * The register's settings, one record per vault: the form version that is current for each
 * kind of agreement (and any older ones the company still accepts), which documents every
 * employee must have signed, and the days allowed for changing access after someone leaves
 * or changes job (art. 4 item 5 sets no number; the company's procedure does).
 *
 * Versions are compared as text, never ordered: 2024.1, 113年版 and V3 follow no common
 * scheme, so a version is current only when it is the expected one or listed as accepted.
 * Width, case and spaces are ignored (`ｖ３` equals `V3`).
 */
import { z } from 'zod';
import type { Bilingual } from '../../domain/inspection/text';
import { normaliseKeyPart } from '../../import/row-key';
import { AGREEMENT_KIND_INFO, AGREEMENT_KINDS, type AgreementKind } from './agreements';
import { bi } from './support';

export const versionSchema = z.string().trim().min(1).max(50);

/** Two versions are the same when they differ only in width, case or spacing. */
export function sameVersion(a: string, b: string): boolean {
  return normaliseKeyPart(a) === normaliseKeyPart(b);
}

export const CURRENT_VERSIONS_MESSAGES = {
  acceptedRepeatsCurrent: bi(
    '可接受之舊版本不應包含現行版本',
    'The accepted older versions must not repeat the current one',
  ),
  acceptedDuplicate: bi('可接受之舊版本重複', 'An accepted version is listed twice'),
  notForEmployees: bi(
    '此類文件不是由員工簽署',
    'This kind of agreement is not one that employees sign',
  ),
  requiredDuplicate: bi('應簽文件重複', 'A required document is listed twice'),
} as const satisfies Record<string, Bilingual>;
type MessageKey = keyof typeof CURRENT_VERSIONS_MESSAGES;

function issue(path: PropertyKey[], messageKey: MessageKey) {
  return {
    code: 'custom' as const,
    path,
    message: CURRENT_VERSIONS_MESSAGES[messageKey].en,
    params: { messageKey },
  };
}

export const kindVersionsSchema = z
  .object({
    /** The form in use now. */
    current: versionSchema,
    /** Older forms the company still accepts as current (e.g. during a transition). */
    accepted: z.array(versionSchema).max(20),
  })
  .superRefine((versions, ctx) => {
    const seen = new Set<string>();
    versions.accepted.forEach((version, i) => {
      if (sameVersion(version, versions.current)) {
        ctx.addIssue(issue(['accepted', i], 'acceptedRepeatsCurrent'));
      }
      const key = normaliseKeyPart(version);
      if (seen.has(key)) ctx.addIssue(issue(['accepted', i], 'acceptedDuplicate'));
      seen.add(key);
    });
  });
export type KindVersions = z.infer<typeof kindVersionsSchema>;

/**
 * Art. 4 item 1 lists 資訊安全保密切結書、僱傭契約、工作手冊 side by side (「、」 enumerates;
 * the rule does not say 或 "or"), and the checklist tests the undertaking (SR-04-01.1) and the
 * contract and handbook (SR-04-01.2) separately: by default every employee needs all three.
 * A company whose register tracks fewer narrows the list, and the coverage says so.
 */
export const DEFAULT_REQUIRED_FOR_EMPLOYEES: readonly AgreementKind[] = [
  'employee-undertaking',
  'employment-clause',
  'handbook-acknowledgement',
];

/**
 * Days after the leaving date by which access must be revoked. The checklist (SR-04-05.1)
 * asks for revocation by the leaving date; 離職日 is usually the last working day, so access
 * disabled the next day is on time.
 */
export const DEFAULT_LEAVER_GRACE_DAYS = 1;

/**
 * Days after a job change by which access must match the new job. The checklist (SR-04-05.2)
 * defers to the procedure's deadline; a week is a common one, and the severity criteria treat
 * "several weeks" as a deficiency.
 */
export const DEFAULT_JOB_CHANGE_GRACE_DAYS = 7;

const graceDays = z.int().min(0).max(365);

export const currentVersionsSchema = z
  .object({
    /** Kinds without an entry cannot be judged outdated (the coverage lists them). */
    versions: z.partialRecord(z.enum(AGREEMENT_KINDS), kindVersionsSchema).default({}),
    requiredForEmployees: z
      .array(z.enum(AGREEMENT_KINDS))
      .max(AGREEMENT_KINDS.length)
      .default([...DEFAULT_REQUIRED_FOR_EMPLOYEES]),
    leaverGraceDays: graceDays.default(DEFAULT_LEAVER_GRACE_DAYS),
    jobChangeGraceDays: graceDays.default(DEFAULT_JOB_CHANGE_GRACE_DAYS),
  })
  .superRefine((settings, ctx) => {
    const seen = new Set<AgreementKind>();
    settings.requiredForEmployees.forEach((kind, i) => {
      if (AGREEMENT_KIND_INFO[kind].party !== 'person') {
        ctx.addIssue(issue(['requiredForEmployees', i], 'notForEmployees'));
      }
      if (seen.has(kind)) ctx.addIssue(issue(['requiredForEmployees', i], 'requiredDuplicate'));
      seen.add(kind);
    });
  });
export type CurrentVersions = z.infer<typeof currentVersionsSchema>;
export type CurrentVersionsInput = z.input<typeof currentVersionsSchema>;

/** A new vault's settings: no versions yet, the defaults above. */
export function defaultCurrentVersions(): CurrentVersions {
  return currentVersionsSchema.parse({});
}

export type VersionStatus = 'current' | 'accepted' | 'outdated' | 'unknown';

export const VERSION_STATUS_LABELS: Readonly<Record<VersionStatus, Bilingual>> = {
  current: bi('現行版本', 'Current version'),
  accepted: bi('可接受之舊版本', 'Accepted older version'),
  outdated: bi('舊版本', 'Outdated version'),
  unknown: bi('未設定現行版本', 'No current version set'),
};

/**
 * How `version` of an agreement of `kind` stands: the expected version, one of the accepted
 * ones, another (outdated), or unknown when the register sets no version for the kind.
 */
export function versionStatus(
  settings: Pick<CurrentVersions, 'versions'>,
  kind: AgreementKind,
  version: string,
): VersionStatus {
  const expected = settings.versions[kind];
  if (expected === undefined) return 'unknown';
  if (sameVersion(version, expected.current)) return 'current';
  if (expected.accepted.some((accepted) => sameVersion(version, accepted))) return 'accepted';
  return 'outdated';
}
