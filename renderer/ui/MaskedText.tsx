import { useTranslation } from 'react-i18next';
import { maskPersonalData } from '../../shared/domain/personal-data';

export interface MaskedTextProps {
  text: string;
  revealed: boolean;
  /** Called when the user asks to see the personal data in full; the caller records it. */
  onReveal: () => void;
  onHide: () => void;
}

/**
 * Free text with national IDs, phone numbers and e-mail addresses masked (A12****789).
 * Revealing is an explicit action, offered only when something was masked.
 */
export function MaskedText({ text, revealed, onReveal, onHide }: MaskedTextProps) {
  const { t } = useTranslation();
  const { text: masked, spans } = maskPersonalData(text);
  return (
    <div className="masked-text">
      <p className="prewrap">{revealed ? text : masked}</p>
      {spans.length > 0 && (
        <button type="button" className="link" onClick={revealed ? onHide : onReveal}>
          {revealed ? t('personalData.hide') : t('personalData.reveal', { count: spans.length })}
        </button>
      )}
    </div>
  );
}
