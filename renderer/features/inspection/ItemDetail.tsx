import { type SyntheticEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ChecklistItem, formatApplicability, formatCitation } from '../../../shared/catalog';
import {
  RESULT_LABELS,
  RESULTS,
  isDeficientResult,
} from '../../../shared/domain/inspection/results';
import type { StoredItemResult } from '../../../shared/domain/inspections';
import type { RecordId, Stored } from '../../../shared/domain/records';
import { describeError } from '../../app/describe-error';
import { today } from '../../app/today';
import type { VaultSession } from '../../data/vault-session';
import { pick } from '../../i18n/pick';
import { ErrorText } from '../../ui/ErrorText';
import { TextAreaField } from '../../ui/TextAreaField';
import { ItemSignoff } from '../signoff/ItemSignoff';
import { useSignoffView } from '../signoff/use-signoff';
import { EvidenceList } from './EvidenceList';
import type { InspectionData } from './use-inspection';

/** One checklist item's working paper: the requirement, how to test it, and what was found. */
export function ItemDetail({
  session,
  item,
  result,
  data,
  reload,
  onFindingRaised,
}: {
  session: VaultSession;
  item: ChecklistItem;
  result: Stored<StoredItemResult>;
  data: InspectionData;
  reload: () => void;
  onFindingRaised: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh-TW';
  const [draft, setDraft] = useState(result);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  // 已定稿: the guard refuses any write; the form says so by being read-only.
  const locked = useSignoffView()?.loaded?.lockedBy != null;
  const findings = data.findings.filter((f) => f.itemId === item.id);
  const evidence = data.evidence.filter((e) => draft.evidenceIds.includes(e.id));

  async function save(next: Stored<StoredItemResult>): Promise<boolean> {
    setError(null);
    setSaved(false);
    try {
      const { id, rev, updatedAt: _at, updatedBy: _by, deleted: _deleted, ...payload } = next;
      const stored = await session.update('itemResults', id, rev, payload, item.id);
      setDraft(stored);
      setSaved(true);
      reload();
      return true;
    } catch (e) {
      setError(describeError(e, t));
      return false;
    }
  }

  async function raiseFinding() {
    if (!(await save(draft))) return;
    // The finding starts from what the auditor wrote; the rest is filled in on the findings tab.
    await session.create(
      'findings',
      {
        inspectionId: data.inspection.id,
        itemId: item.id,
        title: pick(item.requirement, lang).slice(0, 200),
        deficiency: draft.notes || draft.workPerformed || pick(item.requirement, lang),
        category: item.category,
        severity: 'medium',
        risk: '',
        recommendation: '',
        owner: '',
        raisedOn: today(),
        dueDate: null,
        managementResponse: '',
        status: 'open',
        closedOn: null,
        closingEvidenceIds: [],
      },
      item.id,
    );
    reload();
    onFindingRaised();
  }

  return (
    <article className="item-detail" aria-label={item.id}>
      <header>
        <span className="mono small">{item.id}</span>
        <h2>{formatCitation(item.citation, lang)}</h2>
        <p className="muted small">{formatApplicability(item.applicability, lang)}</p>
      </header>
      <section>
        <h3>{t('item.requirement')}</h3>
        <p className="prewrap">{pick(item.requirement, lang)}</p>
        <h3>{t('item.procedure')}</h3>
        <p className="prewrap">{pick(item.procedure, lang)}</p>
        <h3>{t('item.evidenceExpected')}</h3>
        <ul>
          {item.evidence.map((e) => (
            <li key={e.en}>{pick(e, lang)}</li>
          ))}
        </ul>
        {item.register && <p className="muted small">{t(`item.register.${item.register}`)}</p>}
      </section>
      <form
        className="card"
        onSubmit={(e: SyntheticEvent) => {
          e.preventDefault();
          void save(draft);
        }}
      >
        <fieldset className="bare" disabled={locked}>
          <fieldset className="results" aria-label={t('checklist.result')}>
            <legend>{t('checklist.result')}</legend>
            {RESULTS.map((r) => (
              <label key={r} className="radio">
                <input
                  type="radio"
                  name="result"
                  value={r}
                  checked={draft.result === r}
                  onChange={() => setDraft({ ...draft, result: r })}
                />
                {pick(RESULT_LABELS[r], lang)}
              </label>
            ))}
          </fieldset>
          {draft.result === 'not-applicable' && (
            <TextAreaField
              label={t('item.reason')}
              rows={2}
              value={draft.reason}
              onChange={(value) => setDraft({ ...draft, reason: value })}
            />
          )}
          <TextAreaField
            label={t('item.workPerformed')}
            rows={3}
            value={draft.workPerformed}
            onChange={(value) => setDraft({ ...draft, workPerformed: value })}
          />
          <TextAreaField
            label={t('item.sample')}
            rows={2}
            value={draft.sampleDescription}
            onChange={(value) => setDraft({ ...draft, sampleDescription: value })}
          />
          <TextAreaField
            label={t('item.notes')}
            rows={3}
            value={draft.notes}
            onChange={(value) => setDraft({ ...draft, notes: value })}
          />
          <ErrorText message={error} />
          {saved && (
            <p className="ok small" role="status">
              {t('item.saved')}
            </p>
          )}
          {isDeficientResult(draft.result) && findings.length === 0 && (
            <p className="warning small" role="status">
              {t('item.needsFinding')}
            </p>
          )}
          <div className="actions">
            {isDeficientResult(draft.result) && (
              <button
                type="button"
                onClick={() =>
                  void raiseFinding().catch((e: unknown) => setError(describeError(e, t)))
                }
              >
                {t('item.raiseFinding')}
              </button>
            )}
            <button type="submit" className="primary">
              {t('common.save')}
            </button>
          </div>
        </fieldset>
      </form>
      {findings.length > 0 && (
        <p className="small">
          {t('item.findings', { count: findings.length })}:{' '}
          {findings.map((f) => f.title).join('；')}
        </p>
      )}
      <ItemSignoff itemId={item.id} result={result} findings={findings.length} />
      <EvidenceList
        session={session}
        inspectionId={data.inspection.id}
        evidence={evidence}
        onAttached={async (evidenceId: RecordId) => {
          await save({ ...draft, evidenceIds: [...draft.evidenceIds, evidenceId] });
        }}
        onRemoved={async (evidenceId: RecordId) => {
          await save({
            ...draft,
            evidenceIds: draft.evidenceIds.filter((id) => id !== evidenceId),
          });
        }}
      />
    </article>
  );
}
