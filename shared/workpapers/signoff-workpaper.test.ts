/** A signed workpaper written by exceljs, read back and verified from its own cells. */
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoEngagement } from '../sample/demo-engagement';
import { demoSignoff, type DemoSignoff } from '../sample/demo-signoff';
import { toIsoInstant } from '../domain/dates';
import { fastKdf, must } from '../signoff/testing';
import { buildInspectionWorkbook } from './build-inspection';
import type { WorkpaperMeta } from './meta';
import { readWorkbookCells } from './roundtrip/read-workbook';
import { verifySignedWorkpaper } from './signoff-verify';
import { editWorkbook, gridsOf, verifyBytes } from './testing/verify-bytes';
import { SIGNOFF_LABELS } from './signoff-sheets';
import { writeWorkbook } from './xlsx-write';

const NOW = new Date('2026-03-04T02:00:00.000Z');

describe('signed workpapers', () => {
  let signed: DemoSignoff;
  let bytes: Uint8Array;
  let meta: WorkpaperMeta;
  let demoInput: Parameters<typeof buildInspectionWorkbook>[0];
  beforeAll(async () => {
    const original = await demoEngagement(NOW);
    // One signed field with personal data in it: the workpaper shows it masked.
    const [first, ...rest] = original.itemResults;
    const demo = {
      ...original,
      itemResults: [
        { ...must(first), workPerformed: `${must(first).workPerformed}（受訪者 A123456789）` },
        ...rest,
      ],
    };
    signed = await demoSignoff(demo, NOW, { kdf: fastKdf });
    const built = await buildInspectionWorkbook(
      {
        ...signed.demo,
        signoff: {
          policy: signed.policy,
          signoffs: signed.signoffs,
          unlocks: [],
          signers: signed.trusted,
        },
        appVersion: '0.1.0',
        generatedAt: toIsoInstant(NOW),
      },
      { lang: 'zh-TW', calendar: 'roc', includePersonalData: false },
    );
    meta = built.meta;
    demoInput = {
      ...signed.demo,
      signoff: {
        policy: signed.policy,
        signoffs: signed.signoffs,
        unlocks: [],
        signers: signed.trusted,
      },
      appVersion: '0.1.0',
      generatedAt: toIsoInstant(NOW),
    };
    bytes = await writeWorkbook(built.spec);
  }, 120_000);

  it('verifies every sign-off from the cells as written', async () => {
    const { result } = await verifyBytes(bytes, signed.trusted);
    expect(result.problems).toEqual([]);
    expect(result.signoffs).toHaveLength(signed.signoffs.length);
    expect(new Set(result.signoffs.map((s) => s.status))).toEqual(new Set(['valid']));
    // The masked national ID: checked against its commitment, its salt never written.
    expect(result.commitmentOnly).toBe(1);
    const masked = must(meta.signing?.signed.find((e) => 'commitment' in e.text.workPerformed));
    expect(masked.itemId).toBe(
      must(meta.rows.find((r) => r.table === 'itemResults' && r.id !== null)).key,
    );
    expect(meta.signing?.signoffs.every((s) => s.content === undefined)).toBe(true);
  });

  it('shows each inspection sign-off on the cover and every sign-off on its sheet', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.slice().buffer);
    const cover = must(wb.worksheets[0]);
    const texts: string[] = [];
    cover.eachRow((row) => texts.push(row.getCell(2).text));
    for (const person of signed.signers) {
      expect(
        texts.some(
          (t) =>
            t.includes(person.identity.name) &&
            t.includes(person.identity.fingerprint) &&
            t.includes('有效'),
        ),
      ).toBe(true);
    }
    expect(texts.some((t) => t.includes('民國'))).toBe(true);
    const sheet = must(wb.getWorksheet(SIGNOFF_LABELS.sheet['zh-TW']));
    expect(sheet.rowCount).toBe(signed.signoffs.length + 1);
  });

  it('refuses a commitment given for a cell that shows no masking (a swapped salt)', async () => {
    const { meta, result: before } = await verifyBytes(bytes);
    expect(before.problems).toEqual([]);
    const signing = must(meta.signing);
    const entry = must(signing.signed.find((e) => 'salt' in e.text.reason));
    entry.text.reason = { commitment: 'a'.repeat(64) };
    const sheets = await readWorkbookCells(bytes);
    const grids = gridsOf(sheets, meta);
    const result = await verifySignedWorkpaper(meta, grids, null);
    expect(result.problems).toContain(
      `item ${entry.itemId}.reason: shown unmasked but only its commitment is given`,
    );
  });

  it('names the item whose cell was edited after signing', async () => {
    const { meta } = await verifyBytes(bytes);
    const entry = must(meta.rows.find((r) => r.table === 'itemResults' && r.id !== null));
    const changed = await editWorkbook(bytes, (wb) => {
      const ws = must(wb.getWorksheet(entry.sheet));
      ws.getCell(entry.row, 6).value = '不符合';
    });
    const { result } = await verifyBytes(changed);
    const altered = result.signoffs.filter((s) => s.status === 'altered');
    expect(altered.map((s) => s.subject)).toContain(`item:${entry.key}`);
    expect(result.problems.some((p) => p.includes(entry.key))).toBe(true);
    // The inspection's digest covers every item's, so it no longer holds either.
    expect(altered.some((s) => s.subject === 'inspection')).toBe(true);

    // The masked cell rewritten without its mask: named too, though only its commitment is signed.
    const unmasked = await editWorkbook(bytes, (wb) => {
      must(wb.getWorksheet(entry.sheet)).getCell(entry.row, 8).value = '改過的查核工作';
    });
    const second = await verifyBytes(unmasked);
    expect(second.result.problems).toContain(
      `item ${entry.key}.workPerformed: shown unmasked but only its commitment is given`,
    );
  });

  it('exports a sign-off made stale in the vault with what it signed, and says what changed since', async () => {
    const finding = must(demoInput.findings.find((f) => f.itemId !== null));
    const edited = {
      ...demoInput,
      findings: demoInput.findings.map((f) =>
        f.id === finding.id
          ? ({ ...f, severity: f.severity === 'low' ? 'high' : 'low' } as const)
          : f,
      ),
    };
    const built = await buildInspectionWorkbook(edited, {
      lang: 'en',
      calendar: 'iso',
      includePersonalData: true,
    });
    const stale = must(built.meta.signing).signoffs.filter((s) => s.content !== undefined);
    expect(stale.length).toBe(6); // the item's three levels and the inspection's
    const { result } = await verifyBytes(await writeWorkbook(built.spec), signed.trusted);
    const item = result.signoffs.filter((s) => s.subject === `item:${must(finding.itemId)}`);
    expect(item.map((s) => s.status)).toEqual(['stale', 'stale', 'stale']);
    expect(must(item[0]).changed).toEqual([`finding ${finding.id}.severity`]);
    const inspection = result.signoffs.filter((s) => s.subject === 'inspection');
    expect(must(inspection[0]).changed).toEqual([`item ${must(finding.itemId)}`]);
    expect(result.problems).toHaveLength(6);
    // With personal data included, every text is revealed by its salt.
    expect(result.commitmentOnly).toBe(0);
  });
});
