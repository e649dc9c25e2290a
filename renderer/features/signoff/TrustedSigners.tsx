import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { utf8 } from '../../../shared/crypto/bytes';
import { DEFAULT_ROLES } from '../../../shared/signoff/records';
import { trustedSignersFileText } from '../../../shared/signoff/team-file';
import { useApp } from '../../app/app-context';
import { describeError } from '../../app/describe-error';
import type { VaultSession } from '../../data/vault-session';
import { payloadOf } from '../../data/vault-session';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { ErrorText } from '../../ui/ErrorText';
import { useRecords } from '../workspace/use-records';
import { AddSignerForm } from './AddSignerForm';
import { retireTrustedSigner } from './identities';
import { ReplaceKeyForm } from './ReplaceKeyForm';

const roleName = (key: string | null) =>
  DEFAULT_ROLES.find((r) => r.key === key)?.name ?? key ?? '—';

/**
 * The engagement's trusted signers: whose keys count, who added them, whom packages can be
 * encrypted to; retired keys kept (停用金鑰, or 更換金鑰 for a person's new key).
 */
export function TrustedSigners({ session }: { session: VaultSession }) {
  const { t } = useTranslation();
  const { formatDate, platform } = useApp();
  const { records, reload } = useRecords(session, 'trustedSigners');
  const [error, setError] = useState<string | null>(null);
  const [replacing, setReplacing] = useState<string | null>(null);
  const replaced = (records ?? []).find((s) => s.id === replacing);
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
                  <span className="actions inline">
                    <button type="button" className="link" onClick={() => setReplacing(s.id)}>
                      {t('signoff.replaceKey')}
                    </button>
                    <ConfirmButton
                      label={t('signoff.retire')}
                      confirmLabel={t('signoff.confirmRetire')}
                      onConfirm={() =>
                        void retireTrustedSigner(session, s.id).then(reload, (e: unknown) =>
                          setError(describeError(e, t)),
                        )
                      }
                    />
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ErrorText message={error} />
      {replaced && replaced.retiredAt === null && (
        <ReplaceKeyForm
          key={replaced.id}
          session={session}
          signer={replaced}
          onDone={(done) => {
            setReplacing(null);
            if (done) reload();
          }}
        />
      )}
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
