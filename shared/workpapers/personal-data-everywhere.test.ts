/**
 * Personal data in every free-text field of every record the workpaper takes (see
 * `testing/personal-data-everywhere.ts`), written to a real .xlsx with exceljs and read back:
 * every cell of every sheet, the hidden `_aw_meta` included, holds none of it unless the user
 * chose to include personal data, and then every printed field holds it as typed. The same
 * check runs on the streaming writer's file in `electron/node/xlsx-stream-write-pii.test.ts`.
 */
import { describe, expect, it } from 'vitest';
import { buildInspectionWorkbook, type InspectionWorkbookOptions } from './build-inspection';
import {
  everyFieldFilled,
  expectPersonalData,
  MASKED,
  RAW,
} from './testing/personal-data-everywhere';
import { sheet } from './testing/read-back';
import { writeWorkbook } from './xlsx-write';

async function written(options: InspectionWorkbookOptions) {
  const filled = await everyFieldFilled();
  const { spec } = await buildInspectionWorkbook(filled.input, options);
  return { filled, bytes: await writeWorkbook(spec) };
}

const ZH: InspectionWorkbookOptions = {
  lang: 'zh-TW',
  calendar: 'roc',
  includePersonalData: false,
};

describe('personal data in an exported workpaper', () => {
  it('is masked in every cell of every sheet by default', async () => {
    const { filled, bytes } = await written(ZH);
    const { workbook, report } = await expectPersonalData(bytes, filled, false);
    expect(workbook.worksheets.map((ws) => [ws.name, ws.state])).toEqual([
      ['封面', 'visible'],
      ['查核項目', 'visible'],
      ['缺失', 'visible'],
      ['系統清冊', 'visible'],
      ['保密協議', 'visible'],
      ['覆蓋缺口', 'visible'],
      ['設備報廢', 'visible'],
      ['政策審閱', 'visible'],
      ['活動軌跡', 'visible'],
      ['_aw_meta', 'veryHidden'],
    ]);
    expect(report.fields.size).toBeGreaterThan(50);

    // Spelled out for the two fields a reviewer once unmasked without any test noticing.
    const tagOf = (field: string) => filled.fields.find((f) => f.field === field)?.tag;
    const masked = `${MASKED.nationalId} ${MASKED.residentNew} ${MASKED.residentOld} ${MASKED.mobile} ${MASKED.landline} ${MASKED.email}`;
    expect(masked).toBe(
      'A12****789 F80****564 AC0****567 0912-***-678 02-****-6789 wa***@example.com',
    );
    expect(sheet(workbook, '系統清冊').getCell('E2').value).toBe(
      `⟦${tagOf('systems.description')}⟧ ${masked}`,
    );
    const trail = sheet(workbook, '活動軌跡');
    expect(trail.getCell('F2').value).toBe(`⟦${tagOf('activity.summary')}⟧ ${masked}`);
  });

  it('is masked the same way in an English workpaper with ISO dates', async () => {
    const { filled, bytes } = await written({ ...ZH, lang: 'en', calendar: 'iso' });
    const { workbook } = await expectPersonalData(bytes, filled, false);
    expect(workbook.worksheets.map((ws) => ws.name)).toContain('Disposal log');
  });

  it('is printed as typed in every printed field when the user chose to include it', async () => {
    const { filled, bytes } = await written({ ...ZH, includePersonalData: true });
    const { workbook } = await expectPersonalData(bytes, filled, true);
    const tag = filled.fields.find((f) => f.field === 'systems.description')?.tag;
    expect(sheet(workbook, '系統清冊').getCell('E2').value).toBe(
      `⟦${tag}⟧ ${Object.values(RAW).join(' ')}`,
    );
  });
});
