import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { maskEmail, maskId, maskPhone } from '../../../shared/domain/personal-data';
import type { Stored } from '../../../shared/domain/records';
import {
  PERSON_KIND_LABELS,
  PERSON_STATUS_LABELS,
  type Person,
} from '../../../shared/registers/agreements/people';
import { useApp } from '../../app/app-context';
import { describeError } from '../../app/describe-error';
import type { VaultSession } from '../../data/vault-session';
import { pick } from '../../i18n/pick';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { ErrorText } from '../../ui/ErrorText';
import { VirtualList } from '../../ui/VirtualList';
import { PersonForm } from './PersonForm';

/** The people of the register (imported roster and people added by hand), IDs masked. */
export function PeopleView({
  session,
  people,
  onChanged,
}: {
  session: VaultSession;
  people: readonly Stored<Person>[];
  onChanged: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { formatDate } = useApp();
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState<Stored<Person> | null>(null);
  const [revealed, setRevealed] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const needle = query.trim().toLowerCase();
  const shown = needle
    ? people.filter((p) =>
        [p.employeeNo, p.name, p.department, p.title].some((v) => v.toLowerCase().includes(needle)),
      )
    : people;

  async function reveal(person: Stored<Person>) {
    try {
      await session.log({
        action: 'personal-data.revealed',
        target: { table: 'people', id: person.id },
        summary: `${person.employeeNo} ${person.name}`,
      });
      setRevealed(person.id);
    } catch (e) {
      setError(describeError(e, t));
    }
  }

  return (
    <div>
      <div className="toolbar">
        <input
          type="search"
          aria-label={t('agreements.searchPeople')}
          placeholder={t('agreements.searchPeople')}
          value={query}
          autoComplete="off"
          onChange={(e) => setQuery(e.target.value)}
        />
        <span className="small muted">{t('agreements.peopleCount', { count: shown.length })}</span>
        <button type="button" onClick={() => setAdding(true)}>
          {t('agreements.addPerson')}
        </button>
      </div>
      <ErrorText message={error} />
      {adding && (
        <PersonForm
          onCancel={() => setAdding(false)}
          onSave={async (person) => {
            try {
              await session.create('people', person, `${person.employeeNo} ${person.name}`);
              setAdding(false);
              onChanged();
            } catch (e) {
              setError(describeError(e, t));
            }
          }}
        />
      )}
      <div className="split">
        <VirtualList
          items={shown}
          keyOf={(p) => p.id}
          estimateSize={44}
          label={t('agreements.view.people')}
          height="55vh"
          selectedKey={selected?.id ?? null}
          onSelect={(p) => {
            setSelected(p);
            setRevealed(null);
          }}
          renderItem={(p) => (
            <div className="list-row">
              <span className="mono">{p.employeeNo || '—'}</span> <strong>{p.name}</strong>{' '}
              <span className="muted small">
                {p.department} · {pick(PERSON_STATUS_LABELS[p.status], lang)}
              </span>
            </div>
          )}
        />
        {selected && (
          <dl className="card detail" aria-label={selected.name}>
            <dt />
            <dd>
              <ConfirmButton
                label={t('common.delete')}
                confirmLabel={t('common.confirmDelete')}
                onConfirm={() =>
                  void session
                    .remove(
                      'people',
                      selected.id,
                      selected.rev,
                      `${selected.employeeNo} ${selected.name}`,
                    )
                    .then(
                      () => {
                        setSelected(null);
                        onChanged();
                      },
                      (e: unknown) => setError(describeError(e, t)),
                    )
                }
              />
            </dd>
            <dt>{t('agreements.personKind')}</dt>
            <dd>{pick(PERSON_KIND_LABELS[selected.kind], lang)}</dd>
            <dt>{t('agreements.personId')}</dt>
            <dd>
              {selected.personId === null
                ? '—'
                : revealed === selected.id
                  ? selected.personId
                  : maskId(selected.personId)}
              {selected.personId !== null && revealed !== selected.id && (
                <button type="button" className="link small" onClick={() => void reveal(selected)}>
                  {' '}
                  {t('personalData.reveal', { count: 1 })}
                </button>
              )}
            </dd>
            <dt>{t('agreements.contact')}</dt>
            <dd>
              {[
                revealed === selected.id ? selected.email : maskEmail(selected.email),
                revealed === selected.id ? selected.phone : maskPhone(selected.phone),
              ]
                .filter((v) => v !== '')
                .join(' · ') || '—'}
            </dd>
            <dt>{t('agreements.hireDate')}</dt>
            <dd>{selected.hireDate ? formatDate(selected.hireDate) : '—'}</dd>
            <dt>{t('agreements.leftOn')}</dt>
            <dd>{selected.leftOn ? formatDate(selected.leftOn) : '—'}</dd>
            <dt>{t('agreements.accessRevokedOn')}</dt>
            <dd>{selected.accessRevokedOn ? formatDate(selected.accessRevokedOn) : '—'}</dd>
            <dt>{t('agreements.holdsAccess')}</dt>
            <dd>
              {selected.holdsSystemAccess === null
                ? t('agreements.unknown')
                : selected.holdsSystemAccess
                  ? t('common.yes')
                  : t('common.no')}
            </dd>
            <dt>{t('agreements.jobChanges')}</dt>
            <dd>
              {selected.jobChanges.length === 0
                ? '—'
                : selected.jobChanges
                    .map(
                      (c) =>
                        `${formatDate(c.on)} ${c.from} → ${c.to}（${t('agreements.accessUpdatedOn')} ${c.accessUpdatedOn ? formatDate(c.accessUpdatedOn) : '—'}）`,
                    )
                    .join('；')}
            </dd>
          </dl>
        )}
      </div>
    </div>
  );
}
