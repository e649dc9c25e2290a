import { describe, expect, it } from 'vitest';
import { activityEntrySchema, verifyChain } from '../../domain/activity';
import { engagementSchema } from '../../domain/engagement';
import { evidenceSchema } from '../../domain/evidence';
import { systemSchema } from '../../domain/inspection';
import {
  inspectionSchema,
  storedFindingSchema,
  storedItemResultSchema,
} from '../../domain/inspections';
import { recordMetaSchema } from '../../domain/records';
import { sampleInput } from './factories';

describe('workpaper factories', () => {
  it('produce records the domain schemas accept', async () => {
    const input = await sampleInput();
    expect(() => engagementSchema.parse(input.engagement)).not.toThrow();
    expect(() => inspectionSchema.parse(input.inspection)).not.toThrow();
    for (const record of [
      input.inspection,
      ...input.itemResults,
      ...input.findings,
      ...input.systems,
      ...(input.evidence ?? []),
    ]) {
      expect(() => recordMetaSchema.parse(record)).not.toThrow();
    }
    for (const result of input.itemResults) storedItemResultSchema.parse(result);
    for (const finding of input.findings) storedFindingSchema.parse(finding);
    for (const system of input.systems) systemSchema.parse(system);
    for (const evidence of input.evidence ?? []) evidenceSchema.parse(evidence);
    for (const entry of input.activity) activityEntrySchema.parse(entry);
  });

  it('chain the activity trail', async () => {
    const { activity } = await sampleInput();
    expect((await verifyChain(activity, null)).ok).toBe(true);
  });
});
