/** Test factories for the data layer: a fresh fake IndexedDB per test, sample engagements. */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { Engagement } from '../../../shared/domain/engagement';
import type { FieldNote } from '../../../shared/domain/notes';
import type { IdbDeps } from '../idb';

export function freshIdb(): IdbDeps {
  return { indexedDB: new IDBFactory(), IDBKeyRange };
}

export function sampleEngagement(overrides: Partial<Engagement> = {}): Engagement {
  return {
    entity: '示範產物保險股份有限公司',
    periodStart: '2025-01-01',
    periodEnd: '2025-12-31',
    scope: '資訊安全自律規範第四條至第十一條',
    team: [{ name: '陳稽核', role: 'lead' }],
    ...overrides,
  };
}

export function sampleNote(overrides: Partial<FieldNote> = {}): FieldNote {
  return {
    title: '訪談資訊室主管',
    body: '受訪者王小明，身分證字號 A123456789，電話 0912-345-678。',
    observedOn: '2025-03-05',
    ...overrides,
  };
}

/** A clock the test moves by hand. */
export function manualClock(start = '2026-11-23T09:00:00.000Z') {
  let now = new Date(start).getTime();
  return {
    now: () => new Date(now),
    advance(ms: number) {
      now += ms;
    },
  };
}
