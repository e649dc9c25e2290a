import { useTranslation } from 'react-i18next';

/** The cancel / save row that ends a form (the form's submit handler does the saving). */
export function FormActions({ onCancel }: { onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="actions">
      <button type="button" onClick={onCancel}>
        {t('common.cancel')}
      </button>
      <button type="submit" className="primary">
        {t('common.save')}
      </button>
    </div>
  );
}
