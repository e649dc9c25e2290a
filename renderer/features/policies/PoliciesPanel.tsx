import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { newRecordId, type RecordId, type Stored } from '../../../shared/domain/records';
import { draftFindingsFromReview } from '../../../shared/registers/policies/finding-draft';
import {
  emptyReview,
  GAP_REASON_LABELS,
  type PolicyReview,
  reviewGaps,
  reviewProgress,
} from '../../../shared/registers/policies/review';
import {
  POLICY_KIND_LABELS,
  POLICY_KINDS,
  type PolicyKind,
} from '../../../shared/registers/policies/templates';
import { useApp } from '../../app/app-context';
import { describeError } from '../../app/describe-error';
import { today } from '../../app/today';
import type { VaultSession } from '../../data/vault-session';
import { pick } from '../../i18n/pick';
import type { OpenedFile } from '../../platform';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { ErrorText } from '../../ui/ErrorText';
import { InspectionPicker } from '../registers/InspectionPicker';
import { raiseFinding } from '../registers/raise-finding';
import { SETTING_KEYS } from '../registers/setting-keys';
import { useSetting } from '../registers/use-setting';
import { useRecords } from '../workspace/use-records';
import { PolicyReviewForm } from './PolicyReviewForm';

const raisedSchema = z.record(z.string(), z.string());

/** Reviews of the BYOD, social-media and cloud policies (arts. 5–7); gaps become findings. */
export function PoliciesPanel({ session }: { session: VaultSession }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh-TW';
  const { formatDate } = useApp();
  const reviews = useRecords(session, 'policyReviews');
  const inspections = useRecords(session, 'inspections');
  const raised = useSetting(session, SETTING_KEYS.raisedPolicyGaps, raisedSchema);
  const [editing, setEditing] = useState<{
    id: RecordId | null;
    rev: number;
    review: PolicyReview;
  } | null>(null);
  const [inspectionId, setInspectionId] = useState<RecordId | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const raisedMap = raised.value ?? {};

  async function save(review: PolicyReview, file: OpenedFile | null) {
    if (!editing) return;
    const id = editing.id ?? newRecordId();
    let data = review;
    if (file && review.document) {
      const evidence = await session.attach(id, {
        name: file.name,
        mimeType: file.name.toLowerCase().endsWith('.pdf')
          ? 'application/pdf'
          : 'application/octet-stream',
        bytes: file.data,
      });
      data = { ...review, document: { ...review.document, attachmentId: evidence.id } };
    }
    const summary = pick(POLICY_KIND_LABELS[review.kind], lang);
    if (editing.id) await session.update('policyReviews', editing.id, editing.rev, data, summary);
    else
      await session.writeBatch([{ table: 'policyReviews', items: [{ id, data }] }], {
        action: 'records.imported',
        summary,
      });
    setEditing(null);
    reviews.reload();
  }

  async function raise(review: Stored<PolicyReview>) {
    if (inspectionId === null) return;
    setError(null);
    try {
      const drafts = draftFindingsFromReview(review, lang, today()).filter(
        (draft) => !(`${review.id}|${draft.finding.itemId ?? ''}` in raisedMap),
      );
      const next = { ...raisedMap };
      for (const draft of drafts) {
        const finding = await raiseFinding(session, inspectionId, draft.finding);
        next[`${review.id}|${finding.itemId ?? ''}`] = finding.id;
      }
      await raised.save(next);
      setMessage(t('policies.raised', { count: drafts.length }));
    } catch (e) {
      setError(describeError(e, t));
    }
  }

  if (editing) {
    return (
      <div>
        <h1>{t('policies.heading')}</h1>
        <PolicyReviewForm
          initial={editing.review}
          onCancel={() => setEditing(null)}
          onSave={(review, file) => save(review, file)}
        />
      </div>
    );
  }

  return (
    <div>
      <div className="page-title">
        <h1>{t('policies.heading')}</h1>
        <div className="actions">
          {POLICY_KINDS.map((kind: PolicyKind) => (
            <button
              key={kind}
              type="button"
              onClick={() => setEditing({ id: null, rev: 0, review: emptyReview(kind) })}
            >
              {t('policies.review', { kind: pick(POLICY_KIND_LABELS[kind], lang) })}
            </button>
          ))}
        </div>
      </div>
      <ErrorText message={error ?? (reviews.error ? describeError(reviews.error, t) : null)} />
      <InspectionPicker
        inspections={inspections.records ?? []}
        value={inspectionId}
        onChange={setInspectionId}
      />
      {message && (
        <p className="ok small" role="status">
          {message}
        </p>
      )}
      {(reviews.records ?? []).map((review) => {
        const progress = reviewProgress(review);
        const gaps = reviewGaps(review);
        const drafts = draftFindingsFromReview(review, lang, today());
        const open = drafts.filter((d) => !(`${review.id}|${d.finding.itemId ?? ''}` in raisedMap));
        const label = pick(POLICY_KIND_LABELS[review.kind], lang);
        return (
          <section key={review.id} className="card" aria-label={label}>
            <div className="page-title">
              <h2>
                {label}{' '}
                <span className="muted small">
                  {review.document
                    ? `${review.document.title} ${review.document.version}${review.document.approvedOn ? ` · ${formatDate(review.document.approvedOn)}` : ''}`
                    : t('policies.noPolicy')}
                </span>
              </h2>
              <div className="actions">
                <span className={review.status === 'complete' ? 'badge' : 'badge warn'}>
                  {review.status === 'complete' ? t('policies.completed') : t('policies.draft')}
                </span>
                <button
                  type="button"
                  className="link"
                  onClick={() => {
                    const {
                      id,
                      rev,
                      updatedAt: _at,
                      updatedBy: _by,
                      deleted: _deleted,
                      ...data
                    } = review;
                    setEditing({ id, rev, review: data });
                  }}
                >
                  {t('disposal.edit')}
                </button>
                <ConfirmButton
                  label={t('common.delete')}
                  confirmLabel={t('common.confirmDelete')}
                  onConfirm={() =>
                    void session
                      .remove('policyReviews', review.id, review.rev, label)
                      .then(reviews.reload, (e: unknown) => setError(describeError(e, t)))
                  }
                />
              </div>
            </div>
            <p className="small muted">
              {t('policies.progress', {
                answered: progress.answered,
                applicable: progress.applicable,
              })}
            </p>
            {gaps.length === 0 ? (
              <p className="ok small">{t('policies.noGaps')}</p>
            ) : (
              <ul className="gap-list">
                {gaps.map((gap) => (
                  <li key={gap.element.id}>
                    <strong>{pick(GAP_REASON_LABELS[gap.reason], lang)}</strong> —{' '}
                    {pick(gap.element.title, lang)}{' '}
                    <span className="muted small">{gap.element.itemId}</span>
                  </li>
                ))}
              </ul>
            )}
            {open.length > 0 ? (
              <button
                type="button"
                className="primary"
                disabled={inspectionId === null}
                onClick={() => void raise(review)}
              >
                {t('policies.raise', { count: open.length })}
              </button>
            ) : (
              gaps.length > 0 && <span className="badge">{t('agreements.findingRaised')}</span>
            )}
          </section>
        );
      })}
    </div>
  );
}
