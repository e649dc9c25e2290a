import { type ReactNode, type SyntheticEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordId } from '../../../shared/domain/records';
import { subjectKey, type Subject } from '../../../shared/signoff/records';
import { levelStatus } from '../../../shared/signoff/state';
import { describeError } from '../../app/describe-error';
import { Dialog } from '../../ui/Dialog';
import { ErrorText } from '../../ui/ErrorText';
import { IdentityPicker } from './IdentityPicker';
import { nextLevelFor } from './next-level';
import { signOff } from './sign';
import type { LoadedSignoff } from './signoff-state';
import type { SignoffView } from './use-signoff';
import { SigningPassphraseField } from './SigningPassphraseField';

/**
 * 簽核: shows what is signed (the summary and the digest the signature covers), whose identity
 * signs and at which level, and asks for that identity's signing passphrase. Refusals are the
 * service's (order, separation of duties, open notes, wrong passphrase).
 */
export function SignDialog({
  view,
  loaded,
  subjects,
  title,
  summary,
  onClose,
}: {
  view: SignoffView;
  loaded: LoadedSignoff;
  /** What to sign; those already holding a valid sign-off at the level are left out. */
  subjects: readonly Subject[];
  title: string;
  summary: ReactNode;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [identityId, setIdentityId] = useState<RecordId | ''>(view.identities[0]?.id ?? '');
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const identity = view.identities.find((i) => i.id === identityId);
  const first = subjects[0] ?? { kind: 'inspection' };
  const level = identity ? nextLevelFor(loaded, identity.fingerprint, first) : null;
  const role = level === null ? undefined : loaded.policy.roles[level - 1];
  const untested = (s: Subject) => s.kind === 'item' && loaded.state.untested.has(s.itemId);
  const skipped = subjects.filter(untested);
  // One subject is offered as is (the service says why it is refused); several are narrowed
  // to what can be signed now: no blank sign-off, nothing signed twice.
  const toSign =
    subjects.length === 1
      ? subjects
      : subjects.filter(
          (s) =>
            !untested(s) &&
            (level === null || levelStatus(loaded.state, s, level).status !== 'valid'),
        );
  const digestOf = (s: Subject) =>
    s.kind === 'item' ? loaded.state.digests.items.get(s.itemId) : loaded.state.digests.inspection;

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    if (!identity || level === null || toSign.length === 0) return;
    setBusy(true);
    setError(null);
    try {
      await signOff(view.session, {
        inspectionId: loaded.inspectionId,
        subjects: toSign,
        level,
        identityId: identity.id,
        passphrase,
      });
      setPassphrase('');
      view.reload();
      onClose();
    } catch (e) {
      setError(describeError(e, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog title={title} onClose={onClose}>
      <form onSubmit={(e) => void submit(e)}>
        <section aria-label={t('signoff.whatIsSigned')}>
          <h3>{t('signoff.whatIsSigned')}</h3>
          {summary}
          <p className="small">{t('signoff.digest')}</p>
          <ul className="plain small mono" aria-label={t('signoff.digest')}>
            {toSign.map((s) => (
              <li key={subjectKey(s)}>
                {s.kind === 'item' ? s.itemId : t('signoff.inspectionTitle')} {digestOf(s)}
              </li>
            ))}
          </ul>
          {subjects.length > 1 && toSign.length === 0 && (
            <p className="small">{t('signoff.nothingToSign')}</p>
          )}
          {subjects.length > 1 && skipped.length > 0 && (
            <div className="small" data-testid="sign-skipped">
              <p>{t('signoff.untestedSkipped', { count: skipped.length })}</p>
              <p className="mono">
                {skipped.map((s) => (s.kind === 'item' ? s.itemId : '')).join(', ')}
              </p>
            </div>
          )}
        </section>
        <fieldset disabled={busy}>
          <IdentityPicker
            identities={view.identities}
            value={identityId}
            onChange={setIdentityId}
          />
          {identity && (
            <p className="small" data-testid="sign-level">
              {role
                ? t('signoff.signsAt', { role: role.name, level })
                : t('signoff.noLevelForIdentity')}
            </p>
          )}
          <SigningPassphraseField value={passphrase} onChange={setPassphrase} />
        </fieldset>
        <ErrorText message={error} />
        <div className="actions">
          <button type="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button
            type="submit"
            className="primary"
            disabled={busy || !identity || level === null || toSign.length === 0 || !passphrase}
          >
            {busy ? t('signoff.signing') : t('signoff.signSubmit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
