import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CATEGORY_LABELS,
  FINDING_CATEGORIES,
  type FindingCategory,
  type FindingStatus,
  FINDING_STATUSES,
  findingAgeDays,
  isFindingOverdue,
  type Severity,
  SEVERITIES,
  SEVERITY_LABELS,
  STATUS_LABELS,
} from '../../../shared/domain/inspection/findings';
import type { RecordId } from '../../../shared/domain/records';
import { useApp } from '../../app/app-context';
import { today } from '../../app/today';
import type { VaultSession } from '../../data/vault-session';
import { pick } from '../../i18n/pick';
import { FilterSelect } from '../../ui/FilterSelect';
import { VirtualList } from '../../ui/VirtualList';
import { FindingForm } from './FindingForm';
import type { InspectionData } from './use-inspection';

export interface FindingFilter {
  text?: string;
  severity?: Severity;
  status?: FindingStatus;
  category?: FindingCategory;
  owner?: string;
  overdue?: boolean;
  /** Open or in progress (what the dashboard's "open findings" means). */
  unresolved?: boolean;
}

/** The findings of an inspection, filtered, with the selected one open for editing. */
export function FindingsView({
  session,
  data,
  reload,
  filter,
  onFilter,
}: {
  session: VaultSession;
  data: InspectionData;
  reload: () => void;
  filter: FindingFilter;
  onFilter: (filter: FindingFilter) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh-TW';
  const { formatDate } = useApp();
  const [selectedId, setSelectedId] = useState<RecordId | null>(null);
  const now = today();
  const owners = [...new Set(data.findings.map((f) => f.owner).filter(Boolean))].sort();
  const visible = data.findings.filter((f) => {
    if (filter.severity && f.severity !== filter.severity) return false;
    if (filter.status && f.status !== filter.status) return false;
    if (filter.category && f.category !== filter.category) return false;
    if (filter.owner && f.owner !== filter.owner) return false;
    if (filter.unresolved && f.status === 'closed') return false;
    if (filter.overdue && !isFindingOverdue(f, now)) return false;
    const text = filter.text?.trim().toLowerCase();
    return (
      !text ||
      [f.title, f.deficiency, f.risk, f.recommendation, f.owner, f.itemId ?? '']
        .join('\n')
        .toLowerCase()
        .includes(text)
    );
  });
  const selected = data.findings.find((f) => f.id === selectedId) ?? null;

  return (
    <div className="split">
      <div className="split-list">
        <div className="filters">
          <input
            type="search"
            placeholder={t('findings.search')}
            aria-label={t('findings.search')}
            value={filter.text ?? ''}
            onChange={(e) => onFilter({ ...filter, text: e.target.value })}
          />
          <FilterSelect
            label={t('findings.severity')}
            allLabel={t('findings.allSeverities')}
            value={filter.severity}
            options={SEVERITIES.map((v) => ({ value: v, label: pick(SEVERITY_LABELS[v], lang) }))}
            onChange={(severity) => onFilter({ ...filter, severity })}
          />
          <FilterSelect
            label={t('findings.status')}
            allLabel={t('findings.allStatuses')}
            value={filter.status}
            options={FINDING_STATUSES.map((v) => ({
              value: v,
              label: pick(STATUS_LABELS[v], lang),
            }))}
            onChange={(status) => onFilter({ ...filter, status })}
          />
          <FilterSelect
            label={t('checklist.category')}
            allLabel={t('checklist.allCategories')}
            value={filter.category}
            options={FINDING_CATEGORIES.map((v) => ({
              value: v,
              label: pick(CATEGORY_LABELS[v], lang),
            }))}
            onChange={(category) => onFilter({ ...filter, category })}
          />
          <FilterSelect
            label={t('findings.owner')}
            allLabel={t('findings.allOwners')}
            value={filter.owner}
            options={owners.map((v) => ({ value: v, label: v }))}
            onChange={(owner) => onFilter({ ...filter, owner })}
          />
          {(filter.overdue ?? filter.unresolved) && (
            <button
              type="button"
              className="ghost"
              onClick={() => onFilter({ ...filter, overdue: undefined, unresolved: undefined })}
            >
              {filter.overdue ? t('findings.onlyOverdue') : t('findings.onlyUnresolved')} ✕
            </button>
          )}
        </div>
        <p className="muted small" role="status" data-testid="findings-count">
          {t('checklist.count', { shown: visible.length, total: data.findings.length })}
        </p>
        <VirtualList
          items={visible}
          keyOf={(f) => f.id}
          estimateSize={60}
          label={t('findings.heading')}
          selectedKey={selectedId}
          onSelect={(f) => setSelectedId(f.id)}
          renderItem={(f) => (
            <div className="item-row">
              <div className="item-row-head">
                <span className={`badge severity-${f.severity}`}>
                  {pick(SEVERITY_LABELS[f.severity], lang)}
                </span>
                <span className="small muted">
                  {pick(STATUS_LABELS[f.status], lang)} ·{' '}
                  {t('findings.age', { days: findingAgeDays(f, now) })}
                  {f.dueDate && ` · ${formatDate(f.dueDate)}`}
                  {isFindingOverdue(f, now) && (
                    <strong className="error"> · {t('findings.overdue')}</strong>
                  )}
                </span>
              </div>
              <div className="item-row-text">{f.title}</div>
            </div>
          )}
        />
      </div>
      <div className="split-detail">
        {selected ? (
          <FindingForm
            key={selected.id}
            session={session}
            finding={selected}
            data={data}
            reload={reload}
          />
        ) : (
          <p className="empty">
            {data.findings.length === 0 ? t('findings.empty') : t('findings.pick')}
          </p>
        )}
      </div>
    </div>
  );
}
