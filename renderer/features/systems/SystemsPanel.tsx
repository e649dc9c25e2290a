import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  assessmentStatus,
  drillClickRate,
  drillStatus,
  type InspectedSystem,
  SYSTEM_CLASS_DEFINITIONS,
} from '../../../shared/domain/inspection/systems';
import type { Stored } from '../../../shared/domain/records';
import { useApp } from '../../app/app-context';
import { describeError } from '../../app/describe-error';
import { today } from '../../app/today';
import type { VaultSession } from '../../data/vault-session';
import { pick } from '../../i18n/pick';
import { ErrorText } from '../../ui/ErrorText';
import { useRecords } from '../workspace/use-records';
import { DrillForm } from './DrillForm';
import { SystemForm } from './SystemForm';
import { HiddenHeader } from '../../ui/HiddenHeader';

/** Annex 2's system inventory with assessment cycles, and the yearly social-engineering drill. */
export function SystemsPanel({ session }: { session: VaultSession }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh-TW';
  const { formatDate } = useApp();
  const systems = useRecords(session, 'systems');
  const drills = useRecords(session, 'drills');
  const [editing, setEditing] = useState<Stored<InspectedSystem> | 'new' | null>(null);
  const [addingDrill, setAddingDrill] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const now = today();
  const drill = drillStatus(drills.records ?? [], now);

  async function saveSystem(data: InspectedSystem, current: Stored<InspectedSystem> | null) {
    if (current) await session.update('systems', current.id, current.rev, data, data.name);
    else await session.create('systems', data, data.name);
    setEditing(null);
    systems.reload();
  }

  return (
    <div>
      <div className="page-title">
        <h1>{t('systems.heading')}</h1>
        <button type="button" className="primary" onClick={() => setEditing('new')}>
          {t('systems.add')}
        </button>
      </div>
      <p className="muted small">
        {([1, 2, 3] as const)
          .map((c) => `${t(`systems.class${c}`)}：${pick(SYSTEM_CLASS_DEFINITIONS[c].cycle, lang)}`)
          .join('　')}
      </p>
      <ErrorText message={error ?? (systems.error ? describeError(systems.error, t) : null)} />
      {editing && (
        <SystemForm
          initial={editing === 'new' ? null : editing}
          onCancel={() => setEditing(null)}
          onSave={(data) =>
            saveSystem(data, editing === 'new' ? null : editing).catch((e: unknown) =>
              setError(describeError(e, t)),
            )
          }
        />
      )}
      <table className="grid" aria-label={t('systems.heading')}>
        <thead>
          <tr>
            <th>{t('systems.name')}</th>
            <th>{t('systems.class')}</th>
            <th>{t('systems.lastAssessed')}</th>
            <th>{t('systems.nextDue')}</th>
            <th>{t('systems.state')}</th>
            <HiddenHeader label={t('common.actions')} />
          </tr>
        </thead>
        <tbody>
          {systems.records?.map((system) => {
            const status = assessmentStatus(system, now);
            return (
              <tr key={system.id} className={`status-${status.status}`}>
                <td>{system.name}</td>
                <td>{t(`systems.class${system.systemClass}`)}</td>
                <td>{system.lastAssessedOn ? formatDate(system.lastAssessedOn) : '—'}</td>
                <td>
                  {status.dueOn ? formatDate(status.dueOn) : t('systems.now')}
                  {status.basis === 'major-incident' && (
                    <span className="small muted"> · {t('systems.afterIncident')}</span>
                  )}
                </td>
                <td>
                  <span className={`badge state-${status.status}`}>
                    {t(`systems.status.${status.status}`)}
                  </span>
                </td>
                <td>
                  <button type="button" className="ghost" onClick={() => setEditing(system)}>
                    {t('common.edit')}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {systems.records?.length === 0 && <p className="empty">{t('systems.empty')}</p>}

      <div className="page-title">
        <h2>{t('drills.heading')}</h2>
        <button type="button" onClick={() => setAddingDrill(true)}>
          {t('drills.add')}
        </button>
      </div>
      <p
        role="status"
        className={drill.status === 'overdue' || drill.status === 'never-held' ? 'error' : 'muted'}
      >
        {drill.status === 'never-held'
          ? t('drills.never')
          : t(`drills.status.${drill.status}`, {
              last: formatDate(drill.lastHeldOn),
              due: formatDate(drill.dueOn),
            })}
      </p>
      {addingDrill && (
        <DrillForm
          onCancel={() => setAddingDrill(false)}
          onSave={(data) =>
            session
              .create('drills', data, data.scope)
              .then(() => {
                setAddingDrill(false);
                drills.reload();
              })
              .catch((e: unknown) => setError(describeError(e, t)))
          }
        />
      )}
      <table className="grid">
        <thead>
          <tr>
            <th>{t('drills.heldOn')}</th>
            <th>{t('drills.scope')}</th>
            <th>{t('drills.participants')}</th>
            <th>{t('drills.clicked')}</th>
          </tr>
        </thead>
        <tbody>
          {drills.records?.map((d) => {
            const rate = drillClickRate(d);
            return (
              <tr key={d.id}>
                <td>{formatDate(d.heldOn)}</td>
                <td>{d.scope}</td>
                <td className="num">{d.participants}</td>
                <td className="num">
                  {d.clicked}
                  {rate !== null && ` (${(rate * 100).toFixed(1)}%)`}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
