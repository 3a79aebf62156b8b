import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useEmbed } from '../lib/embed';
import { formatPeriod } from '../lib/format';
import { grainOf, lastMonthOf, periodChoices, periodContaining, type Grain } from '../lib/period';
import { LockIcon } from './lock-icon';

/** Month / quarter / year, then the period: changing the grain keeps the same point in time. */
export function PeriodPicker({ value, latest, onChange }: { value: string; latest: string; onChange: (period: string) => void }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const embed = useEmbed();
  // An embed token's locked period is shown, not offered: the server refuses any other.
  if (embed?.lockedPeriod) {
    return (
      <div className="period-picker period-picker--locked" role="group" aria-label={t('common.period')} data-testid="locked-period">
        <LockIcon label={t('embed.periodLocked')} /> {formatPeriod(value, i18n.language)}
      </div>
    );
  }
  const grain = grainOf(value) ?? 'month';
  const grains: Grain[] = ['month', 'quarter', 'year'];
  const choices = periodChoices(latest, grain);
  if (!choices.includes(value)) choices.unshift(value);
  return (
    <div className="period-picker" role="group" aria-label={t('common.period')}>
      <label htmlFor={`${id}-grain`} className="visually-hidden">
        {t('common.grain')}
      </label>
      <select id={`${id}-grain`} value={grain} onChange={(e) => onChange(periodContaining(lastMonthOf(value), e.target.value as Grain))}>
        {grains.map((g) => (
          <option key={g} value={g}>
            {t(`common.${g}`)}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-period`} className="visually-hidden">
        {t('common.period')}
      </label>
      <select id={`${id}-period`} value={value} onChange={(e) => onChange(e.target.value)}>
        {choices.map((p) => (
          <option key={p} value={p}>
            {formatPeriod(p, i18n.language)}
          </option>
        ))}
      </select>
    </div>
  );
}
