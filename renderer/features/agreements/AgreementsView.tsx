import { type SyntheticEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { MAX_EVIDENCE_BYTES } from '../../../shared/domain/evidence';
import { newRecordId, type RecordId, type Stored } from '../../../shared/domain/records';
import {
  AGREEMENT_KIND_INFO,
  type Agreement,
  type AgreementInput,
  type AgreementKind,
  agreementRowKey,
  agreementSchema,
  PERSON_AGREEMENT_KINDS,
  type Signature,
  VENDOR_AGREEMENT_KINDS,
} from '../../../shared/registers/agreements/agreements';
import {
  type CurrentVersions,
  VERSION_STATUS_LABELS,
  versionStatus,
} from '../../../shared/registers/agreements/current-versions';
import { type Person, personRowKey } from '../../../shared/registers/agreements/people';
import { type Vendor, vendorRowKey } from '../../../shared/registers/agreements/vendors';
import type { RowKey } from '../../../shared/import';
import { useApp } from '../../app/app-context';
import { describeError } from '../../app/describe-error';
import { today } from '../../app/today';
import type { VaultSession } from '../../data/vault-session';
import { pick } from '../../i18n/pick';
import type { OpenedFile } from '../../platform';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { ErrorText } from '../../ui/ErrorText';
import { saveAttachmentCopy } from '../registers/save-attachment';
import { FormActions } from '../../ui/FormActions';
import { Field } from '../../ui/Field';
import { SignatureImage, SignaturePad } from '../../ui/SignaturePad';
import { HiddenHeader } from '../../ui/HiddenHeader';

/** Signed agreements, with their scanned copies (sealed) and signatures captured on screen. */
export function AgreementsView({
  session,
  people,
  vendors,
  agreements,
  currentVersions,
  onChanged,
}: {
  session: VaultSession;
  people: readonly Stored<Person>[];
  vendors: readonly Stored<Vendor>[];
  agreements: readonly Stored<Agreement>[];
  currentVersions: CurrentVersions;
  onChanged: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { formatDate, platform } = useApp();
  const [adding, setAdding] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const names = new Map<string, string>([
    ...people.map((p): [string, string] => [p.id, `${p.name}（${p.employeeNo || '—'}）`]),
    ...vendors.map((v): [string, string] => [v.id, v.name]),
  ]);

  const partyKeys = new Map<string, RowKey | null>([
    ...people.map((p): [string, RowKey | null] => [p.id, personRowKey(p)]),
    ...vendors.map((v): [string, RowKey | null] => [v.id, vendorRowKey(v)]),
  ]);

  async function save(agreement: Agreement, file: OpenedFile | null) {
    // The agreement's id is chosen first so its scan can be filed under it; a failure between
    // the two steps leaves the scan in the vault's evidence, never a half-written agreement.
    const id = newRecordId();
    let attachmentId: RecordId | null = null;
    if (file) {
      const evidence = await session.attach(id, {
        name: file.name,
        mimeType: mimeOf(file.name),
        bytes: file.data,
      });
      attachmentId = evidence.id;
    }
    await session.writeBatch(
      [
        {
          table: 'agreements',
          items: [
            {
              id,
              data: {
                ...agreement,
                attachmentId,
                rowKey: agreementRowKey(partyKeys.get(agreement.partyId) ?? null, agreement),
              },
            },
          ],
        },
      ],
      { action: 'records.imported', summary: names.get(agreement.partyId) ?? '' },
    );
  }

  return (
    <div>
      <div className="toolbar">
        <button type="button" onClick={() => setAdding(true)}>
          {t('agreements.addAgreement')}
        </button>
      </div>
      <ErrorText message={error} />
      {adding && (
        <AgreementForm
          people={people}
          vendors={vendors}
          onCancel={() => setAdding(false)}
          onSave={async (agreement, file) => {
            try {
              await save(agreement, file);
              setAdding(false);
              onChanged();
            } catch (e) {
              setError(describeError(e, t));
            }
          }}
        />
      )}
      <table className="grid" aria-label={t('agreements.view.agreements')}>
        <thead>
          <tr>
            <th>{t('agreements.party')}</th>
            <th>{t('agreements.kind')}</th>
            <th>{t('agreements.version')}</th>
            <th>{t('agreements.signedOn')}</th>
            <th>{t('agreements.signer')}</th>
            <th>{t('agreements.evidence')}</th>
            <HiddenHeader label={t('common.actions')} />
          </tr>
        </thead>
        <tbody>
          {agreements.map((agreement) => {
            const status = versionStatus(currentVersions, agreement.kind, agreement.version);
            return (
              <tr key={agreement.id}>
                <td>{names.get(agreement.partyId) ?? t('agreements.unknownParty')}</td>
                <td>{pick(AGREEMENT_KIND_INFO[agreement.kind].label, lang)}</td>
                <td>
                  {agreement.version}{' '}
                  <span className={status === 'outdated' ? 'badge warn' : 'badge'}>
                    {pick(VERSION_STATUS_LABELS[status], lang)}
                  </span>
                </td>
                <td>{formatDate(agreement.signedOn)}</td>
                <td>{agreement.signer}</td>
                <td>
                  {agreement.signature && (
                    <SignatureImage
                      signature={agreement.signature}
                      label={t('agreements.signatureOf', { name: agreement.signer })}
                    />
                  )}
                  {agreement.attachmentId && (
                    <button
                      type="button"
                      className="link"
                      onClick={() => {
                        const id = agreement.attachmentId;
                        if (id)
                          saveAttachmentCopy(session, platform, id, 'agreement').catch(
                            (e: unknown) => setError(describeError(e, t)),
                          );
                      }}
                    >
                      {t('agreements.saveScan')}
                    </button>
                  )}
                </td>
                <td>
                  <ConfirmButton
                    label={t('common.delete')}
                    confirmLabel={t('common.confirmDelete')}
                    onConfirm={() =>
                      void session
                        .remove(
                          'agreements',
                          agreement.id,
                          agreement.rev,
                          names.get(agreement.partyId) ?? '',
                        )
                        .then(onChanged, (e: unknown) => setError(describeError(e, t)))
                    }
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function mimeOf(name: string): string {
  const ext = name.toLowerCase().split('.').pop() ?? '';
  const known: Record<string, string> = {
    pdf: 'application/pdf',
    png: 'image/png',
    jpg: 'image/jpeg',
    jpeg: 'image/jpeg',
    tif: 'image/tiff',
    tiff: 'image/tiff',
  };
  return known[ext] ?? 'application/octet-stream';
}

function AgreementForm({
  people,
  vendors,
  onSave,
  onCancel,
}: {
  people: readonly Stored<Person>[];
  vendors: readonly Stored<Vendor>[];
  onSave: (agreement: Agreement, file: OpenedFile | null) => Promise<void>;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { platform } = useApp();
  const [partyKind, setPartyKind] = useState<'person' | 'vendor'>('person');
  const [employeeNo, setEmployeeNo] = useState('');
  const [vendorId, setVendorId] = useState<string>(vendors[0]?.id ?? '');
  const [kind, setKind] = useState<AgreementKind>('employee-undertaking');
  const [version, setVersion] = useState('');
  const [signedOn, setSignedOn] = useState<string>(today());
  const [signer, setSigner] = useState('');
  const [counterSigner, setCounterSigner] = useState('');
  const [expiresOn, setExpiresOn] = useState('');
  const [signature, setSignature] = useState<Signature | null>(null);
  const [file, setFile] = useState<OpenedFile | null>(null);
  const [error, setError] = useState<string | null>(null);
  const person = people.find(
    (p) =>
      employeeNo.trim() !== '' && p.employeeNo.toUpperCase() === employeeNo.trim().toUpperCase(),
  );
  const kinds = partyKind === 'person' ? PERSON_AGREEMENT_KINDS : VENDOR_AGREEMENT_KINDS;

  function submit(event: SyntheticEvent) {
    event.preventDefault();
    const partyId = partyKind === 'person' ? person?.id : vendorId;
    if (!partyId) {
      setError(t('agreements.partyRequired'));
      return;
    }
    const input: AgreementInput = {
      partyKind,
      partyId,
      kind,
      version,
      signedOn,
      signer: signer || (partyKind === 'person' ? (person?.name ?? '') : ''),
      counterSigner,
      attachmentId: null,
      signature,
      validFrom: null,
      expiresOn: expiresOn || null,
      note: '',
      source: 'manual',
      rowKey: null,
    };
    const parsed = agreementSchema.safeParse(input);
    if (!parsed.success) {
      setError(z.prettifyError(parsed.error));
      return;
    }
    void onSave(parsed.data, file);
  }

  return (
    <form className="card" onSubmit={submit} aria-label={t('agreements.addAgreement')}>
      <fieldset className="inline">
        <legend>{t('agreements.party')}</legend>
        {(['person', 'vendor'] as const).map((k) => (
          <label key={k} className="checkbox">
            <input
              type="radio"
              name="party-kind"
              checked={partyKind === k}
              onChange={() => {
                setPartyKind(k);
                setKind(k === 'person' ? 'employee-undertaking' : 'outsourcing-clause');
              }}
            />
            {t(`agreements.partyKind.${k}`)}
          </label>
        ))}
      </fieldset>
      <div className="row">
        {partyKind === 'person' ? (
          <Field
            label={t('agreements.employeeNo')}
            hint={person ? `${person.name} · ${person.department}` : t('agreements.typeEmployeeNo')}
          >
            {(p) => (
              <input {...p} value={employeeNo} onChange={(e) => setEmployeeNo(e.target.value)} />
            )}
          </Field>
        ) : (
          <Field label={t('agreements.vendorName')}>
            {(p) => (
              <select {...p} value={vendorId} onChange={(e) => setVendorId(e.target.value)}>
                {vendors.map((v) => (
                  <option key={v.id} value={v.id}>
                    {v.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <Field label={t('agreements.kind')}>
          {(p) => (
            <select
              {...p}
              value={kind}
              onChange={(e) => setKind(kinds.find((k) => k === e.target.value) ?? kind)}
            >
              {kinds.map((k) => (
                <option key={k} value={k}>
                  {pick(AGREEMENT_KIND_INFO[k].label, lang)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('agreements.version')}>
          {(p) => <input {...p} value={version} onChange={(e) => setVersion(e.target.value)} />}
        </Field>
      </div>
      <div className="row">
        <Field label={t('agreements.signedOn')}>
          {(p) => (
            <input
              {...p}
              type="date"
              value={signedOn}
              onChange={(e) => setSignedOn(e.target.value)}
            />
          )}
        </Field>
        <Field label={t('agreements.signer')}>
          {(p) => <input {...p} value={signer} onChange={(e) => setSigner(e.target.value)} />}
        </Field>
        <Field label={t('agreements.counterSigner')}>
          {(p) => (
            <input
              {...p}
              value={counterSigner}
              onChange={(e) => setCounterSigner(e.target.value)}
            />
          )}
        </Field>
        <Field label={t('agreements.expiresOn')}>
          {(p) => (
            <input
              {...p}
              type="date"
              value={expiresOn}
              onChange={(e) => setExpiresOn(e.target.value)}
            />
          )}
        </Field>
      </div>
      <div className="field">
        <span>{t('agreements.scan')}</span>{' '}
        <button
          type="button"
          onClick={() =>
            void platform
              .openFile({
                filters: [
                  { name: 'PDF / image', extensions: ['pdf', 'png', 'jpg', 'jpeg', 'tif', 'tiff'] },
                ],
                maxBytes: MAX_EVIDENCE_BYTES,
              })
              .then(setFile, (e: unknown) => setError(describeError(e, t)))
          }
        >
          {file ? file.name : t('agreements.attachScan')}
        </button>
      </div>
      <details>
        <summary>{t('agreements.signOnScreen')}</summary>
        <SignaturePad label={t('agreements.signaturePad')} onChange={setSignature} />
        {signature && <p className="small muted">{t('agreements.signatureToday')}</p>}
      </details>
      <ErrorText message={error} />
      <FormActions onCancel={onCancel} />
    </form>
  );
}
