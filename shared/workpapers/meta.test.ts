import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../domain/canonical-json';
import { asIsoDate, asIsoInstant } from '../domain/dates';
import type { CellValue, ColumnSpec } from './model';
import {
  META_FORMAT,
  META_FORMAT_VERSION,
  contentHashOf,
  metaRows,
  readWorkpaperMeta,
  rowHashes,
  sheetHash,
  sheetLinesJson,
  type WorkpaperHeader,
  type WorkpaperMeta,
} from './meta';

const HASH = 'f'.repeat(64);

async function sampleMeta(): Promise<WorkpaperMeta> {
  const header: WorkpaperHeader = {
    format: META_FORMAT,
    version: META_FORMAT_VERSION,
    kind: 'inspection',
    inspectionId: '0195a1b2-0000-7000-8000-000000000001',
    inspectionRev: 3,
    libraryVersion: '2016.12-1',
    lang: 'zh-TW',
    calendar: 'roc',
    includePersonalData: false,
    generatedAt: asIsoInstant('2025-03-04T16:30:00.000Z'),
    asOf: asIsoDate('2025-03-05'),
    appVersion: '0.1.0',
  };
  const sheets = [
    {
      name: '查核項目',
      role: 'checklist' as const,
      columns: [
        { key: 'itemId', editable: false },
        { key: 'result', editable: true },
      ],
      hashedRows: 1,
      hash: HASH,
    },
  ];
  const rows = [
    {
      sheet: '查核項目',
      row: 2,
      table: 'itemResults' as const,
      id: '0195a1b2-0000-7000-8000-000000000002',
      rev: 4,
      key: 'SR-04-01.1',
      lockedHash: HASH,
      editableHash: HASH,
    },
  ];
  const contentHash = await contentHashOf({ header, sheets, rows });
  return { header, sheets, rows, contentHash };
}

/** The meta sheet as a reader sees it: the header row, then the entries. */
function cells(meta: WorkpaperMeta): unknown[][] {
  return [['kind', 'value'], ...metaRows(meta)];
}

describe('readWorkpaperMeta', () => {
  it('reads back what metaRows wrote', async () => {
    const meta = await sampleMeta();
    const reading = await readWorkpaperMeta(cells(meta), {
      inspectionId: meta.header.inspectionId,
    });
    expect(reading).toEqual({ ok: true, meta });
  });

  it('ignores empty trailing cells and rows a reader may add', async () => {
    const meta = await sampleMeta();
    const padded = cells(meta).map((row) => [...row, null]);
    padded.splice(-1, 0, [null, null]);
    expect((await readWorkpaperMeta(padded)).ok).toBe(true);
  });

  it('refuses a sheet that is not ours', async () => {
    for (const sheet of [
      [],
      [['a', 'b']],
      [
        ['kind', 'value'],
        ['header', '{"format":"x"}'],
      ],
    ]) {
      const reading = await readWorkpaperMeta(sheet);
      expect(reading).toMatchObject({ ok: false, problem: 'not-a-workpaper' });
    }
  });

  it('refuses another format version, in words the user can act on', async () => {
    const meta = await sampleMeta();
    const rows = cells(meta);
    rows[1] = ['header', canonicalJson({ ...meta.header, version: 2 })];
    const reading = await readWorkpaperMeta(rows);
    expect(reading).toMatchObject({ ok: false, problem: 'unsupported-version' });
    if (!reading.ok) expect(reading.message['zh-TW']).toContain('版本');
  });

  it('refuses an altered revision, record id, row number or hash', async () => {
    const meta = await sampleMeta();
    const [row] = meta.rows;
    if (row === undefined) throw new Error('no row');
    const edits = [
      { ...row, rev: 5 },
      { ...row, id: '0195a1b2-0000-7000-8000-000000000009' },
      { ...row, row: 3 },
      { ...row, editableHash: 'e'.repeat(64) },
    ];
    for (const edited of edits) {
      const rows = cells(meta);
      rows[3] = ['row', canonicalJson(edited)];
      expect(await readWorkpaperMeta(rows)).toMatchObject({ ok: false, problem: 'altered' });
    }
  });

  it('refuses an altered header or content hash', async () => {
    const meta = await sampleMeta();
    const rows = cells(meta);
    rows[1] = ['header', canonicalJson({ ...meta.header, includePersonalData: true })];
    expect(await readWorkpaperMeta(rows)).toMatchObject({ ok: false, problem: 'altered' });

    const rehashed = cells(meta);
    rehashed[rehashed.length - 1] = ['contentHash', '0'.repeat(64)];
    expect(await readWorkpaperMeta(rehashed)).toMatchObject({ ok: false, problem: 'altered' });
  });

  it('refuses a removed row entry', async () => {
    const rows = cells(await sampleMeta());
    rows.splice(3, 1);
    expect(await readWorkpaperMeta(rows)).toMatchObject({ ok: false, problem: 'altered' });
  });

  it('refuses malformed entries', async () => {
    const meta = await sampleMeta();
    const variants: unknown[][][] = [
      [...cells(meta).slice(0, -1)], // no content hash
      [...cells(meta).slice(0, 3), ['row', '{not json'], ...cells(meta).slice(4)],
      [...cells(meta).slice(0, 3), ['row', '{"sheet":"x"}'], ...cells(meta).slice(4)],
      [...cells(meta).slice(0, 3), ['surprise', 'x'], ...cells(meta).slice(3)],
      [...cells(meta), ['row', canonicalJson(meta.rows[0])]], // after the content hash
      [...cells(meta).slice(0, -1), ['contentHash', 'not hex']],
      [
        ['kind', 'value'],
        ['header', canonicalJson({ ...meta.header, lang: 'fr' })],
      ],
    ];
    for (const rows of variants) {
      expect(await readWorkpaperMeta(rows)).toMatchObject({ ok: false, problem: 'malformed' });
    }
  });

  it("refuses another inspection's workpaper", async () => {
    const meta = await sampleMeta();
    const reading = await readWorkpaperMeta(cells(meta), {
      inspectionId: '0195a1b2-0000-7000-8000-00000000ffff',
    });
    expect(reading).toMatchObject({ ok: false, problem: 'other-inspection' });
  });
});

describe('hashes', () => {
  const columns: ColumnSpec[] = [
    { key: 'id', header: '編號', width: 10 },
    { key: 'result', header: '結果', width: 10, editable: true },
    { key: 'notes', header: '備註', width: 10, editable: true },
  ];
  const row: CellValue[] = ['A-1', '符合', { text: '說明' }];

  it('separate locked from editable cells', async () => {
    const before = await rowHashes(columns, row);
    const editedResult = await rowHashes(columns, ['A-1', '不符合', { text: '說明' }]);
    const editedId = await rowHashes(columns, ['A-2', '符合', { text: '說明' }]);
    expect(editedResult.lockedHash).toBe(before.lockedHash);
    expect(editedResult.editableHash).not.toBe(before.editableHash);
    expect(editedId.lockedHash).not.toBe(before.lockedHash);
    expect(editedId.editableHash).toBe(before.editableHash);
  });

  it('treat user text like plain text and missing cells like empty ones', async () => {
    expect(await rowHashes(columns, ['A-1', '符合', '說明'])).toEqual(
      await rowHashes(columns, row),
    );
    expect(await rowHashes(columns, ['A-1'])).toEqual(
      await rowHashes(columns, ['A-1', null, null]),
    );
  });

  it('cover the header row only when there is one', async () => {
    const withHeader = await sheetHash(columns, [row]);
    const without = await sheetHash(null, [row]);
    expect(withHeader).not.toBe(without);
    expect(await sheetHash(null, [row])).toBe(without);
  });
});

describe('sheetLinesJson', () => {
  it('writes exactly what canonicalJson writes for sheet lines', () => {
    const lines = [
      ['項次', 'Header "quoted"', 'a\\b', 'line\nbreak\ttab', '\u0001', '\ud800', '😀', ''],
      [1, -0, 0.1, 1e21, 123456789012, -5.5, true, false, null],
      [{ date: '2025-03-05' }, null, '=HYPERLINK("x")', '＝１', '\u2028'],
      [],
    ];
    expect(sheetLinesJson(lines)).toBe(canonicalJson(lines));
    expect(sheetLinesJson([])).toBe(canonicalJson([]));
  });

  it('refuses what canonicalJson refuses', () => {
    expect(() => sheetLinesJson([[Number.NaN]])).toThrow(/is NaN/);
    expect(() => sheetLinesJson([[{ date: 1 } as unknown as { date: string }]])).not.toThrow();
    expect(sheetLinesJson([[{ date: 1 } as unknown as { date: string }]])).toBe('[[{"date":1}]]');
  });
});
