/** What the merge says when it refuses a package, an input or a decision, in both languages. */
import { bi, type Bilingual } from '../domain/inspection/text';
import type { PackageProblem } from './types';

export const PACKAGE_PROBLEMS = {
  otherBase: (baseId: string, expected: string): Bilingual =>
    bi(
      `此繳回檔案係由另一次分派（${baseId}）產生，不是本次合併的分派（${expected}）；請以其對應的分派另行合併。`,
      `This return was made from another hand-out (${baseId}), not the one being merged (${expected}); merge it against its own hand-out.`,
    ),
  reissued: (packageId: string): Bilingual =>
    bi(
      `繳回檔案 ${packageId} 先前已以不同的內容合併過（雜湊值不符），可能遭修改或重新產生。`,
      `Return package ${packageId} was merged before with different content (its hash differs): it may have been altered or written again.`,
    ),
  unknownTable: (table: string): Bilingual =>
    bi(`含有不明的資料表「${table}」。`, `It holds records of an unknown table "${table}".`),
  recordTwice: (table: string, id: string): Bilingual =>
    bi(`同一筆紀錄（${table}/${id}）出現兩次。`, `The same record (${table}/${id}) appears twice.`),
  baseRevMismatch: (table: string, id: string, claimed: number, base: number | null): Bilingual =>
    bi(
      `紀錄 ${table}/${id} 聲稱由第 ${claimed} 版修改，但分派時為${base === null ? '不存在' : `第 ${base} 版`}。`,
      `Record ${table}/${id} claims to start from revision ${claimed}, but the hand-out had ${base === null ? 'no such record' : `revision ${base}`}.`,
    ),
  createdExists: (table: string, id: string): Bilingual =>
    bi(
      `紀錄 ${table}/${id} 標示為新增，但分派時已存在。`,
      `Record ${table}/${id} is marked as created, but the hand-out already had it.`,
    ),
  invalidRecord: (table: string, id: string, detail: string): Bilingual =>
    bi(
      `紀錄 ${table}/${id} 不符合資料規則：${detail}`,
      `Record ${table}/${id} breaks the record's rules: ${detail}`,
    ),
} as const;

export function problem(
  code: PackageProblem['code'],
  text: Bilingual,
  where?: { table: string; id: string },
): PackageProblem {
  return where ? { code, text, table: where.table, id: where.id } : { code, text };
}

/** A merge input that cannot be merged at all (not one package's fault). */
export class MergeInputError extends Error {
  override name = 'MergeInputError';
  constructor(
    readonly code: 'current-missing' | 'duplicate-record',
    readonly text: Bilingual,
  ) {
    super(text.en);
  }
}

export const INPUT_ERRORS = {
  currentMissing: (table: string, id: string): Bilingual =>
    bi(
      `分派時的紀錄 ${table}/${id} 在主管的案件庫中找不到（連刪除標記也沒有）。`,
      `Record ${table}/${id} of the hand-out is not in the lead's vault (not even as a deletion).`,
    ),
  duplicateRecord: (where: string, table: string, id: string): Bilingual =>
    bi(
      `${where === 'base' ? '分派' : '案件庫'}中紀錄 ${table}/${id} 出現兩次。`,
      `Record ${table}/${id} appears twice in the ${where === 'base' ? 'hand-out' : 'vault'}.`,
    ),
} as const;

/** One reason the decisions cannot be applied. */
export interface DecisionProblem {
  code:
    | 'open-conflict'
    | 'unknown-conflict'
    | 'unknown-option'
    | 'edit-not-allowed'
    | 'unknown-duplicate'
    | 'keep-not-in-group'
    | 'invalid-result';
  /** The conflict, duplicate group or record concerned. */
  ref: string;
  text: Bilingual;
}

/** The decisions leave a conflict open, name something the plan lacks, or give an invalid record. */
export class MergeDecisionError extends Error {
  override name = 'MergeDecisionError';
  readonly text: Bilingual;
  constructor(readonly problems: readonly DecisionProblem[]) {
    const first = problems[0]?.text ?? bi('', '');
    const more = problems.length > 1 ? problems.length - 1 : 0;
    const text = bi(
      `${first['zh-TW']}${more > 0 ? `（另有 ${more} 項）` : ''}`,
      `${first.en}${more > 0 ? ` (and ${more} more)` : ''}`,
    );
    super(text.en);
    this.text = text;
  }
}

export const DECISION_PROBLEMS = {
  openConflict: (id: string): Bilingual =>
    bi(`衝突 ${id} 尚未決定。`, `Conflict ${id} is not decided yet.`),
  unknownConflict: (id: string): Bilingual =>
    bi(`此合併計畫沒有衝突 ${id}。`, `This merge plan has no conflict ${id}.`),
  unknownOption: (id: string, option: string): Bilingual =>
    bi(`衝突 ${id} 沒有選項「${option}」。`, `Conflict ${id} has no option "${option}".`),
  editNotAllowed: (id: string): Bilingual =>
    bi(
      `衝突 ${id} 是刪除與修改的衝突，只能選擇保留刪除或保留紀錄。`,
      `Conflict ${id} is a deletion against an edit: keep the deletion or keep the record.`,
    ),
  unknownDuplicate: (id: string): Bilingual =>
    bi(`此合併計畫沒有疑似重複群組 ${id}。`, `This merge plan has no duplicate group ${id}.`),
  keepNotInGroup: (id: string, keep: string): Bilingual =>
    bi(
      `要保留的紀錄 ${keep} 不在疑似重複群組 ${id} 中，或已刪除。`,
      `The record to keep, ${keep}, is not a live member of duplicate group ${id}.`,
    ),
  invalidResult: (table: string, id: string, detail: string): Bilingual =>
    bi(
      `合併後的紀錄 ${table}/${id} 不符合資料規則：${detail}`,
      `The merged record ${table}/${id} breaks the record's rules: ${detail}`,
    ),
} as const;
