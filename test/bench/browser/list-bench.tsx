/**
 * Runs inside Chromium: the checklist (whole library) and the findings list (2,000 findings)
 * rendered by the app's own components, timed to the first painted frame and to the frame after
 * a filter is applied. Baseline: the same findings as a plain, non-virtualised list.
 */
import { createRoot } from 'react-dom/client';
import { flushSync } from 'react-dom';
import { z } from 'zod';
import { CHECKLIST_LIBRARY } from '../../../shared/catalog';
import { asIsoDate } from '../../../shared/domain/dates';
import { emptyItemResult } from '../../../shared/domain/inspection/results';
import { FINDING_CATEGORIES, SEVERITIES } from '../../../shared/domain/inspection/findings';
import type { StoredFinding, StoredItemResult } from '../../../shared/domain/inspections';
import { newRecordId, type Stored } from '../../../shared/domain/records';
import { AppContext, type AppContextValue } from '../../../renderer/app/app-context';
import type { VaultSession } from '../../../renderer/data/vault-session';
import { ChecklistView } from '../../../renderer/features/inspection/ChecklistView';
import { FindingsView } from '../../../renderer/features/inspection/FindingsView';
import type { InspectionData } from '../../../renderer/features/inspection/use-inspection';
import { initI18n } from '../../../renderer/i18n';

z.config({ jitless: true });

const meta = () => ({
  id: newRecordId(),
  rev: 1,
  updatedAt: new Date().toISOString(),
  updatedBy: 'bench',
  deleted: false,
});
const nextFrame = () =>
  new Promise<void>((resolve) =>
    requestAnimationFrame(() => requestAnimationFrame(() => resolve())),
  );

function data(findings: number): InspectionData {
  const inspectionId = newRecordId();
  const results: Stored<StoredItemResult>[] = CHECKLIST_LIBRARY.items.map((item, i) => ({
    ...meta(),
    inspectionId,
    ...emptyItemResult(item.id),
    result: i % 3 === 0 ? 'compliant' : null,
    workPerformed: i % 3 === 0 ? `抽查第 ${i} 項之紀錄` : '',
  }));
  const list: Stored<StoredFinding>[] = Array.from({ length: findings }, (_, i) => ({
    ...meta(),
    inspectionId,
    itemId: CHECKLIST_LIBRARY.items[i % CHECKLIST_LIBRARY.items.length]?.id ?? null,
    title: `缺失 ${i}：權限未依最小權限原則設定`,
    deficiency: '抽查資料庫帳號，發現開發人員具正式環境寫入權限。',
    category: FINDING_CATEGORIES[i % FINDING_CATEGORIES.length] ?? 'management',
    severity: SEVERITIES[i % SEVERITIES.length] ?? 'low',
    risk: '',
    recommendation: '',
    owner: `資訊處 ${i % 7} 科`,
    raisedOn: asIsoDate('2025-03-05'),
    dueDate: null,
    managementResponse: '',
    status: 'open',
    closedOn: null,
    closingEvidenceIds: [],
  }));
  return {
    inspection: {
      ...meta(),
      title: 'bench',
      periodStart: asIsoDate('2025-01-01'),
      periodEnd: asIsoDate('2025-12-31'),
      libraryVersion: CHECKLIST_LIBRARY.version,
      scoping: {} as never,
      status: 'in-progress',
    },
    results,
    findings: list,
    evidence: [],
  };
}

const context = {
  formatDate: (d: string) => d,
  formatDateTime: (d: string) => d,
  prefs: { language: 'zh-TW', calendar: 'iso', idleMinutes: 10 },
} as unknown as AppContextValue;
// The lists never touch the session until an item is opened, which the benchmark does not do.
const session = {} as unknown as VaultSession;

async function timeRender(element: () => React.ReactElement, filtered: () => React.ReactElement) {
  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  let start = performance.now();
  flushSync(() =>
    root.render(<AppContext.Provider value={context}>{element()}</AppContext.Provider>),
  );
  await nextFrame();
  const firstPaintMs = performance.now() - start;
  start = performance.now();
  flushSync(() =>
    root.render(<AppContext.Provider value={context}>{filtered()}</AppContext.Provider>),
  );
  await nextFrame();
  const filterMs = performance.now() - start;
  root.unmount();
  host.remove();
  return { firstPaintMs, filterMs };
}

export async function run(findings: number) {
  await initI18n('zh-TW');
  const d = data(findings);
  const noop = () => undefined;
  const checklist = await timeRender(
    () => (
      <ChecklistView
        session={session}
        data={d}
        reload={noop}
        filter={{}}
        onFilter={noop}
        onFindingRaised={noop}
      />
    ),
    () => (
      <ChecklistView
        session={session}
        data={d}
        reload={noop}
        filter={{ result: 'untested', text: '權限' }}
        onFilter={noop}
        onFindingRaised={noop}
      />
    ),
  );
  const list = await timeRender(
    () => <FindingsView session={session} data={d} reload={noop} filter={{}} onFilter={noop} />,
    () => (
      <FindingsView
        session={session}
        data={d}
        reload={noop}
        filter={{ severity: 'high', text: '3' }}
        onFilter={noop}
      />
    ),
  );
  const naive = await timeRender(
    () => (
      <ul>
        {d.findings.map((f) => (
          <li key={f.id}>
            <b>{f.severity}</b> {f.title} <small>{f.owner}</small>
          </li>
        ))}
      </ul>
    ),
    () => (
      <ul>
        {d.findings
          .filter((f) => f.severity === 'high' && f.title.includes('3'))
          .map((f) => (
            <li key={f.id}>
              <b>{f.severity}</b> {f.title} <small>{f.owner}</small>
            </li>
          ))}
      </ul>
    ),
  );
  return { items: d.results.length, findings, checklist, list, naive };
}

(globalThis as unknown as { awListBench: { run: typeof run } }).awListBench = { run };
