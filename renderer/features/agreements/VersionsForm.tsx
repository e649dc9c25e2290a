import { type SyntheticEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import {
  AGREEMENT_KIND_INFO,
  AGREEMENT_KINDS,
  PERSON_AGREEMENT_KINDS,
} from '../../../shared/registers/agreements/agreements';
import {
  type CurrentVersions,
  currentVersionsSchema,
} from '../../../shared/registers/agreements/current-versions';
import { pick } from '../../i18n/pick';
import { ErrorText } from '../../ui/ErrorText';
import { FormActions } from '../../ui/FormActions';

type Rows = Record<string, { current: string; accepted: string }>;

/**
 * The form versions in force (an agreement on another version is reported as outdated), which
 * documents every employee must have signed, and the grace days for revoking access.
 */
export function VersionsForm({
  initial,
  onSave,
  onCancel,
}: {
  initial: CurrentVersions;
  onSave: (versions: CurrentVersions) => Promise<void>;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [rows, setRows] = useState<Rows>(() =>
    Object.fromEntries(
      AGREEMENT_KINDS.map((kind) => [
        kind,
        {
          current: initial.versions[kind]?.current ?? '',
          accepted: initial.versions[kind]?.accepted.join(', ') ?? '',
        },
      ]),
    ),
  );
  const [required, setRequired] = useState(initial.requiredForEmployees);
  const [error, setError] = useState<string | null>(null);

  function submit(event: SyntheticEvent) {
    event.preventDefault();
    const versions = Object.fromEntries(
      Object.entries(rows)
        .filter(([, row]) => row.current.trim() !== '')
        .map(([kind, row]) => [
          kind,
          {
            current: row.current,
            accepted: row.accepted
              .split(/[,，、]/)
              .map((v) => v.trim())
              .filter((v) => v !== ''),
          },
        ]),
    );
    const parsed = currentVersionsSchema.safeParse({
      ...initial,
      versions,
      requiredForEmployees: required,
    });
    if (!parsed.success) {
      setError(z.prettifyError(parsed.error));
      return;
    }
    void onSave(parsed.data);
  }

  return (
    <form className="card" onSubmit={submit} aria-label={t('agreements.versions')}>
      <table className="grid compact">
        <thead>
          <tr>
            <th>{t('agreements.kind')}</th>
            <th>{t('agreements.currentVersion')}</th>
            <th>{t('agreements.acceptedVersions')}</th>
            <th>{t('agreements.requiredForEmployees')}</th>
          </tr>
        </thead>
        <tbody>
          {AGREEMENT_KINDS.map((kind) => {
            const label = pick(AGREEMENT_KIND_INFO[kind].label, i18n.language);
            const row = rows[kind] ?? { current: '', accepted: '' };
            return (
              <tr key={kind}>
                <td>{label}</td>
                <td>
                  <input
                    aria-label={`${label} ${t('agreements.currentVersion')}`}
                    autoComplete="off"
                    value={row.current}
                    onChange={(e) =>
                      setRows({ ...rows, [kind]: { ...row, current: e.target.value } })
                    }
                  />
                </td>
                <td>
                  <input
                    aria-label={`${label} ${t('agreements.acceptedVersions')}`}
                    autoComplete="off"
                    value={row.accepted}
                    onChange={(e) =>
                      setRows({ ...rows, [kind]: { ...row, accepted: e.target.value } })
                    }
                  />
                </td>
                <td>
                  {PERSON_AGREEMENT_KINDS.includes(kind) && (
                    <input
                      type="checkbox"
                      aria-label={`${label} ${t('agreements.requiredForEmployees')}`}
                      checked={required.includes(kind)}
                      onChange={(e) =>
                        setRequired(
                          e.target.checked
                            ? [...required, kind]
                            : required.filter((k) => k !== kind),
                        )
                      }
                    />
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <ErrorText message={error} />
      <FormActions onCancel={onCancel} />
    </form>
  );
}
