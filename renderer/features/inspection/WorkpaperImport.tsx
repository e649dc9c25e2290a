import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { maskPersonalData } from '../../../shared/domain/personal-data';
import {
  type FieldChange,
  type RecordDiff,
  type WorkpaperDiff,
  type WorkpaperRefusal,
} from '../../../shared/workpapers/roundtrip';
import { fieldDef, type FieldValue } from '../../../shared/workpapers/roundtrip/fields';
import { useApp } from '../../app/app-context';
import { describeError } from '../../app/describe-error';
import type { VaultSession } from '../../data/vault-session';
import { pick } from '../../i18n/pick';
import { JobCancelledError, type JobProgress } from '../../jobs/protocol';
import { runWorkerJob } from '../../jobs/run-worker-job';
import { ErrorText } from '../../ui/ErrorText';
import { JobProgressBar } from '../../ui/JobProgressBar';
import type { ImportWorkpaperRequest, ImportWorkpaperResult } from './import-workpaper-job';
import { commitWorkpaperEdits } from './commit-workpaper';
import { catalogItem } from './library';
import type { InspectionData } from './use-inspection';
import { SecretInput } from '../../ui/SecretInput';
import { HiddenHeader } from '../../ui/HiddenHeader';

const MAX_WORKPAPER_BYTES = 100 * 1024 * 1024;

function spawnWorker() {
  return new Worker(new URL('./import-workpaper.worker.ts', import.meta.url), { type: 'module' });
}

type Step =
  | { kind: 'pick' }
  | { kind: 'password'; name: string; bytes: Uint8Array<ArrayBuffer>; wrong: boolean }
  | { kind: 'refused'; refusal: WorkpaperRefusal }
  | { kind: 'diff'; name: string; diff: WorkpaperDiff }
  | { kind: 'done'; fields: number; records: number };

/**
 * Brings back a workpaper filled in Excel: shows what changed, item by item and field by
 * field (conflicts with edits made in the vault since the export keep the vault's value
 * unless the user takes the file's), lists the cells that are not imported, and commits the
 * accepted changes in one transaction.
 */
export function WorkpaperImport({
  session,
  data,
  onClose,
}: {
  session: VaultSession;
  data: InspectionData;
  onClose: (changed: boolean) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { platform, formatDate } = useApp();
  const [step, setStep] = useState<Step>({ kind: 'pick' });
  const [password, setPassword] = useState('');
  const [takeFromFile, setTakeFromFile] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState<JobProgress | null | false>(false);
  const [error, setError] = useState<string | null>(null);
  const [olderVault, setOlderVault] = useState(false);
  const abort = useRef<AbortController | null>(null);

  async function read(name: string, bytes: Uint8Array<ArrayBuffer>, pass: string | null) {
    setError(null);
    setBusy(null);
    const controller = new AbortController();
    abort.current = controller;
    try {
      const systems = await session.list('systems');
      const request: ImportWorkpaperRequest = {
        // A copy: the worker may keep the original if the password turns out wrong.
        bytes: bytes.slice(),
        password: pass,
        state: {
          inspection: { id: data.inspection.id },
          items: data.results.flatMap((r) => {
            const item = catalogItem(r.itemId);
            return item ? [item] : [];
          }),
          itemResults: data.results,
          findings: data.findings,
          systems,
          evidence: data.evidence,
        },
      };
      const result = await runWorkerJob<ImportWorkpaperResult>(spawnWorker, request, {
        signal: controller.signal,
        onProgress: setBusy,
      });
      if (result.ok) {
        setTakeFromFile(new Set());
        // A file made from a newer state of this vault than it holds: an older copy was put back.
        const head = result.diff.header.trailHead;
        setOlderVault(head ? (await session.checkExportedHead(head)) !== null : false);
        setStep({ kind: 'diff', name, diff: result.diff });
      } else if ('needsPassword' in result)
        setStep({ kind: 'password', name, bytes, wrong: false });
      else setStep({ kind: 'refused', refusal: result.refusal });
    } catch (e) {
      if (e instanceof JobCancelledError) setError(t('import.cancelled'));
      else if ((e as { code?: unknown }).code === 'wrong-password')
        setStep({ kind: 'password', name, bytes, wrong: true });
      else setError(describeError(e, t));
    } finally {
      setBusy(false);
      abort.current = null;
    }
  }

  async function pick_() {
    setError(null);
    try {
      const file = await platform.openFile({
        filters: [{ name: 'Excel', extensions: ['xlsx'] }],
        maxBytes: MAX_WORKPAPER_BYTES,
      });
      if (file) await read(file.name, file.data, null);
    } catch (e) {
      setError(describeError(e, t));
    }
  }

  async function commit(name: string, diff: WorkpaperDiff) {
    setError(null);
    try {
      const counts = await commitWorkpaperEdits(session, {
        inspectionId: data.inspection.id,
        fileName: name,
        diff,
        takeFromFile,
      });
      setStep({ kind: 'done', fields: counts.fields, records: counts.created + counts.updated });
    } catch (e) {
      setError(describeError(e, t));
    }
  }

  const show = (record: RecordDiff, field: string, value: FieldValue): string => {
    if (value === null || value === '') return '—';
    const def = fieldDef(record.table, field);
    if (def?.kind === 'choice') {
      const label = def.labels[value];
      return label ? pick(label, lang) : value;
    }
    if (def?.kind === 'date') return formatDate(value);
    return maskPersonalData(value).text;
  };

  return (
    <section className="panel" aria-label={t('roundtrip.heading')}>
      <div className="page-title">
        <h2>{t('roundtrip.heading')}</h2>
        <button type="button" className="ghost" onClick={() => onClose(step.kind === 'done')}>
          {t('common.close')}
        </button>
      </div>
      {busy !== false && (
        <JobProgressBar
          label={t('roundtrip.reading')}
          progress={busy}
          onCancel={() => abort.current?.abort()}
        />
      )}
      <ErrorText message={error} />
      {step.kind === 'pick' && busy === false && (
        <div>
          <p className="small">{t('roundtrip.hint')}</p>
          <button type="button" className="primary" onClick={() => void pick_()}>
            {t('roundtrip.pick')}
          </button>
        </div>
      )}
      {step.kind === 'password' && busy === false && (
        <form
          className="row"
          onSubmit={(e) => {
            e.preventDefault();
            void read(step.name, step.bytes, password);
          }}
        >
          <p className={step.wrong ? 'error' : 'small'}>
            {step.wrong ? t('roundtrip.wrongPassword') : t('roundtrip.needsPassword')}
          </p>
          <SecretInput
            aria-label={t('inspection.workpaperPassword')}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          <button type="submit" className="primary" disabled={password === ''}>
            {t('roundtrip.open')}
          </button>
        </form>
      )}
      {step.kind === 'refused' && (
        <div role="alert">
          <p className="error">{pick(step.refusal.message, lang)}</p>
          <button type="button" onClick={() => setStep({ kind: 'pick' })}>
            {t('import.pickAnother')}
          </button>
        </div>
      )}
      {step.kind === 'diff' && olderVault && (
        <p className="warning" role="alert">
          {t('roundtrip.olderVault', { seq: step.diff.header.trailHead?.seq ?? 0 })}
        </p>
      )}
      {step.kind === 'diff' && (
        <DiffView
          diff={step.diff}
          show={show}
          takeFromFile={takeFromFile}
          onTake={(key, take) => {
            const next = new Set(takeFromFile);
            if (take) next.add(key);
            else next.delete(key);
            setTakeFromFile(next);
          }}
          onCommit={() => void commit(step.name, step.diff)}
        />
      )}
      {step.kind === 'done' && (
        <p className="ok" role="status">
          {t('roundtrip.done', { fields: step.fields, records: step.records })}
        </p>
      )}
    </section>
  );
}

function DiffView({
  diff,
  show,
  takeFromFile,
  onTake,
  onCommit,
}: {
  diff: WorkpaperDiff;
  show: (record: RecordDiff, field: string, value: FieldValue) => string;
  takeFromFile: ReadonlySet<string>;
  onTake: (key: string, take: boolean) => void;
  onCommit: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const importable = diff.records.filter(
    (r) => r.errors.length === 0 && r.changes.every((c) => c.errors.length === 0),
  );
  const fieldsToWrite = importable
    .flatMap((r) => r.changes)
    .filter((c: FieldChange) => c.conflict === null || takeFromFile.has(c.key)).length;
  return (
    <div>
      <p role="status">
        {t('roundtrip.summary', {
          records: diff.counts.records,
          changes: diff.counts.changes,
          conflicts: diff.counts.conflicts,
          errors: diff.counts.errors,
          ignored: diff.counts.ignored,
        })}
      </p>
      {diff.records.length === 0 && <p>{t('roundtrip.noChanges')}</p>}
      {diff.records.map((record) => (
        <section key={record.key} className="card" aria-label={pick(record.label, lang)}>
          <h3>
            {pick(record.label, lang)}{' '}
            <span className="muted small">
              {record.sheet} · {t('import.row')} {record.row}
            </span>
          </h3>
          {record.errors.map((issue) => (
            <p key={issue.code} className="error small">
              {pick(issue.message, lang)}
            </p>
          ))}
          <table className="grid compact" aria-label={t('roundtrip.changes')}>
            <thead>
              <tr>
                <th>{t('roundtrip.field')}</th>
                <th>{t('roundtrip.cell')}</th>
                <th>{t('roundtrip.before')}</th>
                <th>{t('roundtrip.after')}</th>
                <HiddenHeader label={t('roundtrip.checks')} />
              </tr>
            </thead>
            <tbody>
              {record.changes.map((change) => (
                <tr key={change.key}>
                  <td>{pick(change.label, lang)}</td>
                  <td className="mono">{change.cell}</td>
                  <td>{show(record, change.field, change.before)}</td>
                  <td>
                    {change.errors.length > 0
                      ? maskPersonalData(change.afterText).text
                      : show(record, change.field, change.after)}
                  </td>
                  <td className="small">
                    {change.errors.map((issue) => (
                      <div key={issue.code} className="error">
                        {pick(issue.message, lang)}
                      </div>
                    ))}
                    {change.warnings.map((issue) => (
                      <div key={issue.code} className="warning">
                        {pick(issue.message, lang)}
                      </div>
                    ))}
                    {change.conflict && (
                      <label className="checkbox warning">
                        <input
                          type="checkbox"
                          checked={takeFromFile.has(change.key)}
                          onChange={(e) => onTake(change.key, e.target.checked)}
                        />
                        {pick(change.conflict.message, lang)} {t('roundtrip.takeFile')}
                      </label>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
      {diff.skipped.length > 0 && (
        <ul className="small">
          {diff.skipped.map((s) => (
            <li key={`${s.table}/${s.id}`} className="warning">
              {s.sheet} {t('import.row')} {s.row}：{pick(s.message, lang)}
            </li>
          ))}
        </ul>
      )}
      {diff.ignored.length > 0 && (
        <details open={diff.ignored.length <= 10}>
          <summary>{t('roundtrip.ignored', { count: diff.ignored.length })}</summary>
          <table className="grid compact" aria-label={t('roundtrip.ignoredCells')}>
            <tbody>
              {diff.ignored.map((cell) => (
                <tr key={`${cell.sheet}!${cell.cell}`}>
                  <td>{cell.sheet}</td>
                  <td className="mono">{cell.cell}</td>
                  <td>{pick(cell.message, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
      <div className="actions">
        <button type="button" className="primary" disabled={fieldsToWrite === 0} onClick={onCommit}>
          {t('roundtrip.apply', { count: fieldsToWrite })}
        </button>
      </div>
    </div>
  );
}
