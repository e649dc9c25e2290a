/**
 * What the import worker does, as plain functions (tested in Node): read the file the user
 * picked, find its header row and suggest a mapping; then, with the mapping the user
 * confirmed, check every row. The bytes are read again for the second step rather than kept
 * in a worker between steps: each job is stateless and can be cancelled by terminating it.
 */
import {
  type ColumnMapping,
  findHeaderRow,
  type ImportField,
  type ImportTable,
  type MappingPreset,
  type MappingSuggestion,
  readTable,
  type ReadTableOptions,
  suggestMapping,
  validateRows,
  type ValidationResult,
} from '../../../shared/import';

export interface AnalyseRequest {
  kind: 'analyse';
  bytes: Uint8Array;
  options: ReadTableOptions;
  fields: readonly ImportField[];
  preset: MappingPreset | null;
}

export interface ValidateRequest {
  kind: 'validate';
  bytes: Uint8Array;
  options: ReadTableOptions;
  /** 0-based index of the header row in the table. */
  headerRowIndex: number;
  mapping: ColumnMapping;
  fields: readonly ImportField[];
  uniqueKey: readonly string[];
}

export type ImportJobRequest = AnalyseRequest | ValidateRequest;

/** What the user needs to confirm the mapping. No row values leave the worker here. */
export interface FileAnalysis {
  format: ImportTable['format'];
  /** CSV: the encoding used (detected or chosen) and whether detection was sure. */
  encoding: string | null;
  /** CSV: how sure detection was (`null` when the user chose the encoding). */
  encodingConfidence: 'certain' | 'likely' | null;
  sheetName: string | null;
  sheetNames: string[];
  headerRowIndex: number;
  headers: string[];
  /** Rows below the header, blank ones included. */
  dataRowCount: number;
  suggestion: MappingSuggestion;
  /** Cells exceljs could not give a value for (formulas without a cached result, #N/A). */
  cellIssues: { rowNumber: number; column: string; code: string }[];
}

export type ImportJobResult = FileAnalysis | ValidationResult;

export async function analyseFile(request: AnalyseRequest): Promise<FileAnalysis> {
  const table = await readTable(request.bytes, request.options);
  const headerRowIndex = findHeaderRow(table.rows, request.fields);
  const headers = (table.rows[headerRowIndex] ?? []).map((cell) => cell.trim());
  return {
    format: table.format,
    encoding: table.format === 'csv' ? table.encoding : null,
    encodingConfidence: table.format === 'csv' ? (table.detected?.confidence ?? null) : null,
    sheetName: table.format === 'xlsx' ? table.sheetName : null,
    sheetNames: table.format === 'xlsx' ? table.sheetNames : [],
    headerRowIndex,
    headers,
    dataRowCount: Math.max(0, table.rows.length - headerRowIndex - 1),
    suggestion: suggestMapping(headers, request.fields, request.preset ?? undefined),
    cellIssues:
      table.format === 'xlsx'
        ? table.issues.map(({ rowNumber, column, code }) => ({ rowNumber, column, code }))
        : [],
  };
}

export async function validateFile(
  request: ValidateRequest,
  onProgress: (rowsRead: number, total: number) => void,
): Promise<ValidationResult> {
  const table = await readTable(request.bytes, request.options);
  const headers = table.rows[request.headerRowIndex] ?? [];
  const body = table.rows.slice(request.headerRowIndex + 1);
  return validateRows(body, headers, request.mapping, request.fields, {
    firstRowNumber: request.headerRowIndex + 2,
    uniqueKey: request.uniqueKey,
    onProgress: (rowsRead) => {
      onProgress(rowsRead, body.length);
    },
  });
}
