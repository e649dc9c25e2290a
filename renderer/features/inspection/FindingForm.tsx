import { type SyntheticEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import {
  CATEGORY_LABELS,
  FINDING_CATEGORIES,
  FINDING_MESSAGES,
  type FindingMessageKey,
  FINDING_STATUSES,
  SEVERITIES,
  SEVERITY_CRITERIA,
  SEVERITY_LABELS,
  STATUS_LABELS,
} from '../../../shared/domain/inspection/findings';
import { storedFindingSchema, type StoredFinding } from '../../../shared/domain/inspections';
import type { RecordId, Stored } from '../../../shared/domain/records';
import { describeError } from '../../app/describe-error';
import type { VaultSession } from '../../data/vault-session';
import { pick } from '../../i18n/pick';
import { ErrorText } from '../../ui/ErrorText';
import { Field } from '../../ui/Field';
import { EvidenceList } from './EvidenceList';
import type { InspectionData } from './use-inspection';

type Draft = Stored<StoredFinding>;

/** A finding with every field Annex 2's report asks for, and its closing evidence. */
export function FindingForm({
  session,
  finding,
  data,
  reload,
}: {
  session: VaultSession;
  finding: Draft;
  data: InspectionData;
  reload: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh-TW';
  const [draft, setDraft] = useState(finding);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) =>
    setDraft({ ...draft, [key]: value });
  const text = (
    key: 'title' | 'deficiency' | 'risk' | 'recommendation' | 'owner' | 'managementResponse',
    rows = 3,
  ) => (
    <Field label={t(`findings.field.${key}`)}>
      {(p) =>
        rows === 1 ? (
          <input {...p} value={draft[key]} onChange={(e) => set(key, e.target.value)} />
        ) : (
          <textarea
            {...p}
            rows={rows}
            value={draft[key]}
            onChange={(e) => set(key, e.target.value)}
          />
        )
      }
    </Field>
  );

  async function save(next: Draft): Promise<void> {
    setError(null);
    setSaved(false);
    const { id, rev, updatedAt: _at, updatedBy: _by, deleted: _deleted, ...payload } = next;
    const checked = storedFindingSchema.safeParse(payload);
    if (!checked.success) {
      // Show the rule's own words in the user's language where the domain gives them.
      const messages = checked.error.issues.map((issue) => {
        const key = (issue as { params?: { messageKey?: FindingMessageKey } }).params?.messageKey;
        return key ? pick(FINDING_MESSAGES[key], lang) : z.prettifyError(new z.ZodError([issue]));
      });
      setError(messages.join(' '));
      return;
    }
    try {
      setDraft(await session.update('findings', id, rev, checked.data, checked.data.title));
      setSaved(true);
      reload();
    } catch (e) {
      setError(describeError(e, t));
    }
  }

  return (
    <form
      className="card finding-form"
      aria-label={draft.title}
      onSubmit={(e: SyntheticEvent) => {
        e.preventDefault();
        void save(draft);
      }}
    >
      {draft.itemId && <p className="mono small">{draft.itemId}</p>}
      {text('title', 1)}
      {text('deficiency')}
      <div className="row">
        <Field label={t('checklist.category')}>
          {(p) => (
            <select
              {...p}
              value={draft.category}
              onChange={(e) => set('category', e.target.value as Draft['category'])}
            >
              {FINDING_CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {pick(CATEGORY_LABELS[c], lang)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          label={t('findings.severity')}
          hint={pick(SEVERITY_CRITERIA[draft.severity].summary, lang)}
        >
          {(p) => (
            <select
              {...p}
              value={draft.severity}
              onChange={(e) => set('severity', e.target.value as Draft['severity'])}
            >
              {SEVERITIES.map((s) => (
                <option key={s} value={s}>
                  {pick(SEVERITY_LABELS[s], lang)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      {text('risk')}
      {text('recommendation')}
      <div className="row">
        {text('owner', 1)}
        <Field label={t('findings.field.dueDate')}>
          {(p) => (
            <input
              {...p}
              type="date"
              value={draft.dueDate ?? ''}
              onChange={(e) => set('dueDate', (e.target.value || null) as Draft['dueDate'])}
            />
          )}
        </Field>
      </div>
      {text('managementResponse')}
      <div className="row">
        <Field label={t('findings.status')}>
          {(p) => (
            <select
              {...p}
              value={draft.status}
              onChange={(e) => set('status', e.target.value as Draft['status'])}
            >
              {FINDING_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {pick(STATUS_LABELS[s], lang)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('findings.field.closedOn')}>
          {(p) => (
            <input
              {...p}
              type="date"
              value={draft.closedOn ?? ''}
              onChange={(e) => set('closedOn', (e.target.value || null) as Draft['closedOn'])}
            />
          )}
        </Field>
      </div>
      <ErrorText message={error} />
      {saved && (
        <p className="ok small" role="status">
          {t('item.saved')}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="primary">
          {t('common.save')}
        </button>
      </div>
      <EvidenceList
        level={2}
        session={session}
        inspectionId={data.inspection.id}
        evidence={data.evidence.filter((e) => draft.closingEvidenceIds.includes(e.id))}
        onAttached={async (id: RecordId) => {
          const next = { ...draft, closingEvidenceIds: [...draft.closingEvidenceIds, id] };
          setDraft(next);
          await save(next);
        }}
        onRemoved={async (id: RecordId) => {
          const next = {
            ...draft,
            closingEvidenceIds: draft.closingEvidenceIds.filter((e) => e !== id),
          };
          setDraft(next);
          await save(next);
        }}
      />
    </form>
  );
}
