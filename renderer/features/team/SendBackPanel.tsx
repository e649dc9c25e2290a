import { type SyntheticEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Stored } from '../../../shared/domain/records';
import type { Origin } from '../../../shared/domain/team';
import { useApp } from '../../app/app-context';
import type { VaultSession } from '../../data/vault-session';
import { ErrorText } from '../../ui/ErrorText';
import { describeTeamError } from './describe';
import { PackageSecretFields } from './PackageSecretFields';
import { savePackageFile } from './package-file';
import { prepareReturn } from './send-back';
import { usePackageSecret } from './use-package-secret';

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
  const { platform, formatDateTime } = useApp();
  const secret = usePackageSecret(session);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    setBusy(true);
    setFailure(null);
    try {
      const prepared = await prepareReturn(session);
      const { saved } = await savePackageFile(platform, prepared, secret.secret());
      if (!saved) return;
      secret.reset();
      onDone();
    } catch (error) {
      setFailure(describeTeamError(error, t));
    } finally {
      setBusy(false);
    }
  }
  return (
    <div className="team">
      <h1>{t('team.auditorTitle')}</h1>
      <p>{t('team.receivedFrom', { lead: origin.lead, at: formatDateTime(origin.receivedAt) })}</p>
      <p>
        {t('team.scope')}: {origin.scope.join('、') || '—'}
      </p>
      <form className="row" onSubmit={(e) => void submit(e)}>
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
