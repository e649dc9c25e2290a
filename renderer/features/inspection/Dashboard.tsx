import { useTranslation } from 'react-i18next';
import { CATALOG_SECTIONS, CATEGORIES, type SectionId } from '../../../shared/catalog';
import {
  completionByGroup,
  inspectionIssues,
} from '../../../shared/domain/inspection/completeness';
import {
  CATEGORY_LABELS,
  findingAgeDays,
  isFindingOverdue,
  SEVERITIES,
  SEVERITY_LABELS,
} from '../../../shared/domain/inspection/findings';
import { RESULT_LABELS, RESULTS, type Result } from '../../../shared/domain/inspection/results';
import { assessmentStatus } from '../../../shared/domain/inspection/systems';
import { today } from '../../app/today';
import type { VaultSession } from '../../data/vault-session';
import { pick } from '../../i18n/pick';
import { type Bar, BarChart } from '../../ui/charts/BarChart';
import { InspectionSignoff } from '../signoff/InspectionSignoff';
import { useRecords } from '../workspace/use-records';
import type { ChecklistFilter } from './ChecklistView';
import type { FindingFilter } from './FindingsView';
import { catalogItem } from './library';
import type { InspectionData } from './use-inspection';

const AGE_BUCKETS = [
  { key: 'a30', max: 30 },
  { key: 'a90', max: 90 },
  { key: 'a180', max: 180 },
  { key: 'older', max: Infinity },
] as const;

/** What a manager looks at: progress, results, open findings by severity and age, overdue work. */
export function Dashboard({
  session,
  data,
  onShowItems,
  onShowFindings,
}: {
  session: VaultSession;
  data: InspectionData;
  onShowItems: (filter: ChecklistFilter) => void;
  onShowFindings: (filter: FindingFilter) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh-TW';
  const now = today();
  const systems = useRecords(session, 'systems').records ?? [];
  const items = data.results.flatMap((r) => {
    const item = catalogItem(r.itemId);
    return item ? [item] : [];
  });
  const resultSegments = (counts: Record<Result, number>, untested: number) => [
    ...RESULTS.map((r) => ({
      key: r,
      value: counts[r],
      className: `seg-${r}`,
      label: pick(RESULT_LABELS[r], lang),
    })),
    { key: 'untested', value: untested, className: 'seg-untested', label: t('checklist.untested') },
  ];
  const bySection: Bar[] = completionByGroup(items, data.results, (item) => item.section).map(
    (g) => ({
      key: g.group,
      label: pick(CATALOG_SECTIONS[g.group as SectionId], lang),
      segments: resultSegments(g.byResult, g.total - g.done),
    }),
  );
  const byCategory: Bar[] = completionByGroup(items, data.results, (item) => item.category)
    .sort((a, b) => CATEGORIES.indexOf(a.group as never) - CATEGORIES.indexOf(b.group as never))
    .map((g) => ({
      key: g.group,
      label: pick(CATEGORY_LABELS[g.group as keyof typeof CATEGORY_LABELS], lang),
      segments: resultSegments(g.byResult, g.total - g.done),
    }));
  const unresolved = data.findings.filter((f) => f.status !== 'closed');
  const bySeverity: Bar[] = SEVERITIES.map((severity) => {
    const ofSeverity = unresolved.filter((f) => f.severity === severity);
    let min = 0;
    return {
      key: severity,
      label: pick(SEVERITY_LABELS[severity], lang),
      segments: AGE_BUCKETS.map((bucket) => {
        const value = ofSeverity.filter((f) => {
          const age = findingAgeDays(f, now);
          return age >= min && age <= bucket.max;
        }).length;
        min = bucket.max + 1;
        return {
          key: bucket.key,
          value,
          className: `seg-age-${bucket.key}`,
          label: t(`dashboard.age.${bucket.key}`),
        };
      }),
    };
  });
  const done = data.results.filter((r) => r.result !== null).length;
  // What a reviewer would send back before sign-off (e.g. a deficient item without a finding).
  const issues = inspectionIssues(data.results, data.findings);
  const untestedCount = issues.filter((issue) => issue.kind === 'item-not-tested').length;
  const overdueFindings = unresolved.filter((f) => isFindingOverdue(f, now)).length;
  const lateSystems = systems
    .map((system) => ({ system, status: assessmentStatus(system, now) }))
    .filter(({ status }) => status.status === 'overdue' || status.status === 'never-assessed');

  return (
    <div className="dashboard">
      <InspectionSignoff
        inspection={data.inspection}
        findings={data.findings.length}
        onShowStale={() => onShowItems({ signoff: 'stale' })}
      />
      <div className="kpis">
        <button type="button" className="kpi" onClick={() => onShowItems({ result: 'untested' })}>
          <strong data-testid="kpi-progress">
            {done} / {data.results.length}
          </strong>
          <span>{t('dashboard.tested')}</span>
        </button>
        <button type="button" className="kpi" onClick={() => onShowFindings({ unresolved: true })}>
          <strong data-testid="kpi-open-findings">{unresolved.length}</strong>
          <span>{t('dashboard.openFindings')}</span>
        </button>
        <button type="button" className="kpi" onClick={() => onShowFindings({ overdue: true })}>
          <strong className={overdueFindings > 0 ? 'error' : ''}>{overdueFindings}</strong>
          <span>{t('dashboard.overdueFindings')}</span>
        </button>
        <div className="kpi">
          <strong className={lateSystems.length > 0 ? 'error' : ''}>{lateSystems.length}</strong>
          <span>{t('dashboard.overdueAssessments')}</span>
        </div>
      </div>
      <div className="charts">
        <BarChart
          title={t('dashboard.bySection')}
          bars={bySection}
          onSelect={(section, segment) =>
            onShowItems({
              section: section as SectionId,
              result: (segment ?? undefined) as ChecklistFilter['result'],
            })
          }
        />
        <BarChart
          title={t('dashboard.byCategory')}
          bars={byCategory}
          onSelect={(category, segment) =>
            onShowItems({
              category: category as ChecklistFilter['category'],
              result: (segment ?? undefined) as ChecklistFilter['result'],
            })
          }
        />
        <BarChart
          title={t('dashboard.bySeverity')}
          bars={bySeverity}
          onSelect={(severity) =>
            onShowFindings({ severity: severity as FindingFilter['severity'], unresolved: true })
          }
        />
      </div>
      <Legend lang={lang} />
      <section className="card" aria-label={t('dashboard.issues')}>
        <h2>
          {t('dashboard.issues')} <span className="badge">{issues.length}</span>
        </h2>
        {issues.length === 0 ? (
          <p className="ok small">{t('dashboard.noIssues')}</p>
        ) : (
          <ul className="issues small">
            {issues
              .filter((issue) => issue.kind !== 'item-not-tested')
              .slice(0, 50)
              .map((issue) => (
                <li key={`${issue.kind}-${issue.itemId ?? ''}-${issue.findingId ?? ''}`}>
                  {pick(issue.message, lang)}
                </li>
              ))}
            {untestedCount > 0 && <li>{t('dashboard.untestedItems', { count: untestedCount })}</li>}
          </ul>
        )}
      </section>
      {lateSystems.length > 0 && (
        <section className="card">
          <h2>{t('dashboard.overdueAssessments')}</h2>
          <ul className="plain">
            {lateSystems.map(({ system, status }) => (
              <li key={system.id}>
                {system.name} · {t(`systems.class${system.systemClass}`)} ·{' '}
                {t(`systems.status.${status.status}`)}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

function Legend({ lang }: { lang: 'zh-TW' | 'en' }) {
  const { t } = useTranslation();
  return (
    <p className="legend small">
      {RESULTS.map((r) => (
        <span key={r}>
          <i className={`swatch seg-${r}`} /> {pick(RESULT_LABELS[r], lang)}
        </span>
      ))}
      <span>
        <i className="swatch seg-untested" /> {t('checklist.untested')}
      </span>
    </p>
  );
}
