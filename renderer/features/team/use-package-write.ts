/**
 * Writing a package from a form (發出工作包, 繳回): build it, save it through the platform with
 * the form's secret, record it only once saved, then clear the secret; busy and the failure's
 * text for the form. A cancelled save dialog is neither a failure nor done.
 */
import { type SyntheticEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../app/app-context';
import { describeTeamError } from './describe';
import { savePackageFile } from './package-file';
import type { PackageSecretForm } from './use-package-secret';

export function usePackageWrite(
  secret: PackageSecretForm,
  prepare: () => Promise<Parameters<typeof savePackageFile>[1]>,
  onDone: () => void,
) {
  const { t } = useTranslation();
  const { platform } = useApp();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    setBusy(true);
    setFailure(null);
    try {
      const { saved } = await savePackageFile(platform, await prepare(), secret.secret());
      if (!saved) return;
      secret.reset();
      onDone();
    } catch (error) {
      setFailure(describeTeamError(error, t));
    } finally {
      setBusy(false);
    }
  }
  return { busy, failure, submit: (event: SyntheticEvent) => void submit(event) };
}
