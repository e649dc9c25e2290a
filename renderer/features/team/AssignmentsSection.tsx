import { type SyntheticEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VaultSession } from '../../data/vault-session';
import { ErrorText } from '../../ui/ErrorText';
import { Field } from '../../ui/Field';
import { assign } from './assignments';
import { describeTeamError } from './describe';
import type { TeamData } from './team-data';

/** 分派: give a checklist section or item to an auditor; the list of assignments. */
export function AssignmentsSection({
  session,
  data,
  onChange,
}: {
  session: VaultSession;
  data: TeamData;
  onChange: () => void;
}) {
  const { t } = useTranslation();
  const [form, setForm] = useState({
    inspectionId: '',
    kind: 'section' as 'section' | 'item',
    target: '',
    auditor: '',
  });
  const [failure, setFailure] = useState<string | null>(null);
  const inspectionId = form.inspectionId || data.inspections[0]?.id || '';
  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    setFailure(null);
    try {
      await assign(
        session,
        inspectionId,
        { kind: form.kind, id: form.target.trim() },
        form.auditor,
      );
      setForm((f) => ({ ...f, target: '' }));
      onChange();
    } catch (error) {
      setFailure(describeTeamError(error, t));
    }
  }
  return (
    <section aria-labelledby="team-assign">
      <h2 id="team-assign">{t('team.assignments')}</h2>
      {data.inspections.length === 0 ? (
        <p className="muted">{t('team.noInspection')}</p>
      ) : (
        <form className="row inline-actions" onSubmit={(e) => void submit(e)}>
          <Field label={t('team.inspection')}>
            {(p) => (
              <select
                {...p}
                value={inspectionId}
                onChange={(e) => setForm((f) => ({ ...f, inspectionId: e.target.value }))}
              >
                {data.inspections.map((i) => (
                  <option key={i.id} value={i.id}>
                    {i.title}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('team.targetKind')}>
            {(p) => (
              <select
                {...p}
                value={form.kind}
                onChange={(e) =>
                  setForm((f) => ({ ...f, kind: e.target.value as 'section' | 'item' }))
                }
              >
                <option value="section">{t('team.kind.section')}</option>
                <option value="item">{t('team.kind.item')}</option>
              </select>
            )}
          </Field>
          <Field label={t('team.target')}>
            {(p) => (
              <input
                {...p}
                value={form.target}
                onChange={(e) => setForm((f) => ({ ...f, target: e.target.value }))}
              />
            )}
          </Field>
          <Field label={t('team.auditor')}>
            {(p) => (
              <input
                {...p}
                value={form.auditor}
                onChange={(e) => setForm((f) => ({ ...f, auditor: e.target.value }))}
              />
            )}
          </Field>
          <button type="submit" disabled={!form.target.trim() || !form.auditor.trim()}>
            {t('team.assign')}
          </button>
        </form>
      )}
      <ErrorText message={failure} />
      {data.assignments.length === 0 ? (
        <p className="muted">{t('team.noAssignments')}</p>
      ) : (
        <table className="grid" aria-label={t('team.assignments')}>
          <thead>
            <tr>
              <th>{t('team.target')}</th>
              <th>{t('team.auditor')}</th>
            </tr>
          </thead>
          <tbody>
            {data.assignments.map((a) => (
              <tr key={a.id}>
                <td>
                  {t(`team.kind.${a.target.kind}`)} {a.target.id}
                </td>
                <td>{a.auditor}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
