import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../app/app-context';
import type { VaultSession } from '../../data/vault-session';
import { ErrorText } from '../../ui/ErrorText';
import { Field } from '../../ui/Field';
import { prepareHandout } from './handout';
import { PackageSecretFields } from './PackageSecretFields';
import type { TeamData } from './team-data';
import { usePackageSecret } from './use-package-secret';
import { usePackageWrite } from './use-package-write';

/** 發出工作包: write an auditor's hand-out package (recorded once saved); the list written. */
export function HandOutSection({
  session,
  data,
  onChange,
}: {
  session: VaultSession;
  data: TeamData;
  onChange: () => void;
}) {
  const { t } = useTranslation();
  const { formatDateTime } = useApp();
  const [auditor, setAuditor] = useState('');
  const secret = usePackageSecret(session);
  const { busy, failure, submit } = usePackageWrite(
    secret,
    () => {
      const scope = data.assignments
        .filter((a) => a.auditor === auditor.trim())
        .map((a) => a.target.id);
      return prepareHandout(session, auditor, scope);
    },
    onChange,
  );
  return (
    <section aria-labelledby="team-handout">
      <h2 id="team-handout">{t('team.handOut')}</h2>
      <form className="row inline-actions" onSubmit={submit}>
        <Field label={t('team.auditor')}>
          {(p) => <input {...p} value={auditor} onChange={(e) => setAuditor(e.target.value)} />}
        </Field>
        <PackageSecretFields form={secret} />
        <button
          type="submit"
          className="primary"
          disabled={busy || !auditor.trim() || !secret.ready}
        >
          {t('team.writePackage')}
        </button>
      </form>
      <ErrorText message={failure} />
      {data.handouts.length === 0 ? (
        <p className="muted">{t('team.noHandouts')}</p>
      ) : (
        <table className="grid" aria-label={t('team.handouts')}>
          <thead>
            <tr>
              <th>{t('team.auditor')}</th>
              <th>{t('team.when')}</th>
              <th>{t('team.scope')}</th>
            </tr>
          </thead>
          <tbody>
            {data.handouts.map((h) => (
              <tr key={h.id}>
                <td>{h.auditor}</td>
                <td>{formatDateTime(h.at)}</td>
                <td>{h.scope.join('、')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
