import { useTranslation } from 'react-i18next';
import type { IntegrityProblem } from '../../data/integrity';

/** One line per problem: what kind, where (table and record, or trail entry), what it means. */
export function ProblemList({ problems }: { problems: readonly IntegrityProblem[] }) {
  const { t } = useTranslation();
  return (
    <table className="grid" aria-label={t('integrity.title')}>
      <thead>
        <tr>
          <th>{t('integrity.kinds')}</th>
          <th>{t('integrity.where')}</th>
          <th>{t('integrity.meaning')}</th>
        </tr>
      </thead>
      <tbody>
        {problems.map((problem, i) => (
          <tr key={`${problem.kind}-${problem.table ?? ''}-${problem.id ?? problem.seq ?? i}`}>
            <td>{t(`integrity.kind.${problem.kind}`)}</td>
            <td>
              {problem.table && t(`activity.table.${problem.table}`, problem.table)}
              {problem.id && (
                <>
                  {' · '}
                  <code title={problem.id}>{problem.id.slice(-12)}</code>
                </>
              )}
              {problem.seq !== undefined && ` · ${t('integrity.entry', { seq: problem.seq })}`}
            </td>
            <td>
              {t(`integrity.means.${problem.kind}`, {
                found: problem.foundRev,
                expected: problem.expectedRev,
              })}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
