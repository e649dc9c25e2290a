import { type SyntheticEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { utf8 } from '../../../shared/crypto/bytes';
import { looksLikeRecipientCard } from '../../../shared/signoff/recipient-card';
import { DEFAULT_ROLES } from '../../../shared/signoff/records';
import { trustedSignersFileText } from '../../../shared/signoff/team-file';
import { useApp } from '../../app/app-context';
import { describeError } from '../../app/describe-error';
import type { VaultSession } from '../../data/vault-session';
import { payloadOf } from '../../data/vault-session';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { ErrorText } from '../../ui/ErrorText';
import { Field } from '../../ui/Field';
import { TextAreaField } from '../../ui/TextAreaField';
import { useRecords } from '../workspace/use-records';
import { RoleSelect } from './RoleSelect';
import { addTrustedSigner, retireTrustedSigner } from './identities';
import { importSignerCard } from './recipient-keys';

const roleName = (key: string | null) =>
  DEFAULT_ROLES.find((r) => r.key === key)?.name ?? key ?? '—';

/** The engagement's trusted signers: whose keys count, who added them, retired keys kept. */
export function TrustedSigners({ session }: { session: VaultSession }) {
  const { t } = useTranslation();
  const { formatDate, platform } = useApp();
  const { records, reload } = useRecords(session, 'trustedSigners');
  const [error, setError] = useState<string | null>(null);
  return (
    <section className="card" aria-label={t('signoff.trustedSigners')}>
      <h2>{t('signoff.trustedSigners')}</h2>
      <table className="small">
        <thead>
          <tr>
            <th>{t('signoff.signerName')}</th>
            <th>{t('signoff.role')}</th>
            <th>{t('signoff.fingerprint')}</th>
            <th>{t('signoff.addedBy')}</th>
            <th>{t('signoff.encryptTo')}</th>
            <th>{t('signoff.status')}</th>
          </tr>
        </thead>
        <tbody>
          {(records ?? []).map((s) => (
            <tr key={s.id}>
              <td>{s.name}</td>
              <td>{roleName(s.role)}</td>
              <td className="mono">{s.fingerprint}</td>
              <td>
                {s.addedBy} · {formatDate(s.addedAt.slice(0, 10))}
              </td>
              <td>{s.recipient ? t('signoff.recipientKnown') : '—'}</td>
              <td>
                {s.retiredAt ? (
                  t('signoff.retiredOn', { date: formatDate(s.retiredAt.slice(0, 10)) })
                ) : (
                  <ConfirmButton
                    label={t('signoff.retire')}
                    confirmLabel={t('signoff.confirmRetire')}
                    onConfirm={() =>
                      void retireTrustedSigner(session, s.id).then(reload, (e: unknown) =>
                        setError(describeError(e, t)),
                      )
                    }
                  />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ErrorText message={error} />
      <div className="actions">
        <button
          type="button"
          disabled={(records ?? []).length === 0}
          onClick={() =>
            void platform
              .saveFile({
                suggestedName: 'trusted-signers.json',
                data: utf8(trustedSignersFileText((records ?? []).map(payloadOf))),
                filters: [{ name: 'JSON', extensions: ['json'] }],
              })
              .catch((e: unknown) => setError(describeError(e, t)))
          }
        >
          {t('signoff.saveTeamFile')}
        </button>
        <p className="hint">{t('signoff.teamFileHint')}</p>
      </div>
      <AddSignerForm session={session} onAdded={reload} />
    </section>
  );
}

/** A public-key file or a signer card is under 2 KiB; this bounds what is read. */
const MAX_KEY_FILE_BYTES = 64 * 1024;

/**
 * A colleague's key, pasted or read from a file: minisign's public key (they can sign), or
 * their signer card (簽章收件卡: they can sign and packages can be encrypted to them), which
 * for a key already trusted adds the recipient to its entry.
 */
function AddSignerForm({ session, onAdded }: { session: VaultSession; onAdded: () => void }) {
  const { t } = useTranslation();
  const { platform } = useApp();
  const [publicKey, setPublicKey] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState('');
  const [error, setError] = useState<string | null>(null);
  const isCard = looksLikeRecipientCard(publicKey);
  async function readFile() {
    setError(null);
    const picked = await platform.openFile({ maxBytes: MAX_KEY_FILE_BYTES });
    if (picked) setPublicKey(new TextDecoder().decode(picked.data));
  }
  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    setError(null);
    try {
      if (isCard) {
        await importSignerCard(session, { text: publicKey, name, role: role || null });
      } else {
        await addTrustedSigner(session, { publicKey, name: name.trim(), role: role || null });
      }
      setPublicKey('');
      setName('');
      onAdded();
    } catch (e) {
      setError(describeError(e, t));
    }
  }
  return (
    <form onSubmit={(e) => void submit(e)} aria-label={t('signoff.addSigner')}>
      <h3>{t('signoff.addSigner')}</h3>
      <TextAreaField
        label={t('signoff.publicKey')}
        rows={2}
        value={publicKey}
        onChange={setPublicKey}
      />
      <p>
        <button type="button" onClick={() => void readFile()}>
          {t('signoff.readKeyFile')}
        </button>{' '}
        {isCard && <span className="small">{t('signoff.cardRecognised')}</span>}
      </p>
      <div className="row">
        <Field label={t('signoff.signerName')}>
          {(p) => <input {...p} value={name} onChange={(e) => setName(e.target.value)} />}
        </Field>
        <RoleSelect value={role} onChange={setRole} />
      </div>
      <ErrorText message={error} />
      <div className="actions">
        <button type="submit" disabled={!publicKey.trim() || (!isCard && !name.trim())}>
          {t('signoff.addSignerSubmit')}
        </button>
      </div>
    </form>
  );
}
