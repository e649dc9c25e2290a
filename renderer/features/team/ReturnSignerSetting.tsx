import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VaultSession } from '../../data/vault-session';
import { ErrorText } from '../../ui/ErrorText';
import { describeTeamError } from './describe';
import { readEngagementPolicy, setRequireTrustedSigner } from './engagement-policy';

/** 僅接受受信任簽章者簽署的繳回: the lead's switch, saved as the engagement's setting. */
export function ReturnSignerSetting({ session }: { session: VaultSession }) {
  const { t } = useTranslation();
  const [on, setOn] = useState<boolean | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void readEngagementPolicy(session).then((p) => setOn(p.requireTrustedSigner));
  }, [session]);
  function change(next: boolean) {
    setError(null);
    setRequireTrustedSigner(session, next).then(
      (p) => setOn(p.requireTrustedSigner),
      (e: unknown) => setError(describeTeamError(e, t)),
    );
  }
  return (
    <div>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={on === true}
          disabled={on === null}
          onChange={(e) => change(e.target.checked)}
        />
        <span>
          {t('team.requireTrustedSigner')}
          <span className="hint small block">{t('team.requireTrustedSignerHint')}</span>
        </span>
      </label>
      <ErrorText message={error} />
    </div>
  );
}
