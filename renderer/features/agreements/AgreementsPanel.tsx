import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AGREEMENT_IMPORT_FIELDS } from '../../../shared/registers/agreements/agreements';
import { computeCoverage } from '../../../shared/registers/agreements/coverage';
import {
  currentVersionsSchema,
  defaultCurrentVersions,
} from '../../../shared/registers/agreements/current-versions';
import {
  PEOPLE_ROSTER_FIELDS,
  PEOPLE_ROSTER_UNIQUE_KEY,
} from '../../../shared/registers/agreements/people';
import { describeError } from '../../app/describe-error';
import { today } from '../../app/today';
import type { VaultSession } from '../../data/vault-session';
import { ErrorText } from '../../ui/ErrorText';
import { TabBar } from '../../ui/TabBar';
import { ImportWizard } from '../import/ImportWizard';
import { importPresets } from '../registers/presets';
import { SETTING_KEYS } from '../registers/setting-keys';
import { useSetting } from '../registers/use-setting';
import { useRecords } from '../workspace/use-records';
import { AgreementsView } from './AgreementsView';
import { CoverageView } from './CoverageView';
import { planAgreementImport, planRosterImport } from './import-plans';
import { PeopleView } from './PeopleView';
import { VendorsView } from './VendorsView';
import { VersionsForm } from './VersionsForm';

const VIEWS = ['coverage', 'people', 'vendors', 'agreements'] as const;
type View = (typeof VIEWS)[number];

/**
 * The confidentiality-agreement register (art. 4): people and vendors, their signed
 * agreements, and the coverage of the HR roster, whose gaps become findings in one step.
 */
export function AgreementsPanel({ session }: { session: VaultSession }) {
  const { t } = useTranslation();
  const people = useRecords(session, 'people');
  const vendors = useRecords(session, 'vendors');
  const agreements = useRecords(session, 'agreements');
  const inspections = useRecords(session, 'inspections');
  const versions = useSetting(session, SETTING_KEYS.currentVersions, currentVersionsSchema);
  const [view, setView] = useState<View>('coverage');
  const [importing, setImporting] = useState<'roster' | 'agreements' | null>(null);
  const [editingVersions, setEditingVersions] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const currentVersions = versions.value ?? defaultCurrentVersions();
  const asOf = today();

  const coverage = useMemo(
    () =>
      people.records && vendors.records && agreements.records
        ? computeCoverage({
            people: people.records,
            vendors: vendors.records,
            agreements: agreements.records,
            currentVersions,
            asOf,
          })
        : null,
    [people.records, vendors.records, agreements.records, currentVersions, asOf],
  );

  const reloadAll = () => {
    people.reload();
    vendors.reload();
    agreements.reload();
  };
  const loadError = people.error ?? vendors.error ?? agreements.error ?? inspections.error;

  if (importing === 'roster') {
    return (
      <ImportWizard
        title={t('agreements.importRoster')}
        fields={PEOPLE_ROSTER_FIELDS}
        uniqueKey={PEOPLE_ROSTER_UNIQUE_KEY}
        presets={importPresets(session, 'roster')}
        plan={(rows, context) => planRosterImport(session, rows, context)}
        onClose={() => {
          setImporting(null);
          reloadAll();
        }}
      />
    );
  }
  if (importing === 'agreements') {
    return (
      <ImportWizard
        title={t('agreements.importAgreements')}
        fields={AGREEMENT_IMPORT_FIELDS}
        uniqueKey={[]}
        presets={importPresets(session, 'agreements')}
        plan={(rows, context) => planAgreementImport(session, rows, context)}
        onClose={() => {
          setImporting(null);
          reloadAll();
        }}
      />
    );
  }

  return (
    <div>
      <div className="page-title">
        <h1>{t('agreements.heading')}</h1>
        <div className="actions">
          <button type="button" onClick={() => setImporting('roster')}>
            {t('agreements.importRoster')}
          </button>
          <button type="button" onClick={() => setImporting('agreements')}>
            {t('agreements.importAgreements')}
          </button>
          <button type="button" onClick={() => setEditingVersions(!editingVersions)}>
            {t('agreements.versions')}
          </button>
        </div>
      </div>
      <ErrorText message={error ?? (loadError ? describeError(loadError, t) : null)} />
      {editingVersions && (
        <VersionsForm
          initial={currentVersions}
          onCancel={() => setEditingVersions(false)}
          onSave={async (next) => {
            try {
              await versions.save(next);
              setEditingVersions(false);
            } catch (e) {
              setError(describeError(e, t));
            }
          }}
        />
      )}
      <TabBar
        label={t('agreements.heading')}
        tabs={VIEWS}
        selected={view}
        labelOf={(name) =>
          name === 'coverage' && coverage
            ? t('agreements.view.coverageCount', { count: coverage.gaps.length })
            : t(`agreements.view.${name}`)
        }
        onSelect={setView}
        className="subtabs"
      />
      {view === 'coverage' && coverage && (
        <CoverageView
          session={session}
          coverage={coverage}
          inspections={inspections.records ?? []}
        />
      )}
      {view === 'people' && people.records && (
        <PeopleView session={session} people={people.records} onChanged={people.reload} />
      )}
      {view === 'vendors' && vendors.records && (
        <VendorsView session={session} vendors={vendors.records} onChanged={vendors.reload} />
      )}
      {view === 'agreements' && people.records && vendors.records && agreements.records && (
        <AgreementsView
          session={session}
          people={people.records}
          vendors={vendors.records}
          agreements={agreements.records}
          currentVersions={currentVersions}
          onChanged={agreements.reload}
        />
      )}
    </div>
  );
}
