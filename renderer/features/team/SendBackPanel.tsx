import { useTranslation } from 'react-i18next';
import type { Stored } from '../../../shared/domain/records';
import type { Origin } from '../../../shared/domain/team';
import { useApp } from '../../app/app-context';
import type { VaultSession } from '../../data/vault-session';
import { ErrorText } from '../../ui/ErrorText';
import { PackageSecretFields } from './PackageSecretFields';
import { prepareReturn } from './send-back';
import { usePackageSecret } from './use-package-secret';
import { usePackageWrite } from './use-package-write';

/** An auditor's Team tab: where the package came from, 繳回 (recorded once saved), returns sent. */
export function SendBackPanel({
  session,
  origin,
  onDone,
}: {
  session: VaultSession;
  origin: Stored<Origin>;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { formatDateTime } = useApp();
  const secret = usePackageSecret(session);
  const { busy, failure, submit } = usePackageWrite(secret, () => prepareReturn(session), onDone);
  return (
    <div className="team">
      <h1>{t('team.auditorTitle')}</h1>
      <p>{t('team.receivedFrom', { lead: origin.lead, at: formatDateTime(origin.receivedAt) })}</p>
      <p>
        {t('team.scope')}: {origin.scope.join('、') || '—'}
      </p>
      <form className="row inline-actions" onSubmit={submit}>
        <PackageSecretFields form={secret} />
        <button type="submit" className="primary" disabled={busy || !secret.ready}>
          {t('team.sendBack')}
        </button>
      </form>
      <ErrorText message={failure} />
      <ul aria-label={t('team.returnedList')}>
        {origin.returned.map((r) => (
          <li key={r.packageId}>{t('team.returnedAt', { at: formatDateTime(r.at) })}</li>
        ))}
      </ul>
    </div>
  );
}
