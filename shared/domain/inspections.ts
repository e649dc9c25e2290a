/**
 * A self-inspection (自行查核) of one period: which version of the checklist library it was
 * instantiated from and the scoping answers that selected its items. Its item results,
 * findings and samples are child records that carry the inspection's id.
 */
import { z } from 'zod';
import { scopingAnswersSchema } from '../catalog/scoping';
import { isoDateSchema } from './dates';
import { findingSchema } from './inspection/findings';
import { itemResultSchema } from './inspection/results';
import { sampleRecordSchema } from './inspection/sampling';
import { isRecordId } from './records';

export const INSPECTION_STATUSES = ['in-progress', 'submitted', 'signed-off'] as const;
export type InspectionStatus = (typeof INSPECTION_STATUSES)[number];

export const inspectionSchema = z
  .object({
    title: z.string().trim().min(1).max(200),
    periodStart: isoDateSchema,
    periodEnd: isoDateSchema,
    /** The checklist library version the items came from, kept for the record. */
    libraryVersion: z.string().min(1).max(50),
    /** Answers to the scoping questions that selected the items. */
    scoping: scopingAnswersSchema,
    status: z.enum(INSPECTION_STATUSES),
  })
  .refine((i) => i.periodStart <= i.periodEnd, {
    message: 'the period must not end before it starts',
    path: ['periodEnd'],
  });
export type Inspection = z.infer<typeof inspectionSchema>;

/** The inspection a child record belongs to. */
const child = z.object({
  inspectionId: z.string().refine(isRecordId, { message: 'must be an inspection id' }),
});

export const storedItemResultSchema = child.and(itemResultSchema);
export type StoredItemResult = z.infer<typeof storedItemResultSchema>;

export const storedFindingSchema = child.and(findingSchema);
export type StoredFinding = z.infer<typeof storedFindingSchema>;

export const storedSampleSchema = child.and(
  sampleRecordSchema.and(
    z.object({
      /** What was sampled, in the auditor's words (e.g. 「113 年度離職員工」). */
      purpose: z.string().trim().min(1).max(500),
      /** Which list the population came from (systems, findings, a pasted list …). */
      populationLabel: z.string().trim().min(1).max(200),
    }),
  ),
);
export type StoredSample = z.infer<typeof storedSampleSchema>;
