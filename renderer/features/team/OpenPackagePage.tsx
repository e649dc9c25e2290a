import { type SyntheticEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../app/app-context';
import { describeTeamError } from './describe';
import { characterCount, type CreatedVault, MIN_PASSPHRASE_LENGTH } from '../../data/vaults';
import { ErrorText } from '../../ui/ErrorText';
import { Field } from '../../ui/Field';
import { SecretInput } from '../../ui/SecretInput';
import { NewPassphraseFields } from '../vaults/NewPassphraseFields';
import { openHandout } from './handout';
import { IdentityFileFields, noIdentityFile } from './IdentityFileFields';
import { isHandout, packageCodec } from './package-contents';
import { isRecipientPackage, withOpenKeys } from './package-keys';

/**
 * The auditor's side: a hand-out package opened into a new vault of their own (own
 * passphrase, own recovery key, shown next as after any vault creation), with the package
 * passphrase, or, for a package encrypted to them, their identity file and signing passphrase
 * (the identity then kept in the new vault unless they say not to).
 */
export function OpenPackagePage({
  onCancel,
  onCreated,
}: {
  onCancel: () => void;
  onCreated: (created: CreatedVault) => void;
}) {
  const { t } = useTranslation();
  const { store, platform } = useApp();
  const [file, setFile] = useState<{ name: string; data: Uint8Array } | null>(null);
  const [form, setForm] = useState({
    packagePass: '',
    label: '',
    owner: '',
    passphrase: '',
    confirm: '',
  });
  const [withIdentity, setWithIdentity] = useState(noIdentityFile);
  const recipient = file !== null && isRecipientPackage(file.data);
  const [errors, setErrors] = useState<Partial<Record<'passphrase' | 'confirm', string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => {
    setForm((f) => ({ ...f, [key]: e.target.value }));
  };

  async function pick() {
    const picked = await platform.openFile({ maxBytes: 50 * 1024 * 1024 });
    if (picked) setFile(picked);
  }

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    const found: typeof errors = {};
    if (characterCount(form.passphrase) < MIN_PASSPHRASE_LENGTH) {
      found.passphrase = t('errors.passphraseTooShort', { min: MIN_PASSPHRASE_LENGTH });
    }
    if (form.confirm !== form.passphrase) found.confirm = t('create.mismatch');
    setErrors(found);
    if (Object.keys(found).length > 0 || !file) return;
    setBusy(true);
    setFailure(null);
    try {
      const identity = recipient ? withIdentity.file?.identity : undefined;
      const keys = {
        passphrase: form.packagePass,
        identity: identity ? { identity, passphrase: withIdentity.passphrase } : null,
      };
      const read = await withOpenKeys(keys, [file.data], (keyFor) =>
        packageCodec.read(file.data, keyFor(file.data)),
      );
      const contents = read.contents;
      if (!isHandout(contents)) throw new Error(t('team.notHandout'));
      const created = await openHandout(store, contents, {
        label: form.label.trim() || file.name,
        owner: form.owner.trim() || contents.meta.auditor,
        passphrase: form.passphrase,
        ...(identity && withIdentity.keep ? { identity } : {}),
      });
      onCreated(created);
    } catch (error) {
      setFailure(describeTeamError(error, t));
      setBusy(false);
    }
  }

  return (
    <section className="page narrow">
      <h1>{t('team.openTitle')}</h1>
      <p className="muted">{t('team.openExplain')}</p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <fieldset disabled={busy}>
          <legend>{t('team.package')}</legend>
          <p>
            <button type="button" onClick={() => void pick()}>
              {t('team.pickPackage')}
            </button>{' '}
            <span data-testid="picked-package">{file?.name ?? ''}</span>
          </p>
          {recipient ? (
            <IdentityFileFields value={withIdentity} onChange={setWithIdentity} />
          ) : (
            <Field label={t('team.packagePassphrase')}>
              {(p) => <SecretInput {...p} value={form.packagePass} onChange={set('packagePass')} />}
            </Field>
          )}
          <Field label={t('create.label')}>
            {(p) => <input {...p} value={form.label} onChange={set('label')} />}
          </Field>
          <Field label={t('create.owner')} hint={t('create.ownerHint')}>
            {(p) => <input {...p} value={form.owner} onChange={set('owner')} />}
          </Field>
        </fieldset>
        <fieldset disabled={busy}>
          <legend>{t('create.protection')}</legend>
          <NewPassphraseFields
            label={t('create.passphrase')}
            passphrase={form.passphrase}
            confirm={form.confirm}
            onPassphrase={(passphrase) => setForm((f) => ({ ...f, passphrase }))}
            onConfirm={(confirm) => setForm((f) => ({ ...f, confirm }))}
            userInputs={[form.label, form.owner]}
            errors={errors}
          />
        </fieldset>
        <ErrorText message={failure} />
        <div className="actions">
          <button type="button" onClick={onCancel} disabled={busy}>
            {t('common.cancel')}
          </button>
          <button
            type="submit"
            className="primary"
            disabled={
              busy ||
              !file ||
              (recipient && (withIdentity.file === null || !withIdentity.passphrase))
            }
          >
            {t('team.openSubmit')}
          </button>
        </div>
      </form>
    </section>
  );
}
