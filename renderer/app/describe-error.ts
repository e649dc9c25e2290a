/** Turns an error from the data layer into a sentence for the user, in their language. */
import i18next, { type TFunction } from 'i18next';
import { z } from 'zod';
import { WrongSecretError } from '../../shared/crypto';
import { ConflictError } from '../../shared/domain/records';
import { pick } from '../i18n/pick';
import { JobCancelledError, JobError } from '../jobs/protocol';
import { ImportError } from '../../shared/import/errors';
import { BackoffError, CorruptRecordError, DamagedVaultError, LockedError } from '../data/errors';
import { RekeyRefusedError } from '../data/rekey';
import { ImportHasErrorsError } from '../features/registers/import-plan';
import { SignoffRefusedError, UnlockRefusedError } from '../features/signoff/sign';
import { InspectionLockedError, NotePermissionError } from '../../shared/signoff/state';
import { IdentityFileError, SigningPassphraseError } from '../../shared/signoff/identity';
import { RecipientStatementError } from '../../shared/signoff/age-key';
import { RecipientCardError } from '../../shared/signoff/recipient-card';
import { TrustedSignerError } from '../features/signoff/identities';
import { MIN_PASSPHRASE_LENGTH, PassphrasePolicyError } from '../data/vaults';

export function describeError(error: unknown, t: TFunction): string {
  if (error instanceof WrongSecretError) return t('errors.wrongSecret');
  if (error instanceof BackoffError) return t('errors.backoff', { failures: error.failures });
  if (error instanceof PassphrasePolicyError)
    return t('errors.passphraseTooShort', { min: MIN_PASSPHRASE_LENGTH });
  if (error instanceof ConflictError) return t('errors.conflict');
  if (error instanceof LockedError) return t('errors.locked');
  if (error instanceof CorruptRecordError) return t('errors.corrupt', { detail: error.message });
  if (error instanceof RekeyRefusedError)
    return t('errors.rekeyRefused', { count: error.problems.length });
  if (error instanceof DamagedVaultError)
    return t('errors.damagedVault', { part: t(`errors.vaultPart.${error.part}`) });
  if (error instanceof JobCancelledError) return t('errors.cancelled');
  // Lock-down and sign-off refusals carry their own text in both languages.
  if (error instanceof InspectionLockedError) return pick(error.messages, i18next.language);
  if (error instanceof SignoffRefusedError || error instanceof UnlockRefusedError)
    return pick(error.text, i18next.language);
  if (error instanceof SigningPassphraseError) return t('signoff.wrongPassphrase');
  if (error instanceof NotePermissionError) return t('signoff.onlyAuthorClears');
  if (error instanceof TrustedSignerError) return pick(error.text, i18next.language);
  // What is wrong with a key file or card is specific and technical: said as it is.
  if (
    error instanceof IdentityFileError ||
    error instanceof RecipientCardError ||
    error instanceof RecipientStatementError
  )
    return t('signoff.keyFileRefused', { detail: error.message });
  // Errors that carry their own text in both languages (file imports, worker jobs).
  if (
    (error instanceof JobError ||
      error instanceof ImportError ||
      error instanceof ImportHasErrorsError) &&
    error.text
  )
    return t('errors.job', { text: pick(error.text, i18next.language) });
  if (error instanceof z.ZodError) return t('errors.invalid', { detail: z.prettifyError(error) });
  return t('errors.unexpected', { detail: error instanceof Error ? error.message : String(error) });
}
