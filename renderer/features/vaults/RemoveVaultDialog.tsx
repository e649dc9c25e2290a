import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../app/app-context';
import { describeError } from '../../app/describe-error';
import type { VaultEntry } from '../../data/registry';
import { Dialog } from '../../ui/Dialog';
import { ErrorText } from '../../ui/ErrorText';
import { Field } from '../../ui/Field';

/** Removal is irreversible, so the user types the vault's label to confirm it. */
export function RemoveVaultDialog({
  vault,
  onClose,
  onRemoved,
}: {
  vault: VaultEntry;
  onClose: () => void;
  onRemoved: () => void;
}) {
  const { t } = useTranslation();
  const { store } = useApp();
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);
  const matches = typed.trim() === vault.label.trim();
  return (
    <Dialog title={t('remove.title')} onClose={onClose}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!matches) return;
          store.remove(vault.id).then(onRemoved, (e: unknown) => setError(describeError(e, t)));
        }}
      >
        <p>{t('remove.warning', { label: vault.label })}</p>
        <Field label={t('remove.typeLabel', { label: vault.label })}>
          {(props) => (
            <input {...props} value={typed} onChange={(e) => setTyped(e.target.value)} autoFocus />
          )}
        </Field>
        <ErrorText message={error} />
        <div className="actions">
          <button type="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="danger" disabled={!matches}>
            {t('remove.confirm')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
