/**
 * The check every .xlsx gets before exceljs sees it (`xlsx-read.ts` calls it): every part is
 * inflated once through `CheckedZip` (bytes counted against the budget while inflating, CRC
 * checked), and the parts exceljs would parse as worksheets are scanned as they inflate
 * (`WorksheetScan`: rows, columns, cells, expanded ranges), as are the workbook's defined
 * names. Nothing inflated is kept but the two small workbook parts: memory stays at one chunk.
 * exceljs then reads the same bytes, which `openCheckedZip` made sure it cannot see otherwise.
 */
import type { CheckedZip } from './checked-zip';
import { MAX_CELLS } from './limits';
import { CellBudget, checkRange, decodeRange, rangeArea, WorksheetScan } from './worksheet-scan';
import { unescapeXml } from './xml-text';

/** The parts exceljs 4.4.0 parses as worksheets: its own pattern, unanchored as it is there. */
export const EXCELJS_WORKSHEET_PART = /xl\/worksheets\/sheet(\d+)[.]xml/;

const WORKBOOK = 'xl/workbook.xml';
const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels';
/** Defined names exceljs keeps as page setup instead of expanding them. */
const NOT_EXPANDED = new Set(['_xlnm.Print_Area', '_xlnm.Print_Titles']);

export interface XlsxCheck {
  /** Worksheet name by part name, from the workbook and its relationships. */
  sheetOfPart: ReadonlyMap<string, string>;
  unpackedBytes: number;
  cells: number;
}

function attributesOf(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    out[m[1] ?? ''] = unescapeXml(m[2] ?? m[3] ?? '');
  }
  return out;
}

/** `r:id` whatever the prefix is. */
function relationshipId(attributes: Record<string, string>): string | undefined {
  const key = Object.keys(attributes).find((k) => k.endsWith(':id'));
  return key === undefined ? undefined : attributes[key];
}

/** A relationship target of the workbook (`worksheets/sheet1.xml`, `/xl/…`) as a part name. */
function partOf(target: string): string {
  const segments = (target.startsWith('/') ? target.slice(1) : `xl/${target}`).split('/');
  const out: string[] = [];
  for (const segment of segments) {
    if (segment === '..') out.pop();
    else if (segment !== '.' && segment !== '') out.push(segment);
  }
  return out.join('/');
}

const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

function sheetNames(zip: CheckedZip, workbookXml: string): Map<string, string> {
  const byId = new Map<string, string>();
  for (const m of workbookXml.matchAll(/<(?:[\w.-]+:)?sheet\b([^>]*)>/g)) {
    const attributes = attributesOf(m[1] ?? '');
    const id = relationshipId(attributes);
    if (id !== undefined && attributes.name !== undefined) byId.set(id, attributes.name);
  }
  const sheetOfPart = new Map<string, string>();
  const rels = zip.entry(WORKBOOK_RELS);
  if (rels === undefined) return sheetOfPart;
  for (const m of decode(zip.read(rels)).matchAll(/<(?:[\w.-]+:)?Relationship\b([^>]*)>/g)) {
    const attributes = attributesOf(m[1] ?? '');
    const name = attributes.Id === undefined ? undefined : byId.get(attributes.Id);
    if (name !== undefined && attributes.Target !== undefined) {
      sheetOfPart.set(partOf(attributes.Target), name);
    }
  }
  return sheetOfPart;
}

/** exceljs adds every cell of a defined name's ranges to a matrix, one object per cell. */
function countDefinedNames(workbookXml: string, budget: CellBudget): void {
  for (const m of workbookXml.matchAll(
    /<(?:[\w.-]+:)?definedName\b([^>]*)>([^<]*)<\/(?:[\w.-]+:)?definedName>/g,
  )) {
    if (NOT_EXPANDED.has(attributesOf(m[1] ?? '').name ?? '')) continue;
    for (const item of unescapeXml(m[2] ?? '').split(',')) {
      const reference = item.slice(item.lastIndexOf('!') + 1);
      if (!/[$](\w+)[$](\d+)/.test(reference)) continue;
      const range = decodeRange(reference);
      const where = () => ({ part: WORKBOOK, range: reference });
      checkRange(range, where);
      budget.addCells(rangeArea(range), 'name', where);
    }
  }
}

/**
 * Inflates and scans every part of an .xlsx whose ZIP structure `openCheckedZip` accepted.
 * Throws an `ImportError` for a limit crossed or a damaged part.
 */
export function checkXlsxParts(zip: CheckedZip, maxCells: number = MAX_CELLS): XlsxCheck {
  const budget = new CellBudget(maxCells);
  const workbook = zip.entry(WORKBOOK);
  if (workbook === undefined) throw new TypeError(`checkXlsxParts needs ${WORKBOOK}`);
  const workbookXml = decode(zip.read(workbook));
  countDefinedNames(workbookXml, budget);
  const sheetOfPart = sheetNames(zip, workbookXml);
  for (const entry of zip.entries) {
    if (entry.directory || entry.name === WORKBOOK || entry.name === WORKBOOK_RELS) continue;
    if (EXCELJS_WORKSHEET_PART.test(entry.name)) {
      const sheet = sheetOfPart.get(entry.name);
      const where = sheet === undefined ? { part: entry.name } : { part: entry.name, sheet };
      const scan = new WorksheetScan(where, budget);
      zip.inflate(entry, (chunk) => scan.push(chunk));
    } else {
      zip.inflate(entry, () => undefined);
    }
  }
  return { sheetOfPart, unpackedBytes: zip.inflatedBytes, cells: budget.cells };
}
