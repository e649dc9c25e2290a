/**
 * What stands between an inspection and its sign-off: gaps in the working papers that a
 * reviewer would send back. Pure checks over the item results and findings, so the same list
 * drives the progress view, the sign-off gate and the report.
 */
import type { Finding } from './findings';
import { RESULT_LABELS, RESULTS, isDeficientResult, type ItemResult, type Result } from './results';
import type { Bilingual } from './text';

export type InspectionIssueKind =
  | 'item-not-tested'
  | 'duplicate-item-result'
  | 'na-without-reason'
  | 'result-without-work'
  | 'deficient-item-without-finding'
  | 'finding-on-item-without-deficiency'
  | 'finding-missing-risk'
  | 'finding-missing-recommendation'
  | 'finding-missing-owner'
  | 'finding-missing-due-date';

export interface InspectionIssue {
  kind: InspectionIssueKind;
  /** The item concerned (for a finding issue: the item it was raised on, if any). */
  itemId: string | null;
  findingId: string | null;
  message: Bilingual;
}

/** Only what the checks read, so callers can pass stored records as they are. */
export type ItemResultInput = Pick<ItemResult, 'itemId' | 'result' | 'reason' | 'workPerformed'>;
export type FindingInput = Pick<
  Finding,
  'itemId' | 'title' | 'risk' | 'recommendation' | 'owner' | 'dueDate'
> & { id: string };

export interface InspectionIssueOptions {
  /**
   * Every catalog item in scope. When given, an item without any working record is reported as
   * not tested; without it only records whose result is still empty are.
   */
  itemIds?: readonly string[];
}

function itemIssue(kind: InspectionIssueKind, itemId: string, message: Bilingual): InspectionIssue {
  return { kind, itemId, findingId: null, message };
}

function notTested(itemId: string): InspectionIssue {
  return itemIssue('item-not-tested', itemId, {
    'zh-TW': `項目 ${itemId} 尚未填寫查核結果`,
    en: `Item ${itemId} has no result yet`,
  });
}

function checkItem(item: ItemResultInput, findingItemIds: ReadonlySet<string>): InspectionIssue[] {
  const { itemId, result } = item;
  if (result === null) return [notTested(itemId)];
  const issues: InspectionIssue[] = [];
  if (result === 'not-applicable') {
    // For N/A the reason is the working paper; no other procedure is expected.
    if (item.reason.trim() === '') {
      issues.push(
        itemIssue('na-without-reason', itemId, {
          'zh-TW': `項目 ${itemId} 判定為不適用，但未說明理由`,
          en: `Item ${itemId} is marked not applicable without a reason`,
        }),
      );
    }
    return issues;
  }
  const label = RESULT_LABELS[result];
  if (item.workPerformed.trim() === '') {
    issues.push(
      itemIssue('result-without-work', itemId, {
        'zh-TW': `項目 ${itemId} 判定為${label['zh-TW']}，但未記錄執行之查核程序`,
        en: `Item ${itemId} is marked ${label.en.toLowerCase()} but the work performed is not recorded`,
      }),
    );
  }
  if (isDeficientResult(result) && !findingItemIds.has(itemId)) {
    issues.push(
      itemIssue('deficient-item-without-finding', itemId, {
        'zh-TW': `項目 ${itemId} 判定為${label['zh-TW']}，但尚未提出缺失`,
        en: `Item ${itemId} is marked ${label.en.toLowerCase()} but no finding has been raised on it`,
      }),
    );
  }
  return issues;
}

function checkFinding(
  finding: FindingInput,
  resultOf: ReadonlyMap<string, Result | null>,
): InspectionIssue[] {
  const issues: InspectionIssue[] = [];
  const { id: findingId, itemId, title } = finding;
  const add = (kind: InspectionIssueKind, message: Bilingual) => {
    issues.push({ kind, itemId, findingId, message });
  };

  if (itemId !== null) {
    const result = resultOf.get(itemId) ?? null;
    if (!isDeficientResult(result)) {
      const state =
        result === null
          ? { 'zh-TW': '尚無查核結果', en: 'has no result' }
          : {
              'zh-TW': `判定為${RESULT_LABELS[result]['zh-TW']}`,
              en: `is marked ${RESULT_LABELS[result].en.toLowerCase()}`,
            };
      add('finding-on-item-without-deficiency', {
        'zh-TW': `缺失「${title}」係針對項目 ${itemId} 提出，但該項目${state['zh-TW']}；請調整查核結果或缺失`,
        en: `Finding "${title}" is raised on item ${itemId}, which ${state.en}; correct the result or the finding`,
      });
    }
  }

  // 附件二 捌: the report states the risk and a concrete recommendation for every deficiency;
  // follow-up (追蹤覆查) needs someone responsible and a date.
  const missing: [InspectionIssueKind, boolean, Bilingual][] = [
    ['finding-missing-risk', finding.risk.trim() === '', { 'zh-TW': '風險說明', en: 'risk' }],
    [
      'finding-missing-recommendation',
      finding.recommendation.trim() === '',
      { 'zh-TW': '改善建議', en: 'recommendation' },
    ],
    [
      'finding-missing-owner',
      finding.owner.trim() === '',
      { 'zh-TW': '改善負責單位', en: 'owner' },
    ],
    ['finding-missing-due-date', finding.dueDate === null, { 'zh-TW': '改善期限', en: 'due date' }],
  ];
  for (const [kind, isMissing, field] of missing) {
    if (isMissing) {
      add(kind, {
        'zh-TW': `缺失「${title}」未填寫${field['zh-TW']}`,
        en: `Finding "${title}" has no ${field.en}`,
      });
    }
  }
  return issues;
}

/**
 * Everything the auditor must resolve before sign-off, item issues first (in the order given),
 * then finding issues.
 */
export function inspectionIssues(
  itemResults: readonly ItemResultInput[],
  findings: readonly FindingInput[],
  options: InspectionIssueOptions = {},
): InspectionIssue[] {
  const findingItemIds = new Set<string>();
  for (const finding of findings) if (finding.itemId !== null) findingItemIds.add(finding.itemId);

  const issues: InspectionIssue[] = [];
  const resultOf = new Map<string, Result | null>();
  for (const item of itemResults) {
    if (resultOf.has(item.itemId)) {
      // Two records for one item (e.g. after merging two auditors' vaults): which one stands?
      issues.push(
        itemIssue('duplicate-item-result', item.itemId, {
          'zh-TW': `項目 ${item.itemId} 有多筆查核紀錄，請合併為一筆`,
          en: `Item ${item.itemId} has more than one working record; merge them into one`,
        }),
      );
      continue;
    }
    resultOf.set(item.itemId, item.result);
    issues.push(...checkItem(item, findingItemIds));
  }
  for (const itemId of options.itemIds ?? []) {
    if (!resultOf.has(itemId)) issues.push(notTested(itemId));
  }
  for (const finding of findings) issues.push(...checkFinding(finding, resultOf));
  return issues;
}

export interface GroupCompletion {
  group: string;
  /** Items of the group in the catalog. */
  total: number;
  /** Items with a result (any of the four). */
  done: number;
  byResult: Record<Result, number>;
}

function emptyCounts(): Record<Result, number> {
  return Object.fromEntries(RESULTS.map((result) => [result, 0])) as Record<Result, number>;
}

/**
 * Progress per group (e.g. per chapter of the checklist), in the order groups first appear in
 * `items`. Results for items not in `items` are ignored: they belong to another catalog version
 * and are not part of this inspection's scope.
 */
export function completionByGroup<T extends { readonly id: string }>(
  items: readonly T[],
  results: readonly Pick<ItemResult, 'itemId' | 'result'>[],
  groupOf: (item: T) => string,
): GroupCompletion[] {
  const resultOf = new Map<string, Result | null>();
  for (const { itemId, result } of results) resultOf.set(itemId, result);

  const groups = new Map<string, GroupCompletion>();
  for (const item of items) {
    const group = groupOf(item);
    let entry = groups.get(group);
    if (entry === undefined) {
      entry = { group, total: 0, done: 0, byResult: emptyCounts() };
      groups.set(group, entry);
    }
    entry.total += 1;
    const result = resultOf.get(item.id) ?? null;
    if (result !== null) {
      entry.done += 1;
      entry.byResult[result] += 1;
    }
  }
  return [...groups.values()];
}
