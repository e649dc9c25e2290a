import { type SyntheticEvent, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Stored } from '../../../shared/domain/records';
import type { Assignment, Handout, MergedPackageRecord, Origin } from '../../../shared/domain/team';
import { useApp } from '../../app/app-context';
import type { VaultSession } from '../../data/vault-session';
import { ErrorText } from '../../ui/ErrorText';
import { Field } from '../../ui/Field';
import { SecretInput } from '../../ui/SecretInput';
import { catalogItem } from '../inspection/library';
import { assign, assigneeOf } from './assignments';
import { describeTeamError } from './describe';
import { prepareHandout } from './handout';
import { MergeView } from './MergeView';
import { savePackageFile } from './package-file';
import { ProvenanceView } from './ProvenanceView';
import { originOf, prepareReturn } from './send-back';

interface TeamData {
  origin: Stored<Origin> | null;
  inspections: { id: string; title: string }[];
  assignments: Stored<Assignment>[];
  handouts: Stored<Handout>[];
  merged: Stored<MergedPackageRecord>[];
  /** Per checklist item result: who it is assigned to and whether it has a result. */
  items: { assignee: string | null; done: boolean }[];
}

async function load(session: VaultSession): Promise<TeamData> {
  const [origin, inspections, assignments, handouts, merged, results] = await Promise.all([
    originOf(session),
    session.list('inspections'),
    session.list('assignments'),
    session.list('handouts'),
    session.list('mergedPackages'),
    session.list('itemResults'),
  ]);
  const items = results.map((r) => {
    const own = assignments.filter((a) => a.inspectionId === r.inspectionId);
    const section = catalogItem(r.itemId)?.section ?? '';
    return { assignee: assigneeOf(own, r.itemId, section), done: r.result !== null };
  });
  return {
    origin,
    inspections: inspections.map((i) => ({ id: i.id, title: i.title })),
    assignments,
    handouts,
    merged,
    items,
  };
}

/** 團隊分工 / Team: the lead assigns, hands out and merges; an auditor sends back. */
export function TeamPanel({ session }: { session: VaultSession }) {
  const { t } = useTranslation();
  const [data, setData] = useState<TeamData | null>(null);
  const reload = useCallback(() => {
    void load(session).then(setData);
  }, [session]);
  useEffect(reload, [reload]);
  if (!data) return <p className="muted">{t('common.loading')}</p>;
  if (data.origin) return <AuditorSide session={session} origin={data.origin} onDone={reload} />;
  return (
    <div className="team">
      <h2>{t('team.title')}</h2>
      <Assignments session={session} data={data} onChange={reload} />
      <Dashboard data={data} />
      <HandOut session={session} data={data} onChange={reload} />
      <MergeView session={session} onMerged={reload} />
      <ProvenanceView session={session} refresh={data} />
    </div>
  );
}

function Assignments({
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
      <h3 id="team-assign">{t('team.assignments')}</h3>
      {data.inspections.length === 0 ? (
        <p className="muted">{t('team.noInspection')}</p>
      ) : (
        <form className="row" onSubmit={(e) => void submit(e)}>
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
      <table aria-label={t('team.assignments')}>
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
    </section>
  );
}

function Dashboard({ data }: { data: TeamData }) {
  const { t } = useTranslation();
  const auditors = [
    ...new Set([...data.assignments.map((a) => a.auditor), ...data.handouts.map((h) => h.auditor)]),
  ];
  return (
    <section aria-labelledby="team-dashboard">
      <h3 id="team-dashboard">{t('team.dashboard')}</h3>
      <table aria-label={t('team.dashboard')}>
        <thead>
          <tr>
            <th>{t('team.auditor')}</th>
            <th>{t('team.assigned')}</th>
            <th>{t('team.done')}</th>
            <th>{t('team.handedOut')}</th>
            <th>{t('team.merged')}</th>
          </tr>
        </thead>
        <tbody>
          {auditors.map((name) => (
            <tr key={name} data-auditor={name}>
              <td>{name}</td>
              <td>{data.items.filter((i) => i.assignee === name).length}</td>
              <td>{data.items.filter((i) => i.assignee === name && i.done).length}</td>
              <td>{data.handouts.filter((h) => h.auditor === name).length}</td>
              <td>{data.merged.filter((m) => m.auditor === name).length}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function HandOut({
  session,
  data,
  onChange,
}: {
  session: VaultSession;
  data: TeamData;
  onChange: () => void;
}) {
  const { t } = useTranslation();
  const { platform, formatDateTime } = useApp();
  const [auditor, setAuditor] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    setBusy(true);
    setFailure(null);
    try {
      const scope = data.assignments
        .filter((a) => a.auditor === auditor.trim())
        .map((a) => a.target.id);
      const prepared = await prepareHandout(session, auditor, scope);
      const { saved } = await savePackageFile(platform, prepared, passphrase);
      if (!saved) return;
      setPassphrase('');
      onChange();
    } catch (error) {
      setFailure(describeTeamError(error, t));
    } finally {
      setBusy(false);
    }
  }
  return (
    <section aria-labelledby="team-handout">
      <h3 id="team-handout">{t('team.handOut')}</h3>
      <form className="row" onSubmit={(e) => void submit(e)}>
        <Field label={t('team.auditor')}>
          {(p) => <input {...p} value={auditor} onChange={(e) => setAuditor(e.target.value)} />}
        </Field>
        <Field label={t('team.packagePassphrase')}>
          {(p) => (
            <SecretInput
              {...p}
              value={passphrase}
              onChange={(e) => setPassphrase(e.target.value)}
            />
          )}
        </Field>
        <button
          type="submit"
          className="primary"
          disabled={busy || !auditor.trim() || passphrase.length < 12}
        >
          {t('team.writePackage')}
        </button>
      </form>
      <ErrorText message={failure} />
      <table aria-label={t('team.handouts')}>
        <thead>
          <tr>
            <th>{t('team.auditor')}</th>
            <th>{t('team.when')}</th>
            <th>{t('team.scope')}</th>
          </tr>
        </thead>
        <tbody>
          {data.handouts.map((h) => (
            <tr key={h.id}>
              <td>{h.auditor}</td>
              <td>{formatDateTime(h.at)}</td>
              <td>{h.scope.join('、')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function AuditorSide({
  session,
  origin,
  onDone,
}: {
  session: VaultSession;
  origin: Stored<Origin>;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { platform, formatDateTime } = useApp();
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    setBusy(true);
    setFailure(null);
    try {
      const { saved } = await savePackageFile(platform, await prepareReturn(session), passphrase);
      if (!saved) return;
      setPassphrase('');
      onDone();
    } catch (error) {
      setFailure(describeTeamError(error, t));
    } finally {
      setBusy(false);
    }
  }
  return (
    <div className="team">
      <h2>{t('team.auditorTitle')}</h2>
      <p>{t('team.receivedFrom', { lead: origin.lead, at: formatDateTime(origin.receivedAt) })}</p>
      <p>
        {t('team.scope')}: {origin.scope.join('、') || '—'}
      </p>
      <form className="row" onSubmit={(e) => void submit(e)}>
        <Field label={t('team.packagePassphrase')}>
          {(p) => (
            <SecretInput
              {...p}
              value={passphrase}
              onChange={(e) => setPassphrase(e.target.value)}
            />
          )}
        </Field>
        <button type="submit" className="primary" disabled={busy || passphrase.length < 12}>
          {t('team.sendBack')}
        </button>
      </form>
      <ErrorText message={failure} />
      <ul aria-label={t('team.returnedList')}>
        {origin.returned.map((r) => (
          <li key={r.packageId}>{t('team.returnedAt', { at: formatDateTime(r.at) })}</li>
        ))}
      </ul>
    </div>
  );
}
