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
import { agreementSchema } from '../registers/agreements/agreements';
import { computeCoverage } from '../registers/agreements/coverage';
import { personSchema } from '../registers/agreements/people';
import { vendorSchema } from '../registers/agreements/vendors';
import { disposalRecordSchema } from '../registers/disposal/disposal';
import { disposalFlags } from '../registers/disposal/flags';
import { policyReviewSchema, reviewGaps } from '../registers/policies/review';
import { buildInspectionWorkbook } from '../workpapers';
import { vendorNdaChecker } from '../registers/vendor-nda';
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
    const { registers } = demo;
    // Parsing again gives the same record: what load-demo writes is what the schemas keep.
    const same = <T>(schema: { parse: (v: unknown) => T }, record: T) => {
      const {
        id: _id,
        rev: _rev,
        updatedAt: _at,
        updatedBy: _by,
        deleted: _d,
        ...data
      } = record as Record<string, unknown>;
      expect(schema.parse(data)).toEqual(data);
    };
    for (const p of registers.people) same(personSchema, p);
    for (const v of registers.vendors) same(vendorSchema, v);
    for (const a of registers.agreements) same(agreementSchema, a);
    for (const r of registers.disposals) same(disposalRecordSchema, r);
    for (const r of registers.policyReviews) same(policyReviewSchema, r);
    const records = [
      demo.inspection,
      ...demo.itemResults,
      ...demo.findings,
      ...demo.systems,
      ...(demo.evidence ?? []),
      ...registers.people,
      ...registers.vendors,
      ...registers.agreements,
      ...registers.disposals,
      ...registers.policyReviews,
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

  it('has registers with something on every register sheet', async () => {
    const demo = await demoEngagement(NOW);
    const today = localDateOf(toIsoInstant(NOW));
    const { registers } = demo;
    expect(registers.people).toHaveLength(10);
    expect(registers.vendors).toHaveLength(2);
    const coverage = computeCoverage({ ...registers, asOf: today });
    const kinds = coverage.gaps.map((g) => [g.kind, g.party.name]);
    expect(kinds).toEqual(
      expect.arrayContaining([
        ['unsigned', '李佳穎'],
        ['outdated-version', '陳志豪'],
        ['vendor-unsigned', '雲橋數位科技有限公司'],
        ['leaver-with-access', '張家豪'],
      ]),
    );
    // The leaver's gap is linked to the finding on late revocations.
    const raised = Object.values(registers.raisedGaps);
    expect(raised).toHaveLength(1);
    expect(demo.findings.find((f) => f.id === raised[0])?.itemId).toBe('SR-04-05.1');
    expect(registers.agreements.some((a) => a.signature !== null)).toBe(true);
    const evidenceIds = new Set((demo.evidence ?? []).map((e) => e.id));
    for (const id of [
      ...registers.agreements.map((a) => a.attachmentId),
      ...registers.disposals.map((r) => r.certificateId),
      ...registers.policyReviews.map((r) => r.document?.attachmentId ?? null),
    ]) {
      if (id !== null) expect(evidenceIds.has(id)).toBe(true);
    }

    expect(registers.disposals).toHaveLength(5);
    const ctx = {
      asOf: today,
      vendorHasNda: vendorNdaChecker(registers.vendors, registers.agreements),
    };
    const flags = registers.disposals.flatMap((r) => disposalFlags(r, ctx).map((f) => f.kind));
    expect(flags.sort()).toEqual(['method-unsuitable', 'no-verification']);
    expect(
      registers.disposals.some((r) => r.mediaType === 'ssd' && r.technique === 'degauss'),
    ).toBe(true);

    const [review] = registers.policyReviews;
    expect(review?.kind).toBe('byod');
    expect(
      review === undefined ? [] : reviewGaps(review).map((g) => [g.reason, g.element.id]),
    ).toEqual([['missing', 'byod.user-management']]);

    const built = await buildInspectionWorkbook(
      { ...demo, appVersion: '0.0.0', generatedAt: toIsoInstant(NOW) },
      { lang: 'zh-TW', calendar: 'roc', includePersonalData: false },
    );
    const rows = new Map(built.spec.sheets.map((sheet) => [sheet.name, sheet.rows.length]));
    expect(rows.get('保密協議')).toBe(registers.agreements.length);
    expect(rows.get('覆蓋缺口')).toBe(4);
    expect(rows.get('設備報廢')).toBe(5);
    expect(rows.get('政策審閱')).toBe(5);
    expect(JSON.stringify(built.spec)).not.toContain('F223456786');
  });
});
