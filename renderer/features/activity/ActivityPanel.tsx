import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ACTIVITY_ACTION_LABELS,
  type ActivityEntry,
  type ChainReport,
} from '../../../shared/domain/activity';
import { maskPersonalData } from '../../../shared/domain/personal-data';
import { pick } from '../../i18n/pick';
import { useApp } from '../../app/app-context';
import { describeError } from '../../app/describe-error';
import type { VaultSession } from '../../data/vault-session';
import { ErrorText } from '../../ui/ErrorText';
import { VerifyIntegrity } from '../integrity/VerifyIntegrity';
import { readableSummary, type SummaryWords } from './summary-text';

/** The activity trail, newest first, with a check of its hash chain. */
export function ActivityPanel({ session }: { session: VaultSession }) {
  const { t, i18n } = useTranslation();
  const { formatDateTime } = useApp();
  const words = useSummaryWords();
  const [entries, setEntries] = useState<ActivityEntry[] | null>(null);
  const [report, setReport] = useState<ChainReport | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(() => {
    Promise.all([session.activity(), session.verifyActivity()]).then(
      ([list, check]) => {
        setEntries(list.reverse());
        setReport(check);
      },
      (e: unknown) => setError(describeError(e, t)),
    );
  }, [session, t]);
  useEffect(load, [load]);

  return (
    <div>
      <h1>{t('activity.heading')}</h1>
      {report && (
        <p className={report.ok ? 'ok' : 'error'} role="status" data-testid="chain-status">
          {report.ok
            ? t('activity.chainOk', { count: report.entries })
            : t('activity.chainBroken', { count: report.problems.length })}
        </p>
      )}
      <ErrorText message={error} />
      <VerifyIntegrity session={session} />
      <table className="grid">
        <thead>
          <tr>
            <th>#</th>
            <th>{t('activity.when')}</th>
            <th>{t('activity.who')}</th>
            <th>{t('activity.what')}</th>
            <th>{t('activity.detail')}</th>
          </tr>
        </thead>
        <tbody>
          {entries?.map((entry) => (
            <tr key={entry.seq}>
              <td className="num">{entry.seq}</td>
              <td>{formatDateTime(entry.at)}</td>
              <td>{entry.actor}</td>
              <td>{pick(ACTIVITY_ACTION_LABELS[entry.action], i18n.language)}</td>
              <td>
                {entry.target &&
                  `${t(`activity.table.${entry.target.table}`, entry.target.table)} · `}
                {/* Summaries quote titles, which may hold personal data: masked here too. */}
                {maskPersonalData(readableSummary(entry.action, entry.summary, words)).text}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The words of the interface language for the summaries the workbench composes. */
function useSummaryWords(): SummaryWords {
  const { t, i18n } = useTranslation();
  const known = (key: string) => (i18n.exists(key) ? t(key) : null);
  return {
    table: (key) => known(`activity.table.${key}`),
    kind: (key) => known(`integrity.kind.${key}`),
    count: (what, count) => t('activity.summary.count', { what, count }),
    inTable: (kind, table) => t('activity.summary.inTable', { kind, table }),
    list: (parts) => parts.join(t('activity.summary.separator')),
  };
}
