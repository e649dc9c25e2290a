import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Stored } from '../../../shared/domain/records';
import type { MergeInfoRecord } from '../../../shared/domain/team';
import type { LosingValue } from '../../../shared/merge';
import { useApp } from '../../app/app-context';
import { type SealedRecordTable, tableSpec } from '../../data/tables';
import { payloadOf, type VaultSession } from '../../data/vault-session';
import { ErrorText } from '../../ui/ErrorText';
import { describeTeamError } from './describe';
import { showValue } from './MergeView';
import { recordLabel } from './record-label';

/**
 * Where each merged field's value came from (package, auditor, when, how, decided by whom),
 * and the values that lost, each of which can be put back into the record.
 */
export function ProvenanceView({
  session,
  refresh,
}: {
  session: VaultSession;
  /** Changes whenever the panel reloaded (after a merge). */
  refresh: unknown;
}) {
  const { t } = useTranslation();
  const { formatDateTime } = useApp();
  const [infos, setInfos] = useState<Stored<MergeInfoRecord>[]>([]);
  const [labels, setLabels] = useState<Readonly<Record<string, string>>>({});
  const [selected, setSelected] = useState<string>('');
  const [failure, setFailure] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    void session.list('mergeInfo').then(setInfos);
  }, [session, tick, refresh]);
  // Named by what the lead recognises (item code, title), not only by an id's end.
  useEffect(() => {
    void Promise.all(
      infos.map(async (i) => {
        const record = await session.get(i.table as SealedRecordTable, i.id);
        return [i.id, recordLabel(i.table, i.id, record && payloadOf(record))] as const;
      }),
    ).then((entries) => setLabels(Object.fromEntries(entries)));
  }, [session, infos]);
  const info = infos.find((i) => i.id === selected) ?? null;

  async function restore(value: LosingValue) {
    if (!info || value.field === null) return;
    setFailure(null);
    try {
      const table = info.table as SealedRecordTable;
      const record = await session.get(table, info.id);
      if (!record) return;
      const data = {
        ...(payloadOf(record) as Record<string, unknown>),
        [value.field]: value.value,
      };
      await session.update(
        table,
        record.id,
        record.rev,
        tableSpec(table).schema.parse(data),
        `restored ${value.field}`,
      );
      setTick((n) => n + 1);
    } catch (error) {
      setFailure(describeTeamError(error, t));
    }
  }

  return (
    <section aria-labelledby="team-provenance">
      <h2 id="team-provenance">{t('team.provenance')}</h2>
      <label>
        {t('team.record')}{' '}
        <select value={selected} onChange={(e) => setSelected(e.target.value)}>
          <option value="">—</option>
          {infos.map((i) => (
            <option key={i.id} value={i.id}>
              {labels[i.id] ?? recordLabel(i.table, i.id, undefined)}
            </option>
          ))}
        </select>
      </label>
      {info && (
        <>
          <table aria-label={t('team.provenance')}>
            <thead>
              <tr>
                <th>{t('team.field')}</th>
                <th>{t('team.how')}</th>
                <th>{t('team.source')}</th>
                <th>{t('team.decidedBy')}</th>
              </tr>
            </thead>
            <tbody>
              {info.info.provenance.map((p, i) => (
                <tr key={i}>
                  <td>
                    {p.field ?? t('team.wholeRecord')}
                    {p.key ? `/${p.key}` : ''}
                  </td>
                  <td>{t(`team.how_${p.how}`)}</td>
                  <td>
                    {p.sources
                      .map(
                        (s) =>
                          `${s.auditor} (${s.packageId?.slice(-8) ?? t('team.lead')}) ${formatDateTime(s.updatedAt)}`,
                      )
                      .join('；')}
                  </td>
                  <td>
                    {p.decidedBy ?? '—'} · {formatDateTime(p.mergedAt)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3>{t('team.losing')}</h3>
          <table aria-label={t('team.losing')}>
            <thead>
              <tr>
                <th>{t('team.field')}</th>
                <th>{t('team.value')}</th>
                <th>{t('team.source')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {info.info.losing.map((l, i) => (
                <tr key={i}>
                  <td>{l.field ?? t('team.wholeRecord')}</td>
                  <td>{l.field === null ? '…' : showValue(l.value)}</td>
                  <td>
                    {l.source.auditor} · {formatDateTime(l.source.updatedAt)}
                  </td>
                  <td>
                    {l.field !== null && (
                      <button type="button" onClick={() => void restore(l)}>
                        {t('team.restore')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <ErrorText message={failure} />
    </section>
  );
}
