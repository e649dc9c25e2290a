import { type SyntheticEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordId } from '../../../shared/domain/records';
import { InspectionLockedError } from '../../../shared/signoff/state';
import { describeError } from '../../app/describe-error';
import { pick } from '../../i18n/pick';
import { Dialog } from '../../ui/Dialog';
import { ErrorText } from '../../ui/ErrorText';
import { TextAreaField } from '../../ui/TextAreaField';
import { IdentityPicker } from './IdentityPicker';
import { useSignedAt } from './LevelStrip';
import { unlockInspection } from './sign';
import { useSignoffView, type SignoffView } from './use-signoff';
import { SigningPassphraseField } from './SigningPassphraseField';

const LOCKED_TEXT = new InspectionLockedError().messages;

/** 已定稿: says the inspection is read-only and why, with the approver's unlock. */
export function LockBanner() {
  const { t, i18n } = useTranslation();
  const view = useSignoffView();
  const signedAt = useSignedAt();
  const [unlocking, setUnlocking] = useState(false);
  const locked = view?.loaded?.lockedBy;
  if (!view || !locked) return null;
  return (
    <div className="banner locked" role="status" aria-label={t('signoff.locked')}>
      <strong>{t('signoff.locked')}</strong>{' '}
      {t('signoff.lockedBy', { name: locked.signer.name, at: signedAt(locked.signedAt) })}
      <p className="small">{pick(LOCKED_TEXT, i18n.language)}</p>
      <button type="button" onClick={() => setUnlocking(true)}>
        {t('signoff.unlock')}
      </button>
      {unlocking && <UnlockDialog view={view} onClose={() => setUnlocking(false)} />}
    </div>
  );
}

function UnlockDialog({ view, onClose }: { view: SignoffView; onClose: () => void }) {
  const { t } = useTranslation();
  const [identityId, setIdentityId] = useState<RecordId | ''>(view.identities[0]?.id ?? '');
  const [passphrase, setPassphrase] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    const inspectionId = view.loaded?.inspectionId;
    if (!inspectionId || !identityId) return;
    setBusy(true);
    setError(null);
    try {
      await unlockInspection(view.session, { inspectionId, identityId, passphrase, reason });
      view.reload();
      onClose();
    } catch (e) {
      setError(describeError(e, t));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Dialog title={t('signoff.unlockTitle')} onClose={onClose}>
      <form onSubmit={(e) => void submit(e)}>
        <p className="small">{t('signoff.unlockHint')}</p>
        <fieldset disabled={busy}>
          <IdentityPicker
            identities={view.identities}
            value={identityId}
            onChange={setIdentityId}
          />
          <SigningPassphraseField value={passphrase} onChange={setPassphrase} />
          <TextAreaField
            label={t('signoff.unlockReason')}
            rows={2}
            value={reason}
            onChange={setReason}
          />
        </fieldset>
        <ErrorText message={error} />
        <div className="actions">
          <button type="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button
            type="submit"
            className="primary"
            disabled={busy || !identityId || !passphrase || !reason.trim()}
          >
            {t('signoff.unlockSubmit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
