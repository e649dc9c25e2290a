/**
 * Test-only: verifies a signed workpaper's bytes as `audit-workbench verify` does (the meta
 * sheet read back, every listed sheet as a grid of values), and edits a cell of a copy.
 */
import ExcelJS from 'exceljs';
import type { TrustedSigner } from '../../signoff/records';
import { META_SHEET_NAME, readWorkpaperMeta, type WorkpaperMeta } from '../meta';
import { plainGrid, readWorkbookCells } from '../roundtrip/read-workbook';
import { verifySignedWorkpaper } from '../signoff-verify';

/** Each sheet the meta lists, as the grid of values a reader gets. */
export function gridsOf(
  sheets: Awaited<ReturnType<typeof readWorkbookCells>>,
  meta: WorkpaperMeta,
) {
  return new Map(
    meta.sheets.map((e) => {
      const sheet = sheets.find((s) => s.name === e.name);
      return [e.name, sheet === undefined ? null : plainGrid(sheet, e.columns.length)];
    }),
  );
}

/** The meta sheet read back, and each sheet it lists as a grid of values. */
export async function readMetaAndGrids(bytes: Uint8Array) {
  const sheets = await readWorkbookCells(bytes);
  const metaSheet = sheets.find((s) => s.name === META_SHEET_NAME);
  if (metaSheet === undefined) throw new Error('no meta sheet');
  const reading = await readWorkpaperMeta(plainGrid(metaSheet, 2));
  if (!reading.ok) throw new Error(reading.problem);
  return { meta: reading.meta, grids: gridsOf(sheets, reading.meta) };
}

export async function verifyBytes(
  bytes: Uint8Array,
  signers: readonly TrustedSigner[] | null = null,
) {
  const { meta, grids } = await readMetaAndGrids(bytes);
  return { meta, result: await verifySignedWorkpaper(meta, grids, signers) };
}

/** A copy of the workbook with `change` applied, written again by exceljs. */
export async function editWorkbook(
  bytes: Uint8Array,
  change: (wb: ExcelJS.Workbook) => void,
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.slice().buffer);
  change(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
