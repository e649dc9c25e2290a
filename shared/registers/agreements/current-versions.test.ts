import { describe, expect, it } from 'vitest';
import {
  CURRENT_VERSIONS_MESSAGES,
  currentVersionsSchema,
  DEFAULT_JOB_CHANGE_GRACE_DAYS,
  DEFAULT_LEAVER_GRACE_DAYS,
  DEFAULT_REQUIRED_FOR_EMPLOYEES,
  defaultCurrentVersions,
  sameVersion,
  versionStatus,
} from './current-versions';

describe('currentVersionsSchema', () => {
  it('fills the defaults for a new vault', () => {
    expect(defaultCurrentVersions()).toEqual({
      versions: {},
      requiredForEmployees: [...DEFAULT_REQUIRED_FOR_EMPLOYEES],
      leaverGraceDays: DEFAULT_LEAVER_GRACE_DAYS,
      jobChangeGraceDays: DEFAULT_JOB_CHANGE_GRACE_DAYS,
    });
    expect(DEFAULT_REQUIRED_FOR_EMPLOYEES).toEqual([
      'employee-undertaking',
      'employment-clause',
      'handbook-acknowledgement',
    ]);
  });

  it('accepts versions for some kinds only', () => {
    const settings = currentVersionsSchema.parse({
      versions: { 'employee-undertaking': { current: '2024.1', accepted: ['2023.2'] } },
    });
    expect(settings.versions['employee-undertaking']?.current).toBe('2024.1');
    expect(settings.versions['outsourcing-clause']).toBeUndefined();
  });

  it('refuses an accepted version that repeats the current one, or itself, with its index', () => {
    const parsed = currentVersionsSchema.safeParse({
      versions: {
        'employee-undertaking': { current: 'V3', accepted: ['v3', '2023', ' 2023 '] },
      },
    });
    expect(parsed.error?.issues.map((issue) => [issue.path, issue.message])).toEqual([
      [
        ['versions', 'employee-undertaking', 'accepted', 0],
        CURRENT_VERSIONS_MESSAGES.acceptedRepeatsCurrent.en,
      ],
      [
        ['versions', 'employee-undertaking', 'accepted', 2],
        CURRENT_VERSIONS_MESSAGES.acceptedDuplicate.en,
      ],
    ]);
  });

  it('refuses unknown kinds, vendor kinds as employee requirements, and repeats', () => {
    expect(
      currentVersionsSchema.safeParse({ versions: { 'nda-2': { current: '1', accepted: [] } } })
        .success,
    ).toBe(false);
    const parsed = currentVersionsSchema.safeParse({
      requiredForEmployees: ['employee-undertaking', 'outsourcing-clause', 'employee-undertaking'],
    });
    expect(parsed.error?.issues.map((issue) => [issue.path, issue.message])).toEqual([
      [['requiredForEmployees', 1], CURRENT_VERSIONS_MESSAGES.notForEmployees.en],
      [['requiredForEmployees', 2], CURRENT_VERSIONS_MESSAGES.requiredDuplicate.en],
    ]);
  });

  it('bounds the grace periods to whole days from 0 to 365', () => {
    expect(currentVersionsSchema.safeParse({ leaverGraceDays: 0 }).success).toBe(true);
    expect(currentVersionsSchema.safeParse({ leaverGraceDays: -1 }).error?.issues[0]?.path).toEqual(
      ['leaverGraceDays'],
    );
    expect(
      currentVersionsSchema.safeParse({ jobChangeGraceDays: 1.5 }).error?.issues[0]?.path,
    ).toEqual(['jobChangeGraceDays']);
  });
});

describe('versionStatus', () => {
  const settings = currentVersionsSchema.parse({
    versions: {
      'employee-undertaking': { current: '2024.1', accepted: ['2023.2'] },
      'outsourcing-clause': { current: '113年版', accepted: [] },
    },
  });

  it('treats the expected version as current and the accepted ones as accepted', () => {
    expect(versionStatus(settings, 'employee-undertaking', '2024.1')).toBe('current');
    expect(versionStatus(settings, 'employee-undertaking', '２０２４.１ ')).toBe('current');
    expect(versionStatus(settings, 'employee-undertaking', '2023.2')).toBe('accepted');
    expect(versionStatus(settings, 'outsourcing-clause', '113 年版')).toBe('outdated');
  });

  it('does not guess an order: any other version is outdated, even a "later" one', () => {
    expect(versionStatus(settings, 'employee-undertaking', '2025.1')).toBe('outdated');
    expect(versionStatus(settings, 'employee-undertaking', '2022.1')).toBe('outdated');
    expect(versionStatus(settings, 'employee-undertaking', '2024.10')).toBe('outdated');
  });

  it('cannot judge a kind without an expected version', () => {
    expect(versionStatus(settings, 'handbook-acknowledgement', 'anything')).toBe('unknown');
  });

  it('compares versions ignoring width, case and spacing only', () => {
    expect(sameVersion('V3', 'ｖ３')).toBe(true);
    expect(sameVersion('Rev  A', 'rev a')).toBe(true);
    expect(sameVersion('3', '3.0')).toBe(false);
  });
});
