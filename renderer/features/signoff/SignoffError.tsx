import { useTranslation } from 'react-i18next';
import { describeError } from '../../app/describe-error';
import { ErrorText } from '../../ui/ErrorText';

/** The sign-off state could not be read (e.g. a link to a file not in the vault): say why. */
export function SignoffError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  return (
    <section className="card signoff" aria-label={t('signoff.heading')}>
      <ErrorText message={describeError(error, t)} />
    </section>
  );
}
