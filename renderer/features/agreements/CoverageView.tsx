import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { Inspection } from '../../../shared/domain/inspections';
import type { RecordId, Stored } from '../../../shared/domain/records';
import {
  type CoverageResult,
  GAP_KIND_LABELS,
  partyLabel,
} from '../../../shared/registers/agreements/coverage';
import { AGREEMENT_KIND_INFO } from '../../../shared/registers/agreements/agreements';
import {
  draftFindingFromGaps,
  groupGaps,
} from '../../../shared/registers/agreements/finding-draft';
import { useApp } from '../../app/app-context';
import { describeError } from '../../app/describe-error';
import { today } from '../../app/today';
import type { VaultSession } from '../../data/vault-session';
import { pick } from '../../i18n/pick';
import { ErrorText } from '../../ui/ErrorText';
import { InspectionPicker } from '../registers/InspectionPicker';
import { raiseFinding } from '../registers/raise-finding';
import { SETTING_KEYS } from '../registers/setting-keys';
import { useSetting } from '../registers/use-setting';

/** Gap id → the finding raised on it, so a gap is not raised twice. */
const raisedSchema = z.record(z.string(), z.string());
const SHOWN_PER_GROUP = 20;

export function CoverageView({
  session,
  coverage,
  inspections,
}: {
  session: VaultSession;
  coverage: CoverageResult;
  inspections: readonly Stored<Inspection>[];
}) {
  const { t, i18n } = useTranslation();
  const { formatDate } = useApp();
  const lang = i18n.language === 'en' ? 'en' : 'zh-TW';
  const raised = useSetting(session, SETTING_KEYS.raisedGaps, raisedSchema);
  const [inspectionId, setInspectionId] = useState<RecordId | null>(null);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { summary } = coverage;
  const groups = groupGaps(coverage.gaps);
  const raisedMap = raised.value ?? {};

  async function raise(key: string, gaps: Parameters<typeof draftFindingFromGaps>[0]) {
    if (inspectionId === null) return;
    setBusy(key);
    setError(null);
    setMessage(null);
    try {
      const draft = draftFindingFromGaps(gaps, lang, today());
      const finding = await raiseFinding(session, inspectionId, draft.finding);
      const next = { ...raisedMap };
      for (const id of draft.gapIds) next[id] = finding.id;
      await raised.save(next);
      setMessage(t('agreements.raised', { title: finding.title, item: finding.itemId ?? '' }));
    } catch (e) {
      setError(describeError(e, t));
    } finally {
      setBusy(null);
    }
  }

  return (
    <div>
      <div className="kpis">
        <div className="kpi">
          <strong>
            {summary.employees.percent === null ? '—' : `${summary.employees.percent}%`}
          </strong>
          <span className="kpi-label">
            {t('agreements.employeesCovered', {
              covered: summary.employees.covered,
              current: summary.employees.current,
            })}
          </span>
        </div>
        <div className="kpi">
          <strong>{summary.vendors.percent === null ? '—' : `${summary.vendors.percent}%`}</strong>
          <span className="kpi-label">
            {t('agreements.vendorsCovered', {
              covered: summary.vendors.covered,
              inForce: summary.vendors.inForce,
            })}
          </span>
        </div>
        <div className="kpi">
          <strong>{coverage.gaps.length}</strong>
          <span className="kpi-label">{t('agreements.gaps')}</span>
        </div>
      </div>
      {summary.kindsWithoutVersion.length > 0 && (
        <p className="warning small">
          {t('agreements.noVersionSet', {
            kinds: summary.kindsWithoutVersion
              .map((kind) => pick(AGREEMENT_KIND_INFO[kind].label, lang))
              .join('、'),
          })}
        </p>
      )}
      {summary.unlinkedAgreements > 0 && (
        <p className="warning small">
          {t('agreements.unlinked', { count: summary.unlinkedAgreements })}
        </p>
      )}
      <p className="small muted">{t('agreements.asOf', { date: formatDate(summary.asOf) })}</p>
      <InspectionPicker inspections={inspections} value={inspectionId} onChange={setInspectionId} />
      {message && (
        <p className="ok small" role="status">
          {message}
        </p>
      )}
      <ErrorText message={error} />
      {groups.length === 0 && <p className="ok">{t('agreements.noGaps')}</p>}
      {groups.map((group) => {
        const open = group.gaps.filter((gap) => !(gap.id in raisedMap));
        const shown = expanded.has(group.key) ? group.gaps : group.gaps.slice(0, SHOWN_PER_GROUP);
        return (
          <section
            key={group.key}
            className="card gap-group"
            aria-label={pick(GAP_KIND_LABELS[group.kind], lang)}
          >
            <div className="page-title">
              <h2>
                {pick(GAP_KIND_LABELS[group.kind], lang)}{' '}
                <span className="muted small">
                  {group.itemId} · {t('agreements.gapCount', { count: group.gaps.length })}
                </span>
              </h2>
              {open.length > 0 ? (
                <button
                  type="button"
                  className="primary"
                  disabled={inspectionId === null || busy !== null}
                  onClick={() => void raise(group.key, open)}
                >
                  {busy === group.key
                    ? t('agreements.raising')
                    : t('agreements.raise', { count: open.length })}
                </button>
              ) : (
                <span className="ok small">{t('agreements.allRaised')}</span>
              )}
            </div>
            <ul className="gap-list">
              {shown.map((gap) => (
                <li key={gap.id}>
                  <strong>{partyLabel(gap.party, lang)}</strong> — {pick(gap.explanation, lang)}
                  {gap.id in raisedMap && (
                    <span className="badge">{t('agreements.findingRaised')}</span>
                  )}
                </li>
              ))}
            </ul>
            {group.gaps.length > shown.length && (
              <button
                type="button"
                className="link small"
                onClick={() => setExpanded(new Set(expanded).add(group.key))}
              >
                {t('agreements.showAll', { count: group.gaps.length })}
              </button>
            )}
          </section>
        );
      })}
    </div>
  );
}
