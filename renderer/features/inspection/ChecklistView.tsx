import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CATALOG_SECTIONS,
  CATEGORIES,
  type Category,
  formatCitation,
  type SectionId,
} from '../../../shared/catalog';
import { RESULT_LABELS, RESULTS, type Result } from '../../../shared/domain/inspection/results';
import type { VaultSession } from '../../data/vault-session';
import { assigneeOf } from '../team/assignments';
import { useAssignments } from '../team/use-assignments';
import { ITEM_PROGRESS, itemProgress, type ItemProgress } from '../signoff/item-progress';
import { useSignoffView } from '../signoff/use-signoff';
import { pick } from '../../i18n/pick';
import { FilterSelect } from '../../ui/FilterSelect';
import { VirtualList } from '../../ui/VirtualList';
import { ItemDetail } from './ItemDetail';
import { catalogItem } from './library';
import type { InspectionData } from './use-inspection';
import { CATEGORY_LABELS } from '../../../shared/domain/inspection/findings';

export interface ChecklistFilter {
  text?: string;
  section?: SectionId;
  result?: Result | 'untested';
  category?: Category;
  /** Sign-off progress; 'stale' is the "edited after sign-off" filter (簽核後已修改). */
  signoff?: ItemProgress;
}

/** The checklist: filter and search on the left, the selected item's working paper on the right. */
export function ChecklistView({
  session,
  data,
  reload,
  filter,
  onFilter,
  onFindingRaised,
}: {
  session: VaultSession;
  data: InspectionData;
  reload: () => void;
  filter: ChecklistFilter;
  onFilter: (filter: ChecklistFilter) => void;
  onFindingRaised: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh-TW';
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const assignments = useAssignments(session, data.inspection.id);
  const loaded = useSignoffView()?.loaded ?? null;
  const progressOf = (itemId: string) => (loaded ? itemProgress(loaded, itemId) : null);

  const rows = useMemo(
    () =>
      data.results.flatMap((result) => {
        const item = catalogItem(result.itemId);
        if (!item) return [];
        // Searched after decryption: the auditor's own text as well as the library's.
        const haystack = [
          item.id,
          formatCitation(item.citation, 'zh-TW'),
          formatCitation(item.citation, 'en'),
          item.requirement['zh-TW'],
          item.requirement.en,
          result.workPerformed,
          result.notes,
          result.sampleDescription,
        ]
          .join('\n')
          .toLowerCase();
        return [{ result, item, haystack }];
      }),
    [data.results],
  );
  const visible = rows.filter(({ result, item, haystack }) => {
    if (filter.section && item.section !== filter.section) return false;
    if (filter.category && item.category !== filter.category) return false;
    if (filter.signoff && progressOf(item.id) !== filter.signoff) return false;
    if (
      filter.result === 'untested'
        ? result.result !== null
        : filter.result && result.result !== filter.result
    ) {
      return false;
    }
    const text = filter.text?.trim().toLowerCase();
    return !text || haystack.includes(text);
  });
  const selected = rows.find((row) => row.result.id === selectedId) ?? null;
  const sections = [...new Set(rows.map((row) => row.item.section))];

  return (
    <div className="split">
      <div className="split-list">
        <div className="filters">
          <input
            type="search"
            placeholder={t('checklist.search')}
            aria-label={t('checklist.search')}
            value={filter.text ?? ''}
            onChange={(e) => onFilter({ ...filter, text: e.target.value })}
          />
          <FilterSelect
            label={t('checklist.section')}
            allLabel={t('checklist.allSections')}
            value={filter.section}
            options={sections.map((section) => ({
              value: section,
              label: pick(CATALOG_SECTIONS[section], lang),
            }))}
            onChange={(section) => onFilter({ ...filter, section })}
          />
          <FilterSelect
            label={t('checklist.result')}
            allLabel={t('checklist.allResults')}
            value={filter.result}
            options={[
              { value: 'untested' as const, label: t('checklist.untested') },
              ...RESULTS.map((r) => ({ value: r, label: pick(RESULT_LABELS[r], lang) })),
            ]}
            onChange={(result) => onFilter({ ...filter, result })}
          />
          <FilterSelect
            label={t('checklist.category')}
            allLabel={t('checklist.allCategories')}
            value={filter.category}
            options={CATEGORIES.map((c) => ({ value: c, label: pick(CATEGORY_LABELS[c], lang) }))}
            onChange={(category) => onFilter({ ...filter, category })}
          />
          <FilterSelect
            label={t('checklist.signoff')}
            allLabel={t('checklist.allSignoffs')}
            value={filter.signoff}
            options={ITEM_PROGRESS.map((p) => ({ value: p, label: t(`checklist.progress.${p}`) }))}
            onChange={(signoff) => onFilter({ ...filter, signoff })}
          />
        </div>
        <p className="muted small" role="status" data-testid="checklist-count">
          {t('checklist.count', { shown: visible.length, total: rows.length })}
        </p>
        <VirtualList
          items={visible}
          keyOf={(row) => row.result.id}
          estimateSize={64}
          label={t('checklist.items')}
          selectedKey={selectedId}
          onSelect={(row) => setSelectedId(row.result.id)}
          renderItem={({ result, item }) => (
            <div className="item-row">
              <div className="item-row-head">
                <span className="mono small">{item.id}</span>
                {assigneeOf(assignments, item.id, item.section) && (
                  <span className="small muted" title={t('team.auditor')}>
                    {assigneeOf(assignments, item.id, item.section)}
                  </span>
                )}
                {progressOf(item.id) === 'stale' && (
                  <span className="badge warn">{t('checklist.progress.stale')}</span>
                )}
                <span className={`badge result-${result.result ?? 'none'}`}>
                  {result.result
                    ? pick(RESULT_LABELS[result.result], lang)
                    : t('checklist.untested')}
                </span>
              </div>
              <div className="item-row-text">{pick(item.requirement, lang)}</div>
            </div>
          )}
        />
      </div>
      <div className="split-detail">
        {selected ? (
          <ItemDetail
            key={selected.result.id}
            session={session}
            item={selected.item}
            result={selected.result}
            data={data}
            reload={reload}
            onFindingRaised={onFindingRaised}
          />
        ) : (
          <p className="empty">{t('checklist.pick')}</p>
        )}
      </div>
    </div>
  );
}
