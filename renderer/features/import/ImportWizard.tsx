import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  maskEmail,
  maskId,
  maskPersonalData,
  maskPhone,
} from '../../../shared/domain/personal-data';
import type {
  ColumnMapping,
  ImportField,
  MappingPreset,
  ReadTableOptions,
  RowError,
  TextEncodingName,
  ValidationResult,
  ValidRow,
} from '../../../shared/import';
import { DEFAULT_MAX_BYTES } from '../../../shared/import/errors';
import { useApp } from '../../app/app-context';
import { describeError } from '../../app/describe-error';
import { pick } from '../../i18n/pick';
import { JobCancelledError, type JobProgress } from '../../jobs/protocol';
import { runWorkerJob } from '../../jobs/run-worker-job';
import { ErrorText } from '../../ui/ErrorText';
import { JobProgressBar } from '../../ui/JobProgressBar';
import type { FileAnalysis, ImportJobRequest } from './import-job';

/** What the register makes of the checked rows: counts for the user, and the commit. */
export interface ImportPlan {
  created: number;
  unchanged: number;
  changed: number;
  /** Rows that are not for this register (software in an asset list …), left out. */
  skipped?: number;
  /** Rows that passed the checks but cannot become records (a party not in the register …). */
  errors: RowError[];
  /**
   * Writes everything in one transaction; `updateChanged` also replaces the changed records.
   * Refuses (writing nothing) when the row check or the register found any problem.
   */
  commit: (options: { updateChanged: boolean }) => Promise<void>;
}

/** Where the rows came from: the file's name, and its header and mapping to name columns in errors. */
export interface ImportContext {
  fileName: string;
  columns: { headers: readonly string[]; mapping: ColumnMapping };
  /** Problems the row check found (`ValidationResult.errorCount`); their rows are not given. */
  checkErrors: number;
}

export interface ImportWizardProps {
  title: string;
  fields: readonly ImportField[];
  uniqueKey: readonly string[];
  presets: {
    load: () => Promise<MappingPreset | null>;
    save: (preset: MappingPreset) => Promise<void>;
  };
  /** Turns the checked rows into records and compares them with the register. */
  plan: (rows: ValidRow[], context: ImportContext) => Promise<ImportPlan>;
  onClose: (imported: boolean) => void;
}

type Step =
  | { kind: 'pick' }
  | { kind: 'mapping'; analysis: FileAnalysis }
  | { kind: 'preview'; analysis: FileAnalysis; result: ValidationResult; plan: ImportPlan }
  | { kind: 'done'; created: number; updated: number };

/** Files over the limit still reach the reader, which refuses them with the limit in its message. */
const OPEN_LIMIT = DEFAULT_MAX_BYTES * 2;
const SHOWN_ERRORS = 200;
const PREVIEW_ROWS = 10;

function spawnImportWorker() {
  return new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
}

/** A checked value as the preview shows it: personal data masked, dates as the user reads them. */
function shownValue(
  field: ImportField,
  value: string | null,
  formatDate: (isoDate: string) => string,
): string {
  if (value === null) return '';
  if (field.kind === 'date') return formatDate(value);
  if (field.kind === 'person-id') return maskId(value);
  if (field.kind === 'phone') return maskPhone(value);
  if (field.kind === 'email') return maskEmail(value);
  return maskPersonalData(value).text;
}

/**
 * Import from Excel or CSV in steps: pick a file, confirm the column mapping (remembered for
 * next time), see every row problem and what would be created or changed, then commit all
 * rows in one transaction. Parsing and checking run in a worker with progress and cancel;
 * nothing is written before the commit.
 */
export function ImportWizard({
  title,
  fields,
  uniqueKey,
  presets,
  plan,
  onClose,
}: ImportWizardProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { platform } = useApp();
  const [step, setStep] = useState<Step>({ kind: 'pick' });
  const [file, setFile] = useState<{ name: string; bytes: Uint8Array } | null>(null);
  const [options, setOptions] = useState<ReadTableOptions>({});
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [remember, setRemember] = useState(true);
  const [updateChanged, setUpdateChanged] = useState(false);
  const [busy, setBusy] = useState<{ label: string; progress: JobProgress | null } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);

  async function runJob<R>(label: string, request: ImportJobRequest): Promise<R | null> {
    const controller = new AbortController();
    abort.current = controller;
    setBusy({ label, progress: null });
    setError(null);
    try {
      return await runWorkerJob<R>(spawnImportWorker, request, {
        signal: controller.signal,
        onProgress: (progress) => setBusy({ label, progress }),
      });
    } catch (e) {
      setError(e instanceof JobCancelledError ? t('import.cancelled') : describeError(e, t));
      return null;
    } finally {
      setBusy(null);
      abort.current = null;
    }
  }

  async function analyse(
    picked: { name: string; bytes: Uint8Array },
    readOptions: ReadTableOptions,
  ) {
    const preset = await presets.load();
    const analysis = await runJob<FileAnalysis>(t('import.reading'), {
      kind: 'analyse',
      bytes: picked.bytes,
      options: readOptions,
      fields,
      preset,
    });
    if (!analysis) return;
    setMapping({ ...analysis.suggestion.fields });
    setStep({ kind: 'mapping', analysis });
  }

  async function pickFile() {
    setError(null);
    try {
      const opened = await platform.openFile({
        filters: [{ name: 'Excel / CSV', extensions: ['xlsx', 'csv', 'txt'] }],
        maxBytes: OPEN_LIMIT,
      });
      if (!opened) return;
      const picked = { name: opened.name, bytes: opened.data };
      setFile(picked);
      setOptions({});
      await analyse(picked, {});
    } catch (e) {
      setError(describeError(e, t));
    }
  }

  async function changeOptions(next: ReadTableOptions) {
    if (!file) return;
    setOptions(next);
    await analyse(file, next);
  }

  async function check(analysis: FileAnalysis) {
    if (!file) return;
    const result = await runJob<ValidationResult>(t('import.checking'), {
      kind: 'validate',
      bytes: file.bytes,
      options,
      headerRowIndex: analysis.headerRowIndex,
      mapping: mapping satisfies ColumnMapping,
      fields,
      uniqueKey,
    });
    if (!result) return;
    try {
      if (remember) await presets.save({ name: file.name, fields: mapping });
      const planned = await plan(result.valid, {
        fileName: file.name,
        columns: { headers: analysis.headers, mapping },
        checkErrors: result.errorCount,
      });
      setUpdateChanged(false);
      setStep({ kind: 'preview', analysis, result, plan: planned });
    } catch (e) {
      setError(describeError(e, t));
    }
  }

  async function commit(planned: ImportPlan) {
    setBusy({ label: t('import.saving'), progress: null });
    setError(null);
    try {
      await planned.commit({ updateChanged });
      setStep({
        kind: 'done',
        created: planned.created,
        updated: updateChanged ? planned.changed : 0,
      });
    } catch (e) {
      setError(describeError(e, t));
    } finally {
      setBusy(null);
    }
  }

  const fieldLabel = (key: string | null) => {
    const field = fields.find((f) => f.key === key);
    return field ? pick(field.label, lang) : '';
  };

  return (
    <section className="import-wizard panel" aria-label={title}>
      <div className="page-title">
        <h2>{title}</h2>
        <button type="button" className="ghost" onClick={() => onClose(step.kind === 'done')}>
          {t('common.close')}
        </button>
      </div>
      {file && step.kind !== 'done' && <p className="small muted">{file.name}</p>}
      {busy && (
        <JobProgressBar
          label={busy.label}
          progress={busy.progress}
          onCancel={() => abort.current?.abort()}
        />
      )}
      <ErrorText message={error} />

      {step.kind === 'pick' && !busy && (
        <div>
          <p className="small">{t('import.pickHint')}</p>
          <button type="button" className="primary" onClick={() => void pickFile()}>
            {t('import.pick')}
          </button>
        </div>
      )}

      {step.kind === 'mapping' && !busy && (
        <MappingStep
          analysis={step.analysis}
          fields={fields}
          mapping={mapping}
          options={options}
          remember={remember}
          onMapping={setMapping}
          onOptions={(next) => void changeOptions(next)}
          onRemember={setRemember}
          onPickAnother={() => void pickFile()}
          onCheck={() => void check(step.analysis)}
        />
      )}

      {step.kind === 'preview' && !busy && (
        <div>
          <p role="status">
            {t('import.summary', {
              read: step.result.rowsRead,
              valid: step.result.valid.length,
              errors: step.result.errorCount + step.plan.errors.length,
              blank: step.result.blankRows,
            })}
          </p>
          {step.result.errorCount + step.plan.errors.length > 0 ? (
            <>
              <p className="error">{t('import.fixAndRetry')}</p>
              <ErrorTable
                errors={[...step.result.errors, ...step.plan.errors].slice(0, SHOWN_ERRORS)}
                fieldLabel={fieldLabel}
              />
              {step.result.errorCount + step.plan.errors.length > SHOWN_ERRORS && (
                <p className="small muted">
                  {t('import.moreErrors', {
                    count: step.result.errorCount + step.plan.errors.length - SHOWN_ERRORS,
                  })}
                </p>
              )}
            </>
          ) : (
            <>
              <p>
                {t('import.plan', {
                  created: step.plan.created,
                  unchanged: step.plan.unchanged,
                  changed: step.plan.changed,
                })}
              </p>
              {(step.plan.skipped ?? 0) > 0 && (
                <p className="small muted">{t('import.skipped', { count: step.plan.skipped })}</p>
              )}
              {step.plan.changed > 0 && (
                <label className="checkbox">
                  <input
                    type="checkbox"
                    checked={updateChanged}
                    onChange={(e) => setUpdateChanged(e.target.checked)}
                  />
                  {t('import.updateChanged', { count: step.plan.changed })}
                </label>
              )}
              <PreviewTable
                rows={step.result.valid.slice(0, PREVIEW_ROWS)}
                fields={fields}
                mapping={mapping}
              />
            </>
          )}
          <div className="actions">
            <button
              type="button"
              onClick={() => setStep({ kind: 'mapping', analysis: step.analysis })}
            >
              {t('import.back')}
            </button>
            <button
              type="button"
              className="primary"
              disabled={
                step.result.errorCount + step.plan.errors.length > 0 ||
                step.plan.created + (updateChanged ? step.plan.changed : 0) === 0
              }
              onClick={() => void commit(step.plan)}
            >
              {t('import.commit', {
                count: step.plan.created + (updateChanged ? step.plan.changed : 0),
              })}
            </button>
          </div>
        </div>
      )}

      {step.kind === 'done' && (
        <div>
          <p className="ok" role="status">
            {t('import.done', { created: step.created, updated: step.updated })}
          </p>
          <button type="button" className="primary" onClick={() => onClose(true)}>
            {t('common.close')}
          </button>
        </div>
      )}
    </section>
  );
}

function PreviewTable({
  rows,
  fields,
  mapping,
}: {
  rows: ValidRow[];
  fields: readonly ImportField[];
  mapping: Record<string, string>;
}) {
  const { t, i18n } = useTranslation();
  const { formatDate } = useApp();
  const used = fields.filter((field) => field.key in mapping);
  return (
    <table className="grid compact" aria-label={t('import.preview')}>
      <caption className="small muted">
        {t('import.previewCaption', { count: rows.length })}
      </caption>
      <thead>
        <tr>
          <th>{t('import.row')}</th>
          {used.map((field) => (
            <th key={field.key}>{pick(field.label, i18n.language)}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.rowNumber}>
            <td className="num">{row.rowNumber}</td>
            {used.map((field) => (
              <td key={field.key}>
                {shownValue(field, row.values[field.key] ?? null, formatDate)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ErrorTable({
  errors,
  fieldLabel,
}: {
  errors: RowError[];
  fieldLabel: (key: string | null) => string;
}) {
  const { t, i18n } = useTranslation();
  return (
    <table className="grid compact" aria-label={t('import.errors')}>
      <thead>
        <tr>
          <th>{t('import.row')}</th>
          <th>{t('import.column')}</th>
          <th>{t('import.field')}</th>
          <th>{t('import.value')}</th>
          <th>{t('import.problem')}</th>
        </tr>
      </thead>
      <tbody>
        {errors.map((error, i) => (
          <tr key={`${error.rowNumber}-${error.field ?? ''}-${i}`}>
            <td className="num">{error.rowNumber}</td>
            <td>{error.column ? `${error.column.letter}（${error.column.header}）` : '—'}</td>
            <td>{fieldLabel(error.field)}</td>
            <td>{error.value}</td>
            <td>{pick(error.message, i18n.language)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

interface MappingStepProps {
  analysis: FileAnalysis;
  fields: readonly ImportField[];
  mapping: Record<string, string>;
  options: ReadTableOptions;
  remember: boolean;
  onMapping: (next: Record<string, string>) => void;
  onOptions: (next: ReadTableOptions) => void;
  onRemember: (next: boolean) => void;
  onPickAnother: () => void;
  onCheck: () => void;
}

function MappingStep({
  analysis,
  fields,
  mapping,
  options,
  remember,
  onMapping,
  onOptions,
  onRemember,
  onPickAnother,
  onCheck,
}: MappingStepProps) {
  const { t, i18n } = useTranslation();
  const headers = analysis.headers.filter((h) => h !== '');
  const used = new Set(Object.values(mapping));
  const missing = fields.filter((f) => f.required && !(f.key in mapping));
  return (
    <div>
      <p className="small">
        {analysis.format === 'csv'
          ? t('import.csvInfo', {
              encoding: analysis.encoding === 'big5' ? 'Big5' : 'UTF-8',
              rows: analysis.dataRowCount,
              header: analysis.headerRowIndex + 1,
            })
          : t('import.xlsxInfo', {
              sheet: analysis.sheetName ?? '',
              rows: analysis.dataRowCount,
              header: analysis.headerRowIndex + 1,
            })}
        {analysis.encodingConfidence === 'likely' && ` ${t('import.encodingGuess')}`}
      </p>
      <div className="form-row">
        {analysis.format === 'csv' && (
          <label>
            {t('import.encoding')}{' '}
            <select
              value={options.encoding ?? ''}
              onChange={(e) => {
                const value = e.target.value as TextEncodingName | '';
                onOptions(
                  value === ''
                    ? { ...options, encoding: undefined }
                    : { ...options, encoding: value },
                );
              }}
            >
              <option value="">{t('import.encodingAuto')}</option>
              <option value="utf-8">UTF-8</option>
              <option value="big5">Big5</option>
            </select>
          </label>
        )}
        {analysis.sheetNames.length > 1 && (
          <label>
            {t('import.sheet')}{' '}
            <select
              value={analysis.sheetName ?? ''}
              onChange={(e) => onOptions({ ...options, sheet: e.target.value })}
            >
              {analysis.sheetNames.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      {analysis.cellIssues.length > 0 && (
        <p className="warning small">
          {t('import.cellIssues', { count: analysis.cellIssues.length })}
        </p>
      )}
      <table className="grid compact" aria-label={t('import.mapping')}>
        <thead>
          <tr>
            <th>{t('import.field')}</th>
            <th>{t('import.column')}</th>
          </tr>
        </thead>
        <tbody>
          {fields.map((field) => (
            <tr key={field.key}>
              <td>
                {pick(field.label, i18n.language)}
                {field.required && <span className="error"> *</span>}
              </td>
              <td>
                <select
                  aria-label={pick(field.label, i18n.language)}
                  value={mapping[field.key] ?? ''}
                  onChange={(e) => {
                    const next = Object.entries(mapping).filter(([key]) => key !== field.key);
                    if (e.target.value !== '') next.push([field.key, e.target.value]);
                    onMapping(Object.fromEntries(next));
                  }}
                >
                  <option value="">{t('import.notImported')}</option>
                  {headers.map((header) => (
                    <option
                      key={header}
                      value={header}
                      disabled={used.has(header) && mapping[field.key] !== header}
                    >
                      {header}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {analysis.suggestion.unmappedHeaders.length > 0 && (
        <p className="small muted">
          {t('import.unmapped', { headers: analysis.suggestion.unmappedHeaders.join('、') })}
        </p>
      )}
      {missing.length > 0 && (
        <p className="error small">
          {t('import.missingRequired', {
            fields: missing.map((f) => pick(f.label, i18n.language)).join('、'),
          })}
        </p>
      )}
      <label className="checkbox small">
        <input type="checkbox" checked={remember} onChange={(e) => onRemember(e.target.checked)} />
        {t('import.remember')}
      </label>
      <div className="actions">
        <button type="button" onClick={onPickAnother}>
          {t('import.pickAnother')}
        </button>
        <button type="button" className="primary" disabled={missing.length > 0} onClick={onCheck}>
          {t('import.check')}
        </button>
      </div>
    </div>
  );
}
