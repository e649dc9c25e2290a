/**
 * Field notes (現場紀錄): what an auditor writes down on site, interviews and observations.
 * Free text often holds names, national IDs and phone numbers, so it is shown masked.
 */
import { z } from 'zod';

export const fieldNoteSchema = z.object({
  title: z.string().trim().min(1).max(200),
  body: z.string().max(20_000),
  /** Calendar date of the observation (ISO), defaulting to the day it was written. */
  observedOn: z.iso.date(),
});
export type FieldNote = z.infer<typeof fieldNoteSchema>;
