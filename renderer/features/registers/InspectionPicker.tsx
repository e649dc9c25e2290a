import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Inspection } from '../../../shared/domain/inspections';
import type { RecordId, Stored } from '../../../shared/domain/records';

/**
 * Which inspection a finding raised from a register goes to. Defaults to the newest
 * inspection still in progress; signed-off inspections are not offered.
 */
export function InspectionPicker({
  inspections,
  value,
  onChange,
}: {
  inspections: readonly Stored<Inspection>[];
  value: RecordId | null;
  onChange: (id: RecordId | null) => void;
}) {
  const { t } = useTranslation();
  const open = inspections.filter((inspection) => inspection.status !== 'signed-off');
  const fallback = open.at(-1)?.id ?? null;
  useEffect(() => {
    if (value === null && fallback !== null) onChange(fallback);
  }, [value, fallback, onChange]);
  if (open.length === 0) return <p className="small warning">{t('registers.noInspection')}</p>;
  return (
    <label className="small">
      {t('registers.findingGoesTo')}{' '}
      <select
        value={value ?? ''}
        onChange={(e) => onChange(open.find((i) => i.id === e.target.value)?.id ?? null)}
      >
        {open.map((inspection) => (
          <option key={inspection.id} value={inspection.id}>
            {inspection.title}
          </option>
        ))}
      </select>
    </label>
  );
}
