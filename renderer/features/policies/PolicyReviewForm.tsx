import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { asIsoDate } from '../../../shared/domain/dates';
import { MAX_EVIDENCE_BYTES } from '../../../shared/domain/evidence';
import {
  ADEQUACY,
  ADEQUACY_LABELS,
  answerOf,
  completeReviewIssues,
  type ElementAnswer,
  isElementApplicable,
  type PolicyReview,
  policyReviewSchema,
  reviewProgress,
} from '../../../shared/registers/policies/review';
import { elementCitation, POLICY_TEMPLATES } from '../../../shared/registers/policies/templates';
import { useApp } from '../../app/app-context';
import { describeError } from '../../app/describe-error';
import { pick } from '../../i18n/pick';
import type { OpenedFile } from '../../platform';
import { ErrorText } from '../../ui/ErrorText';
import { Field } from '../../ui/Field';

/**
 * The structured review of one policy: the document reviewed, the template's conditions, and
 * for each required element whether the policy has it, where, and whether it is adequate.
 */
export function PolicyReviewForm({
  initial,
  onSave,
  onCancel,
}: {
  initial: PolicyReview;
  onSave: (review: PolicyReview, document: OpenedFile | null) => Promise<void>;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh-TW';
  const { platform } = useApp();
  const [review, setReview] = useState<PolicyReview>(initial);
  const [file, setFile] = useState<OpenedFile | null>(null);
  const [error, setError] = useState<string | null>(null);
  const template = POLICY_TEMPLATES[review.kind];
  const progress = reviewProgress(review);
  const document = review.document;

  const setDocument = (patch: Partial<NonNullable<PolicyReview['document']>>) => {
    if (document) setReview({ ...review, document: { ...document, ...patch } });
  };
  const setAnswer = (id: string, patch: Partial<ElementAnswer>) => {
    const next = { ...answerOf(review, id), ...patch };
    if (next.present !== 'yes') next.adequacy = null;
    setReview({ ...review, elements: { ...review.elements, [id]: next } });
  };

  function save(status: PolicyReview['status']) {
    const candidate = { ...review, status };
    if (status === 'complete') {
      const issues = completeReviewIssues(candidate);
      // The attachment may be the file chosen now, not yet stored.
      const open = issues.filter((i) => !(i.code === 'attachmentRequired' && file));
      if (open.length > 0) {
        setError(open.map((i) => pick(i.message, lang)).join('；'));
        return;
      }
    }
    const parsed = policyReviewSchema.safeParse(
      status === 'complete' && file && document ? { ...candidate, status: 'draft' } : candidate,
    );
    if (!parsed.success) {
      setError(z.prettifyError(parsed.error));
      return;
    }
    setError(null);
    onSave({ ...parsed.data, status }, file).catch((e: unknown) => setError(describeError(e, t)));
  }

  return (
    <form
      className="card"
      aria-label={pick(template.title, lang)}
      onSubmit={(e) => e.preventDefault()}
    >
      <h2>{pick(template.title, lang)}</h2>
      <p className="small muted">
        {t('policies.progress', { answered: progress.answered, applicable: progress.applicable })}
      </p>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={document === null}
          onChange={(e) =>
            setReview({
              ...review,
              document: e.target.checked
                ? null
                : { title: '', version: '', approvedOn: null, approver: '', attachmentId: null },
            })
          }
        />
        {t('policies.noPolicy')}
      </label>
      {document && (
        <div className="row">
          <Field label={t('policies.title')}>
            {(p) => (
              <input
                {...p}
                value={document.title}
                onChange={(e) => setDocument({ title: e.target.value })}
              />
            )}
          </Field>
          <Field label={t('policies.version')}>
            {(p) => (
              <input
                {...p}
                value={document.version}
                onChange={(e) => setDocument({ version: e.target.value })}
              />
            )}
          </Field>
          <Field label={t('policies.approvedOn')}>
            {(p) => (
              <input
                {...p}
                type="date"
                value={document.approvedOn ?? ''}
                onChange={(e) =>
                  setDocument({ approvedOn: e.target.value ? asIsoDate(e.target.value) : null })
                }
              />
            )}
          </Field>
          <Field label={t('policies.approver')}>
            {(p) => (
              <input
                {...p}
                value={document.approver}
                onChange={(e) => setDocument({ approver: e.target.value })}
              />
            )}
          </Field>
          <div className="field">
            <span>{t('policies.document')}</span>
            <button
              type="button"
              onClick={() =>
                void platform
                  .openFile({
                    filters: [{ name: 'PDF / Word', extensions: ['pdf', 'docx', 'doc', 'odt'] }],
                    maxBytes: MAX_EVIDENCE_BYTES,
                  })
                  .then(
                    (opened) => opened && setFile(opened),
                    (e: unknown) => setError(describeError(e, t)),
                  )
              }
            >
              {file
                ? file.name
                : document.attachmentId
                  ? t('policies.replaceDocument')
                  : t('policies.attachDocument')}
            </button>
          </div>
        </div>
      )}
      <div className="row">
        <Field label={t('policies.reviewedOn')}>
          {(p) => (
            <input
              {...p}
              type="date"
              value={review.reviewedOn ?? ''}
              onChange={(e) =>
                setReview({
                  ...review,
                  reviewedOn: e.target.value ? asIsoDate(e.target.value) : null,
                })
              }
            />
          )}
        </Field>
        <Field label={t('policies.reviewer')}>
          {(p) => (
            <input
              {...p}
              value={review.reviewer}
              onChange={(e) => setReview({ ...review, reviewer: e.target.value })}
            />
          )}
        </Field>
      </div>
      {document && template.conditions.length > 0 && (
        <fieldset>
          <legend>{t('policies.conditions')}</legend>
          {template.conditions.map((condition) => (
            <div key={condition.key} className="inline">
              <span>{pick(condition.question, lang)}</span>{' '}
              {([true, false] as const).map((answer) => (
                <label key={String(answer)} className="checkbox">
                  <input
                    type="radio"
                    name={`condition-${condition.key}`}
                    checked={review.conditions[condition.key] === answer}
                    onChange={() =>
                      setReview({
                        ...review,
                        conditions: { ...review.conditions, [condition.key]: answer },
                      })
                    }
                  />
                  {answer ? t('common.yes') : t('common.no')}
                </label>
              ))}
            </div>
          ))}
        </fieldset>
      )}
      {document && (
        <table className="grid compact" aria-label={t('policies.elements')}>
          <thead>
            <tr>
              <th>{t('policies.element')}</th>
              <th>{t('policies.present')}</th>
              <th>{t('policies.sectionRef')}</th>
              <th>{t('policies.adequacy')}</th>
              <th>{t('policies.note')}</th>
            </tr>
          </thead>
          <tbody>
            {template.elements.map((element) => {
              const answer = answerOf(review, element.id);
              const applicable = isElementApplicable(review, element);
              const title = pick(element.title, lang);
              return (
                <tr key={element.id} className={applicable ? undefined : 'muted'}>
                  <td>
                    <details>
                      <summary>
                        {title}{' '}
                        <span className="muted small">{elementCitation(element, lang)}</span>
                      </summary>
                      <ul className="small">
                        {element.guidance.map((g) => (
                          <li key={g.en}>{pick(g, lang)}</li>
                        ))}
                      </ul>
                    </details>
                    {!applicable && <span className="small">{t('policies.notApplicable')}</span>}
                  </td>
                  <td>
                    {applicable &&
                      (['yes', 'no'] as const).map((present) => (
                        <label key={present} className="checkbox">
                          <input
                            type="radio"
                            name={`present-${element.id}`}
                            aria-label={`${title} ${present === 'yes' ? t('policies.has') : t('policies.hasNot')}`}
                            checked={answer.present === present}
                            onChange={() => setAnswer(element.id, { present })}
                          />
                          {present === 'yes' ? t('policies.has') : t('policies.hasNot')}
                        </label>
                      ))}
                  </td>
                  <td>
                    {applicable && answer.present === 'yes' && (
                      <input
                        aria-label={`${title} ${t('policies.sectionRef')}`}
                        autoComplete="off"
                        value={answer.sectionRef}
                        onChange={(e) => setAnswer(element.id, { sectionRef: e.target.value })}
                      />
                    )}
                  </td>
                  <td>
                    {applicable && answer.present === 'yes' && (
                      <select
                        aria-label={`${title} ${t('policies.adequacy')}`}
                        value={answer.adequacy ?? ''}
                        onChange={(e) =>
                          setAnswer(element.id, {
                            adequacy: ADEQUACY.find((a) => a === e.target.value) ?? null,
                          })
                        }
                      >
                        <option value="">—</option>
                        {ADEQUACY.map((a) => (
                          <option key={a} value={a}>
                            {pick(ADEQUACY_LABELS[a], lang)}
                          </option>
                        ))}
                      </select>
                    )}
                  </td>
                  <td>
                    {applicable && (
                      <input
                        aria-label={`${title} ${t('policies.note')}`}
                        autoComplete="off"
                        value={answer.note}
                        onChange={(e) => setAnswer(element.id, { note: e.target.value })}
                      />
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <ErrorText message={error} />
      <div className="actions">
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button type="button" onClick={() => save('draft')}>
          {t('policies.saveDraft')}
        </button>
        <button type="button" className="primary" onClick={() => save('complete')}>
          {t('policies.complete')}
        </button>
      </div>
    </form>
  );
}
