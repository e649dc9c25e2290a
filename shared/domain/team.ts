/**
 * Team work (issue 11): the lead's bookkeeping of who works on what, which packages went out
 * and came back, and what the merge needs later (the base each hand-out was made from, the
 * provenance and kept losing values of every merged record); in an auditor's vault, where its
 * records came from. All of it is sealed like any record: names of auditors and scopes say
 * something about the engagement.
 */
import { z } from 'zod';
import { recordMergeInfoSchema } from '../merge/types';
import { activityEntrySchema } from './activity';

const NAME = z.string().trim().min(1).max(200);
const UUID = z.uuid();
const ISO = z.iso.datetime();

/** A checklist section or item of one inspection given to one auditor. */
export const assignmentSchema = z.object({
  inspectionId: UUID,
  target: z.object({ kind: z.enum(['section', 'item']), id: z.string().min(1).max(100) }),
  auditor: NAME,
});
export type Assignment = z.infer<typeof assignmentSchema>;

/** One package written for one auditor. */
export const handoutSchema = z.object({
  packageId: UUID,
  /** The `handoutBases` record (and `MergeBase.id`) the package was made from. */
  baseId: UUID,
  auditor: NAME,
  /** The sections and items assigned to the auditor when the package was written. */
  scope: z.array(z.string().min(1).max(100)).max(10_000),
  at: ISO,
  by: NAME,
});
export type Handout = z.infer<typeof handoutSchema>;

export const baseRecordSchema = z.object({
  table: z.string().min(1).max(100),
  id: UUID,
  rev: z.number().int().positive(),
  deleted: z.boolean(),
  data: z.record(z.string(), z.unknown()),
});

/**
 * Every record of the engagement as one hand-out round gave it out (its id is the base id):
 * the merge compares each return against it. One record per round, however many packages.
 */
export const handoutBaseSchema = z.object({
  at: ISO,
  records: z.array(baseRecordSchema),
});
export type HandoutBase = z.infer<typeof handoutBaseSchema>;

/** A return package merged into this vault, recognised by its hash if it comes again. */
export const mergedPackageSchema = z.object({
  packageId: UUID,
  packageHash: z.string().regex(/^[0-9a-f]{64}$/),
  auditor: NAME,
  baseId: UUID,
  mergeId: UUID,
  at: ISO,
  by: NAME,
  /** The auditor's activity trail as the package carried it (its chain checked on merge). */
  trail: z.array(activityEntrySchema).max(100_000),
});
export type MergedPackageRecord = z.infer<typeof mergedPackageSchema>;

/** What the merges recorded on one record (its id is the record's id). */
export const mergeInfoSchema = z.object({
  table: z.string().min(1).max(100),
  info: recordMergeInfoSchema,
});
export type MergeInfoRecord = z.infer<typeof mergeInfoSchema>;

/**
 * In an auditor's vault: the package it was opened from. The base revisions tell what was
 * created, changed or deleted since (`table/id` → revision as received).
 */
export const originSchema = z.object({
  packageId: UUID,
  baseId: UUID,
  engagementId: UUID,
  auditor: NAME,
  lead: NAME,
  scope: z.array(z.string().min(1).max(100)).max(10_000),
  receivedAt: ISO,
  baseRevs: z.record(z.string(), z.number().int().positive()),
  /** Return packages written from this vault, newest last. */
  returned: z.array(z.object({ packageId: UUID, at: ISO })).max(1000),
});
export type Origin = z.infer<typeof originSchema>;
