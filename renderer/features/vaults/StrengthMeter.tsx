import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { passphraseStrength, type StrengthScore } from './passphrase-strength';

export function StrengthMeter({
  passphrase,
  userInputs,
}: {
  passphrase: string;
  userInputs: string[];
}) {
  const { t } = useTranslation();
  const [score, setScore] = useState<StrengthScore>(0);
  const inputsKey = userInputs.join('\u0000');
  useEffect(() => {
    let current = true;
    void passphraseStrength(passphrase, inputsKey.split('\u0000')).then((s) => {
      if (current) setScore(s);
    });
    return () => {
      current = false;
    };
  }, [passphrase, inputsKey]);
  return (
    <div className="strength" data-score={score}>
      <meter
        min={0}
        max={4}
        low={2}
        high={3}
        optimum={4}
        value={passphrase ? score : 0}
        aria-label={t('strength.label')}
      />
      <span>{passphrase ? t(`strength.score${score}`) : ''}</span>
    </div>
  );
}
