/**
 * The streaming writer, which Electron's exports use, under the same check as the in-memory
 * writer (`shared/workpapers/personal-data-everywhere.test.ts`): personal data in every
 * free-text field, none of it in any cell or part of the file unless the user chose to
 * include it, and then all of it.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildInspectionWorkbook } from '../../shared/workpapers/build-inspection';
import {
  everyFieldFilled,
  expectPersonalData,
} from '../../shared/workpapers/testing/personal-data-everywhere';
import { streamWorkbook } from './xlsx-stream-write';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'aw-stream-pii-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('personal data in a streamed workpaper', () => {
  for (const included of [false, true]) {
    it(
      included ? 'is all there when the user chose to include it' : 'is masked everywhere',
      async () => {
        const filled = await everyFieldFilled();
        const { spec } = await buildInspectionWorkbook(filled.input, {
          lang: 'zh-TW',
          calendar: 'roc',
          includePersonalData: included,
        });
        const file = path.join(dir, 'streamed.xlsx');
        await streamWorkbook(spec, file);
        const { report } = await expectPersonalData(await readFile(file), filled, included);
        expect(report.fields.size).toBeGreaterThan(50);
      },
    );
  }
});
