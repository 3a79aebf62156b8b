import { useTranslation } from 'react-i18next';
import { formatDifference, formatNumber } from '../lib/format';
import './change-mark.css';

export interface ChangeFigures {
  difference: number;
  z: number | null;
  significant: boolean | null;
}

/**
 * A change against the previous period in the metric's unit, coloured by whether it is better in the metric's
 * direction, with a marker only when the test says it is significant; the difference, z and 95% interval
 * (difference ± 1.96·|difference / z|) are read by screen readers (hidden text) and shown on hover/focus.
 */
export function ChangeMark({ change, unit, direction }: { change: ChangeFigures | null; unit: string; direction: 'higher' | 'lower' }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  if (!change) return <>–</>;
  const d = change.difference;
  const better = d !== 0 ? d > 0 === (direction === 'higher') : null;
  const se = change.z ? Math.abs(d / change.z) : null;
  const tip =
    change.z != null && se != null
      ? t('scorecard.changeTooltip', {
          difference: formatDifference(d, unit, lng),
          z: formatNumber(change.z, 2, lng),
          low: formatDifference(d - 1.96 * se, unit, lng),
          high: formatDifference(d + 1.96 * se, unit, lng),
        })
      : t('scorecard.changeTooltipNoTest', { difference: formatDifference(d, unit, lng) });
  const label = change.significant ? `${t('scorecard.significant')}. ${tip}` : tip;
  return (
    <span className="change-mark" tabIndex={0} data-significant={change.significant ? 'true' : 'false'}>
      <span className="visually-hidden" data-testid="change-label">
        {label}
      </span>
      <span className={better == null ? undefined : better ? 'up' : 'down'} aria-hidden="true">
        {formatDifference(d, unit, lng)}
      </span>
      {change.significant && (
        <span className="mark mark--sig" data-testid="significant" aria-hidden="true">
          ●
        </span>
      )}
      <span className="change-mark__tip" aria-hidden="true">
        {label}
      </span>
    </span>
  );
}
