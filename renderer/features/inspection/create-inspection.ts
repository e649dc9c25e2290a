/**
 * A new self-inspection: the checklist instantiated from the library for the scoping answers,
 * written with one empty working record per item, all in one transaction.
 */
import type { ChecklistLibrary } from '../../../shared/catalog';
import { instantiateChecklist, type ScopingAnswers } from '../../../shared/catalog';
import { emptyItemResult } from '../../../shared/domain/inspection/results';
import type { IsoDate } from '../../../shared/domain/dates';
import { newRecordId, type RecordId } from '../../../shared/domain/records';
import type { VaultSession } from '../../data/vault-session';

export interface NewInspection {
  title: string;
  periodStart: IsoDate;
  periodEnd: IsoDate;
  scoping: ScopingAnswers;
}

export async function createInspection(
  session: VaultSession,
  library: ChecklistLibrary,
  input: NewInspection,
): Promise<RecordId> {
  const checklist = instantiateChecklist(library, input.scoping);
  const inspectionId = newRecordId();
  await session.createBatch(
    [
      {
        table: 'inspections',
        items: [
          {
            id: inspectionId,
            data: { ...input, libraryVersion: checklist.libraryVersion, status: 'in-progress' },
          },
        ],
      },
      {
        table: 'itemResults',
        items: checklist.itemIds.map((itemId) => ({
          data: { inspectionId, ...emptyItemResult(itemId) },
        })),
      },
    ],
    input.title,
  );
  return inspectionId;
}
