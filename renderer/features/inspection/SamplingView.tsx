import { type SyntheticEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  drawSample,
  newSampleSeed,
  type Sample,
  toSampleRecord,
} from '../../../shared/domain/inspection/sampling';
import type { RecordId } from '../../../shared/domain/records';
import { useApp } from '../../app/app-context';
import { describeError } from '../../app/describe-error';
import type { VaultSession } from '../../data/vault-session';
import { ErrorText } from '../../ui/ErrorText';
import { Field } from '../../ui/Field';
import { useRecords } from '../workspace/use-records';

/**
 * Random samples a reviewer can reproduce: the population is a list the auditor pastes (one
 * entry a line: employees, devices, systems) or the system inventory; the seed is recorded.
 */
export function SamplingView({
  session,
  inspectionId,
}: {
  session: VaultSession;
  inspectionId: RecordId;
}) {
  const { t } = useTranslation();
  const { formatDateTime } = useApp();
  const systems = useRecords(session, 'systems').records ?? [];
  const samples = useRecords(session, 'samples');
  const [purpose, setPurpose] = useState('');
  const [source, setSource] = useState<'pasted' | 'systems'>('pasted');
  const [pasted, setPasted] = useState('');
  const [n, setN] = useState(5);
  const [seed, setSeed] = useState(() => newSampleSeed());
  const [sample, setSample] = useState<Sample<string> | null>(null);
  const [error, setError] = useState<string | null>(null);

  const population =
    source === 'systems'
      ? systems.map((s) => s.name)
      : [
          ...new Set(
            pasted
              .split('\n')
              .map((line) => line.trim())
              .filter(Boolean),
          ),
        ];

  async function draw(event: SyntheticEvent) {
    event.preventDefault();
    setError(null);
    try {
      setSample(await drawSample(population, n, seed.trim(), (entry) => entry));
    } catch (e) {
      setError(describeError(e, t));
    }
  }

  async function save() {
    if (!sample) return;
    setError(null);
    try {
      await session.create(
        'samples',
        {
          inspectionId,
          ...toSampleRecord(sample),
          purpose: purpose.trim() || t('sampling.untitled'),
          populationLabel:
            source === 'systems' ? t('sampling.fromSystems') : t('sampling.fromList'),
        },
        purpose,
      );
      samples.reload();
    } catch (e) {
      setError(describeError(e, t));
    }
  }

  return (
    <div className="sampling">
      <form className="card" onSubmit={(e) => void draw(e)}>
        <h2>{t('sampling.heading')}</h2>
        <p className="muted small">{t('sampling.explain')}</p>
        <Field label={t('sampling.purpose')}>
          {(p) => <input {...p} value={purpose} onChange={(e) => setPurpose(e.target.value)} />}
        </Field>
        <Field label={t('sampling.source')}>
          {(p) => (
            <select
              {...p}
              value={source}
              onChange={(e) => setSource(e.target.value === 'systems' ? 'systems' : 'pasted')}
            >
              <option value="pasted">{t('sampling.fromList')}</option>
              <option value="systems">{t('sampling.fromSystems')}</option>
            </select>
          )}
        </Field>
        {source === 'pasted' && (
          <Field
            label={t('sampling.population')}
            hint={t('sampling.populationHint', { count: population.length })}
          >
            {(p) => (
              <textarea
                {...p}
                rows={6}
                value={pasted}
                onChange={(e) => setPasted(e.target.value)}
              />
            )}
          </Field>
        )}
        <div className="row">
          <Field label={t('sampling.size')}>
            {(p) => (
              <input
                {...p}
                type="number"
                min={1}
                value={n}
                onChange={(e) => setN(Math.max(1, Math.round(Number(e.target.value))))}
              />
            )}
          </Field>
          <Field label={t('sampling.seed')} hint={t('sampling.seedHint')}>
            {(p) => (
              <input
                {...p}
                className="mono"
                value={seed}
                onChange={(e) => setSeed(e.target.value)}
              />
            )}
          </Field>
        </div>
        <ErrorText message={error} />
        <div className="actions">
          <button type="submit" className="primary" disabled={population.length === 0}>
            {t('sampling.draw')}
          </button>
        </div>
      </form>
      {sample && (
        <section className="card" aria-label={t('sampling.result')}>
          <h3>
            {t('sampling.result')} ·{' '}
            {t('sampling.summary', {
              n: sample.picked.length,
              of: sample.populationSize,
              seed: sample.seed,
            })}
          </h3>
          {sample.wholePopulation && <p className="warning small">{t('sampling.whole')}</p>}
          <ol data-testid="sample-picked">
            {sample.picked.map((entry) => (
              <li key={entry}>{entry}</li>
            ))}
          </ol>
          <div className="actions">
            <button type="button" onClick={() => void save()}>
              {t('sampling.save')}
            </button>
          </div>
        </section>
      )}
      <section>
        <h3>{t('sampling.saved')}</h3>
        <ul className="plain">
          {samples.records
            ?.filter((s) => s.inspectionId === inspectionId)
            .map((s) => (
              <li key={s.id} className="small">
                {s.purpose} · {s.populationLabel} · n={s.n}/{s.populationSize} ·{' '}
                {t('sampling.seed')} <code>{s.seed}</code> · {formatDateTime(s.updatedAt)} ·{' '}
                {s.updatedBy}
              </li>
            ))}
        </ul>
      </section>
    </div>
  );
}
