import { useTranslation } from 'react-i18next';
import './status-badge.css';

export type KpiStatus = 'ON_TRACK' | 'AT_RISK' | 'OFF_TRACK' | 'NO_DATA';

/** A KPI status: colour plus its word (never colour alone). SUPPRESSED: the value is hidden by the privacy floor. */
export function StatusBadge({ status, compact }: { status: KpiStatus | 'SUPPRESSED'; compact?: boolean }) {
  const { t } = useTranslation();
  return (
    <span className={`status-badge status-badge--${status.toLowerCase()}${compact ? ' status-badge--compact' : ''}`}>
      <span className="status-badge__dot" aria-hidden="true" />
      {t(`status.${status}`)}
    </span>
  );
}
