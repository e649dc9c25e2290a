import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type Conflict,
  type ConflictDecision,
  type MergePlan,
  openConflicts,
} from '../../../shared/merge';
import { useApp } from '../../app/app-context';
import type { JobProgress } from '../../jobs/protocol';
import type { VaultSession } from '../../data/vault-session';
import { ErrorText } from '../../ui/ErrorText';
import { Field } from '../../ui/Field';
import { JobProgressBar } from '../../ui/JobProgressBar';
import { SecretInput } from '../../ui/SecretInput';
import { VirtualList } from '../../ui/VirtualList';
import type { MergeOnScreen } from './auditor-progress';
import { describeTeamError } from './describe';
import {
  commitMerge,
  planInWorker,
  type PreparedMerge,
  prepareMerge,
  type ReceivedReturn,
  resolve,
} from './merge';
import { OpenIdentityFields } from './OpenIdentityFields';
import { useReturnFiles } from './use-return-files';
import { PackageSignerCell } from './PackageSignerCell';
import { ReturnSignerSetting } from './ReturnSignerSetting';

export function showValue(value: unknown): string {
  if (value === undefined) return '—';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The returns of the merge on screen (those not refused) and its undecided conflicts. */
function onScreen(
  files: readonly ReceivedReturn[],
  prepared: PreparedMerge | null,
  plan: MergePlan | null,
  open: readonly Conflict[],
): MergeOnScreen | null {
  if (files.length === 0) return null;
  const refused = new Set([
    ...(prepared?.refusals.map((r) => r.packageId) ?? []),
    ...(plan?.packages.filter((p) => p.status === 'refused').map((p) => p.packageId) ?? []),
  ]);
  const returns = files
    .map((f) => f.contents.meta)
    .filter((meta) => !refused.has(meta.packageId))
    .map(({ packageId, auditor }) => ({ packageId, auditor }));
  return { returns, openConflicts: open };
}

/**
 * 合併 / Merge: pick return files, see what the merge would do, decide conflicts, commit.
 * `onScreenChange` hears what the merge being prepared holds (for the dashboard).
 */
export function MergeView({
  session,
  onMerged,
  onScreenChange,
}: {
  session: VaultSession;
  onMerged: () => void;
  onScreenChange?: (state: MergeOnScreen | null) => void;
}) {
  const { t } = useTranslation();
  const [prepared, setPrepared] = useState<PreparedMerge | null>(null);
  const [plan, setPlan] = useState<MergePlan | null>(null);
  const returns = useReturnFiles(session, () => setPlan(null));
  const { files, unread, passphrase, openWith } = returns;
  const [decisions, setDecisions] = useState<Record<string, ConflictDecision>>({});
  const [selected, setSelected] = useState<string | null>(null);
  const [progress, setProgress] = useState<JobProgress | null>(null);
  const [running, setRunning] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);

  async function runPlan() {
    setFailure(null);
    setDone(null);
    setRunning(true);
    setProgress(null);
    const controller = new AbortController();
    abort.current = controller;
    try {
      const ready = await prepareMerge(session, files);
      const next = await planInWorker(ready.request, {
        signal: controller.signal,
        onProgress: setProgress,
      });
      setPrepared({ ...ready, refusals: [...unread, ...ready.refusals] });
      setPlan(next);
      setDecisions({});
      setSelected(next.conflicts[0]?.id ?? null);
    } catch (error) {
      setFailure(describeTeamError(error, t));
    } finally {
      setRunning(false);
      abort.current = null;
    }
  }

  async function complete() {
    if (!plan || !prepared) return;
    setFailure(null);
    try {
      const result = await resolve(plan, { conflicts: decisions });
      const wrote = await commitMerge(session, plan, result, prepared.accepted);
      setDone(
        wrote ? t('team.mergeDone', { count: result.writes.length }) : t('team.nothingToMerge'),
      );
      setPlan(null);
      returns.clear();
      onMerged();
    } catch (error) {
      setFailure(describeTeamError(error, t));
    }
  }

  const openList = useMemo(
    () => (plan ? openConflicts(plan, { conflicts: decisions }) : []),
    [plan, decisions],
  );
  const open = openList.length;
  useEffect(() => {
    onScreenChange?.(onScreen(files, prepared, plan, openList));
  }, [onScreenChange, files, prepared, plan, openList]);
  const conflict = plan?.conflicts.find((c) => c.id === selected) ?? null;
  const lang = t('team.lang');
  return (
    <section aria-labelledby="team-merge">
      <h2 id="team-merge">{t('team.merge')}</h2>
      <ReturnSignerSetting session={session} />
      <div className="row inline-actions">
        <Field label={t('team.packagePassphrase')}>
          {(p) => (
            <SecretInput
              {...p}
              value={passphrase}
              onChange={(e) => returns.setPassphrase(e.target.value)}
            />
          )}
        </Field>
        <button
          type="button"
          onClick={() => {
            setFailure(null);
            void returns.addFiles().then(setFailure);
          }}
          disabled={running}
        >
          {t('team.addReturn')}
        </button>
        <button
          type="button"
          className="primary"
          onClick={() => void runPlan()}
          disabled={running || files.length === 0}
        >
          {t('team.previewMerge')}
        </button>
      </div>
      <OpenIdentityFields form={openWith} />
      <ul aria-label={t('team.returnFiles')}>
        {files.map((f) => (
          <li key={f.hash}>
            {f.fileName} · {f.contents.meta.auditor} · {f.hash.slice(0, 12)}
          </li>
        ))}
      </ul>
      {running && (
        <JobProgressBar
          label={t('team.planning')}
          progress={progress}
          onCancel={() => abort.current?.abort()}
        />
      )}
      <ErrorText message={failure} />
      {done && <p role="status">{done}</p>}
      {prepared && plan && (
        <>
          <table aria-label={t('team.packages')}>
            <thead>
              <tr>
                <th>{t('team.auditor')}</th>
                <th>{t('team.status')}</th>
                <th>{t('team.added')}</th>
                <th>{t('team.changed')}</th>
                <th>{t('team.deleted')}</th>
                <th>{t('team.identical')}</th>
                <th>{t('team.conflicts')}</th>
                <th>{t('packageSigner.column')}</th>
              </tr>
            </thead>
            <tbody>
              {plan.packages.map((p) => (
                <tr key={p.packageHash} data-package={p.auditor}>
                  <td>{p.auditor}</td>
                  <td>
                    {t(`team.packageStatus.${p.status}`)}
                    {p.problems.map((pr, i) => (
                      <div key={i} className="error">
                        {lang === 'zh' ? pr.text['zh-TW'] : pr.text.en}
                      </div>
                    ))}
                  </td>
                  <td>{p.counts.added}</td>
                  <td>{p.counts.changed}</td>
                  <td>{p.counts.deleted}</td>
                  <td>{p.counts.identical}</td>
                  <td>{p.counts.conflicts}</td>
                  <PackageSignerCell
                    signer={files.find((f) => f.hash === p.packageHash)?.signer ?? null}
                    trust={prepared.trust.get(p.packageHash)}
                  />
                </tr>
              ))}
              {prepared.refusals.map((r) => (
                <tr key={r.fileName} data-package={r.auditor ?? r.fileName}>
                  <td>{r.auditor ?? r.fileName}</td>
                  <td className="error">
                    {t('team.packageStatus.refused')}: {lang === 'zh' ? r.text['zh-TW'] : r.text.en}
                  </td>
                  <td colSpan={6} />
                </tr>
              ))}
            </tbody>
          </table>
          {plan.duplicates.length > 0 && (
            <p role="note">{t('team.duplicates', { count: plan.duplicates.length })}</p>
          )}
          {plan.conflicts.length > 0 && (
            <div className="row merge-conflicts">
              <VirtualList
                items={plan.conflicts}
                keyOf={(c) => c.id}
                estimateSize={36}
                selectedKey={selected}
                onSelect={(c) => setSelected(c.id)}
                label={t('team.conflictList')}
                height="40vh"
                renderItem={(c) => (
                  <span>
                    {decisions[c.id] ? '✓ ' : '● '}
                    {c.table} · {c.field ?? t(`team.conflictKind.${c.kind}`)}
                  </span>
                )}
              />
              {conflict && (
                <ConflictDetail
                  conflict={conflict}
                  decision={decisions[conflict.id]}
                  onDecide={(d) => setDecisions((all) => ({ ...all, [conflict.id]: d }))}
                />
              )}
            </div>
          )}
          <p>
            <button
              type="button"
              className="primary"
              disabled={open > 0}
              onClick={() => void complete()}
            >
              {t('team.completeMerge')}
            </button>{' '}
            <span data-testid="open-conflicts">{t('team.openConflicts', { count: open })}</span>
          </p>
        </>
      )}
    </section>
  );
}

function ConflictDetail({
  conflict,
  decision,
  onDecide,
}: {
  conflict: Conflict;
  decision: ConflictDecision | undefined;
  onDecide: (decision: ConflictDecision) => void;
}) {
  const { t } = useTranslation();
  const { formatDateTime } = useApp();
  const [text, setText] = useState(conflict.suggestion ?? '');
  const recordLevel = conflict.kind !== 'field';
  return (
    <div className="conflict" aria-label={t('team.conflict')}>
      <h3>
        {conflict.table} · {conflict.field ?? t(`team.conflictKind.${conflict.kind}`)}
      </h3>
      <table>
        <thead>
          <tr>
            <th>{t('team.side')}</th>
            <th>{t('team.value')}</th>
            <th>{t('team.who')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          <tr>
            <td>{t('team.base')}</td>
            <td>
              {recordLevel
                ? conflict.baseDeleted
                  ? t('team.deletedValue')
                  : '…'
                : showValue(conflict.base)}
            </td>
            <td />
            <td />
          </tr>
          {conflict.options.map((o) => (
            <tr key={o.id}>
              <td>
                {o.id === 'lead' ? t('team.lead') : o.sources.map((s) => s.auditor).join('、')}
              </td>
              <td>
                {o.deleted
                  ? t('team.deletedValue')
                  : recordLevel
                    ? t('team.keptRecord')
                    : showValue(o.value)}
              </td>
              <td>
                {o.sources.map((s) => `${s.updatedBy} ${formatDateTime(s.updatedAt)}`).join('；')}
              </td>
              <td>
                <button
                  type="button"
                  aria-pressed={
                    decision !== undefined && 'pick' in decision && decision.pick === o.id
                  }
                  onClick={() => onDecide({ pick: o.id })}
                >
                  {t('team.keep')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {conflict.kind === 'field' && (
        <div className="row">
          <Field label={t('team.combined')}>
            {(p) => (
              <textarea {...p} rows={3} value={text} onChange={(e) => setText(e.target.value)} />
            )}
          </Field>
          <button type="button" onClick={() => onDecide({ value: text })}>
            {t('team.useCombined')}
          </button>
        </div>
      )}
    </div>
  );
}
