import { describe, expect, it } from 'vitest';
import { verifyChain } from '../domain/activity';
import { engagementSchema } from '../domain/engagement';
import { evidenceSchema } from '../domain/evidence';
import { assessmentStatus, systemSchema } from '../domain/inspection';
import {
  inspectionSchema,
  storedFindingSchema,
  storedItemResultSchema,
} from '../domain/inspections';
import { localDateOf, toIsoInstant } from '../domain/dates';
import { isRecordId, recordMetaSchema } from '../domain/records';
import { demoEngagement } from './demo-engagement';

const NOW = new Date('2026-03-04T02:00:00.000Z');

describe('demoEngagement', () => {
  it('is deterministic for a given time', async () => {
    expect(await demoEngagement(NOW)).toEqual(await demoEngagement(NOW));
  });

  it('holds only records that pass their schemas, with unique UUID-shaped ids', async () => {
    const demo = await demoEngagement(NOW);
    expect(engagementSchema.safeParse(demo.engagement).success).toBe(true);
    expect(inspectionSchema.safeParse(demo.inspection).success).toBe(true);
    for (const r of demo.itemResults) expect(storedItemResultSchema.parse(r)).toBeTruthy();
    for (const f of demo.findings) expect(storedFindingSchema.parse(f)).toBeTruthy();
    for (const s of demo.systems) expect(systemSchema.parse(s)).toBeTruthy();
    for (const e of demo.evidence ?? []) expect(evidenceSchema.parse(e)).toBeTruthy();
    const records = [
      demo.inspection,
      ...demo.itemResults,
      ...demo.findings,
      ...demo.systems,
      ...(demo.evidence ?? []),
    ];
    for (const record of records) expect(recordMetaSchema.parse(record)).toBeTruthy();
    const ids = records.map((r) => r.id);
    expect(ids.every(isRecordId)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('has the promised mix of results, findings and systems', async () => {
    const demo = await demoEngagement(NOW);
    const results = demo.itemResults.map((r) => r.result);
    expect(results).toHaveLength(20);
    for (const r of ['compliant', 'partial', 'non-compliant', 'not-applicable'] as const) {
      expect(results).toContain(r);
    }
    expect(demo.findings).toHaveLength(5);
    for (const f of demo.findings) {
      expect([f.title, f.deficiency, f.risk, f.recommendation, f.owner].every(Boolean)).toBe(true);
    }
    expect(new Set(demo.systems.map((s) => s.systemClass))).toEqual(new Set([1, 2, 3]));
    const today = localDateOf(toIsoInstant(NOW));
    const statuses = demo.systems.map((s) => assessmentStatus(s, today).status);
    expect(statuses.filter((s) => s === 'overdue')).toHaveLength(1);
    expect(demo.items.map((i) => i.id)).toEqual(
      expect.arrayContaining(demo.itemResults.map((r) => r.itemId)),
    );
  });

  it('chains its activity trail and covers the year before', async () => {
    const demo = await demoEngagement(NOW);
    expect((await verifyChain(demo.activity, null)).ok).toBe(true);
    expect(demo.activity.length).toBeGreaterThanOrEqual(3);
    expect(demo.inspection.periodStart).toBe('2025-01-01');
    expect(demo.inspection.title).toContain('114 年度');
  });
});
