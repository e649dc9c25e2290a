import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ASSET_FIELDS } from '../../../shared/import';
import { newRecordId, type RecordId, type Stored } from '../../../shared/domain/records';
import {
  DEVICE_TYPE_LABELS,
  type DisposalRecord,
  DISPOSAL_STATUS_LABELS,
} from '../../../shared/registers/disposal/disposal';
import {
  DISPOSAL_FLAG_LABELS,
  type DisposalFlag,
  disposalFlags,
  techniqueText,
} from '../../../shared/registers/disposal/flags';
import {
  draftFindingFromFlags,
  groupDisposalFlags,
} from '../../../shared/registers/disposal/finding-draft';
import {
  DISPOSAL_IMPORT_FIELDS,
  DISPOSAL_UNIQUE_KEY,
} from '../../../shared/registers/disposal/import';
import { vendorNdaChecker } from '../../../shared/registers/vendor-nda';
import { useApp } from '../../app/app-context';
import { describeError } from '../../app/describe-error';
import { today } from '../../app/today';
import type { VaultSession } from '../../data/vault-session';
import { pick } from '../../i18n/pick';
import type { OpenedFile } from '../../platform';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { ErrorText } from '../../ui/ErrorText';
import { saveAttachmentCopy } from '../registers/save-attachment';
import { ImportWizard } from '../import/ImportWizard';
import { InspectionPicker } from '../registers/InspectionPicker';
import { importPresets } from '../registers/presets';
import { raiseFinding } from '../registers/raise-finding';
import { SETTING_KEYS } from '../registers/setting-keys';
import { useSetting } from '../registers/use-setting';
import { useRecords } from '../workspace/use-records';
import { DisposalForm } from './DisposalForm';
import { planAssetImport, planDisposalImport } from './import-plans';
import { HiddenHeader } from '../../ui/HiddenHeader';

const raisedSchema = z.record(z.string(), z.string());
function techniqueTextOf(record: DisposalRecord, lang: string): string {
  const text = techniqueText(record);
  return text ? pick(text, lang) : '—';
}
const flagKey = (flag: DisposalFlag) => `${flag.recordId ?? flag.assetTag}|${flag.kind}`;

/** The device-disposal log (art. 4 item 6) with its flags, which become findings in one step. */
export function DisposalPanel({ session }: { session: VaultSession }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh-TW';
  const { formatDate, platform } = useApp();
  const disposals = useRecords(session, 'disposals');
  const vendors = useRecords(session, 'vendors');
  const agreements = useRecords(session, 'agreements');
  const inspections = useRecords(session, 'inspections');
  const raised = useSetting(session, SETTING_KEYS.raisedDisposalFlags, raisedSchema);
  const [editing, setEditing] = useState<Stored<DisposalRecord> | 'new' | null>(null);
  const [importing, setImporting] = useState<'log' | 'assets' | null>(null);
  const [inspectionId, setInspectionId] = useState<RecordId | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const asOf = today();

  const flags = useMemo(() => {
    if (!disposals.records || !agreements.records) return null;
    const context = {
      vendorHasNda: vendorNdaChecker(vendors.records ?? [], agreements.records),
      asOf,
    };
    return new Map(disposals.records.map((record) => [record.id, disposalFlags(record, context)]));
  }, [disposals.records, vendors.records, agreements.records, asOf]);
  const allFlags = flags ? [...flags.values()].flat() : [];
  const raisedMap = raised.value ?? {};
  const vendorName = new Map((vendors.records ?? []).map((v) => [v.id, v.name]));

  async function save(
    record: DisposalRecord,
    certificate: OpenedFile | null,
    current: Stored<DisposalRecord> | null,
  ) {
    const id = current?.id ?? newRecordId();
    let certificateId = record.certificateId;
    if (certificate) {
      // The certificate is filed under the record first; see AgreementsView for why.
      const evidence = await session.attach(id, {
        name: certificate.name,
        mimeType: certificate.name.toLowerCase().endsWith('.pdf') ? 'application/pdf' : 'image/*',
        bytes: certificate.data,
      });
      certificateId = evidence.id;
    }
    const data = { ...record, certificateId };
    if (current) await session.update('disposals', current.id, current.rev, data, data.assetTag);
    else
      await session.writeBatch([{ table: 'disposals', items: [{ id, data }] }], {
        action: 'records.imported',
        summary: data.assetTag,
      });
    setEditing(null);
    disposals.reload();
  }

  async function raise(group: DisposalFlag[]) {
    if (inspectionId === null || !disposals.records) return;
    setError(null);
    try {
      const draft = draftFindingFromFlags(group, disposals.records, lang, today());
      const finding = await raiseFinding(session, inspectionId, draft.finding);
      const next = { ...raisedMap };
      for (const flag of group) next[flagKey(flag)] = finding.id;
      await raised.save(next);
      setMessage(t('agreements.raised', { title: finding.title, item: finding.itemId ?? '' }));
    } catch (e) {
      setError(describeError(e, t));
    }
  }

  if (importing) {
    return (
      <ImportWizard
        title={importing === 'log' ? t('disposal.importLog') : t('disposal.importAssets')}
        fields={importing === 'log' ? DISPOSAL_IMPORT_FIELDS : ASSET_FIELDS}
        uniqueKey={importing === 'log' ? DISPOSAL_UNIQUE_KEY : ['assetTag']}
        presets={importPresets(session, importing === 'log' ? 'disposals' : 'assets')}
        plan={(rows, context) =>
          importing === 'log'
            ? planDisposalImport(session, rows, context)
            : planAssetImport(session, rows, context)
        }
        onClose={() => {
          setImporting(null);
          disposals.reload();
        }}
      />
    );
  }

  const loadError = disposals.error ?? vendors.error ?? agreements.error;
  const groups = groupDisposalFlags(allFlags);
  return (
    <div>
      <div className="page-title">
        <h1>{t('disposal.heading')}</h1>
        <div className="actions">
          <button type="button" className="primary" onClick={() => setEditing('new')}>
            {t('disposal.add')}
          </button>
          <button type="button" onClick={() => setImporting('log')}>
            {t('disposal.importLog')}
          </button>
          <button type="button" onClick={() => setImporting('assets')}>
            {t('disposal.importAssets')}
          </button>
        </div>
      </div>
      <ErrorText message={error ?? (loadError ? describeError(loadError, t) : null)} />
      {editing && (
        <DisposalForm
          initial={editing === 'new' ? null : editing}
          vendors={vendors.records ?? []}
          onCancel={() => setEditing(null)}
          onSave={(record, certificate) =>
            save(record, certificate, editing === 'new' ? null : editing).catch((e: unknown) =>
              setError(describeError(e, t)),
            )
          }
        />
      )}
      {groups.length > 0 && (
        <section className="card" aria-label={t('disposal.flags')}>
          <h2>{t('disposal.flags')}</h2>
          <InspectionPicker
            inspections={inspections.records ?? []}
            value={inspectionId}
            onChange={setInspectionId}
          />
          {message && (
            <p className="ok small" role="status">
              {message}
            </p>
          )}
          <ul className="gap-list">
            {groups.map((group) => {
              const first = group[0];
              if (!first) return null;
              const open = group.filter((flag) => !(flagKey(flag) in raisedMap));
              return (
                <li key={flagKey(first)}>
                  <strong>{pick(DISPOSAL_FLAG_LABELS[first.kind], lang)}</strong>{' '}
                  <span className="muted small">
                    {first.itemId} · {group.map((f) => f.assetTag).join('、')}
                  </span>{' '}
                  {open.length > 0 ? (
                    <button
                      type="button"
                      className="link"
                      disabled={inspectionId === null}
                      onClick={() => void raise(open)}
                    >
                      {t('agreements.raise', { count: open.length })}
                    </button>
                  ) : (
                    <span className="badge">{t('agreements.findingRaised')}</span>
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      )}
      <table className="grid" aria-label={t('disposal.heading')}>
        <thead>
          <tr>
            <th>{t('disposal.assetTag')}</th>
            <th>{t('disposal.deviceType')}</th>
            <th>{t('disposal.technique')}</th>
            <th>{t('disposal.performed')}</th>
            <th>{t('disposal.verified')}</th>
            <th>{t('disposal.vendor')}</th>
            <th>{t('disposal.certificate')}</th>
            <th>{t('disposal.status')}</th>
            <th>{t('disposal.flags')}</th>
            <HiddenHeader label={t('common.actions')} />
          </tr>
        </thead>
        <tbody>
          {(disposals.records ?? []).map((record) => (
            <tr key={record.id}>
              <td className="mono">{record.assetTag}</td>
              <td>{pick(DEVICE_TYPE_LABELS[record.deviceType], lang)}</td>
              <td>{techniqueTextOf(record, lang)}</td>
              <td>
                {record.performedBy || '—'}
                {record.performedOn && ` ${formatDate(record.performedOn)}`}
              </td>
              <td>
                {record.verifiedBy || '—'}
                {record.verifiedOn && ` ${formatDate(record.verifiedOn)}`}
              </td>
              <td>
                {record.vendorId ? (vendorName.get(record.vendorId) ?? '?') : t('disposal.inHouse')}
              </td>
              <td>
                {record.certificateId ? (
                  <button
                    type="button"
                    className="link"
                    onClick={() => {
                      const id = record.certificateId;
                      if (id)
                        saveAttachmentCopy(session, platform, id, 'certificate').catch(
                          (e: unknown) => setError(describeError(e, t)),
                        );
                    }}
                  >
                    {record.certificateNo || t('disposal.saveCertificate')}
                  </button>
                ) : (
                  record.certificateNo || '—'
                )}
              </td>
              <td>{pick(DISPOSAL_STATUS_LABELS[record.status], lang)}</td>
              <td>
                {(flags?.get(record.id) ?? []).map((flag) => (
                  <span key={flag.kind} className="badge warn" title={pick(flag.message, lang)}>
                    {pick(DISPOSAL_FLAG_LABELS[flag.kind], lang)}
                  </span>
                ))}
              </td>
              <td>
                <button type="button" className="link" onClick={() => setEditing(record)}>
                  {t('disposal.edit')}
                </button>{' '}
                <ConfirmButton
                  label={t('common.delete')}
                  confirmLabel={t('common.confirmDelete')}
                  onConfirm={() =>
                    void session
                      .remove('disposals', record.id, record.rev, record.assetTag)
                      .then(disposals.reload, (e: unknown) => setError(describeError(e, t)))
                  }
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
