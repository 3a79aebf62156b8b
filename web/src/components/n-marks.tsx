import { useTranslation } from 'react-i18next';
import { formatInteger } from '../lib/format';

/** Below this n a value is flagged as low confidence (the API's default minimum). */
export const minN = 30;

/** n, always shown, with the suppressed mark (below the privacy floor) or the low-confidence mark (below 30). */
export function NWithMarks({ n, suppressed, lowConfidence }: { n: number; suppressed: boolean; lowConfidence: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      {formatInteger(n, i18n.language)}
      {suppressed ? (
        <span className="mark mark--suppressed" data-testid="suppressed-mark" role="img" aria-label={t('scorecard.suppressed')} title={t('scorecard.suppressed')}>
          ⊘
        </span>
      ) : (
        lowConfidence && (
          <span className="mark mark--low" data-testid="low-mark" role="img" aria-label={t('scorecard.lowConfidence', { min: minN })} title={t('scorecard.lowConfidence', { min: minN })}>
            !
          </span>
        )
      )}
    </>
  );
}
