/** Factories for hand-made workbook descriptions, for tests of the model and the writer. */
import { asIsoDate, asIsoInstant } from '../../domain/dates';
import type { SheetSpec, WorkbookSpec } from '../model';

export function sheetSpec(overrides: Partial<SheetSpec> = {}): SheetSpec {
  return {
    name: '工作表',
    state: 'visible',
    columns: [
      { key: 'id', header: '編號', width: 10 },
      { key: 'result', header: '查核結果', width: 12, editable: true },
      { key: 'notes', header: '備註', width: 30, wrap: true, editable: true },
      { key: 'due', header: '改善期限', width: 12, numFmt: 'yyyy-mm-dd' },
      { key: 'status', header: '狀態', width: 10 },
    ],
    rows: [
      [
        'A-1',
        '符合',
        { text: '=HYPERLINK("http://x","y")' },
        { date: asIsoDate('2025-01-31') },
        '待改善',
      ],
      ['A-2', null, null, null, '已結案'],
    ],
    frozenRows: 1,
    ...overrides,
  };
}

export function workbookSpec(sheets: readonly SheetSpec[] = [sheetSpec()]): WorkbookSpec {
  return {
    properties: {
      title: '測試工作底稿',
      creator: 'Audit Workbench test',
      created: asIsoInstant('2025-03-04T16:30:00.000Z'),
    },
    sheets,
  };
}
