import { useTranslation } from 'react-i18next';
import { outcomeDrivers, type ProcessView } from '../api/process-view';
import { MetricChart } from './metric-chart';

/** Each outcome (NPS, CSAT, CES) on the left, the process metrics that drive it beside it; hover is synced. */
export function OutcomeProcessGrid({ view }: { view: ProcessView }) {
  const { t } = useTranslation();
  return (
    <div className="outcome-grid">
      {outcomeDrivers.map(({ outcome, processes }) => (
        <section key={outcome} className="outcome-grid__row panel" aria-label={t(`metrics.${outcome}`)}>
          <div>
            <h2 className="outcome-grid__label">{t('process.outcome')}</h2>
            <MetricChart metric={outcome} points={view.series[outcome]} unit={view.units[outcome] ?? 'mean'} group="process" emphasis />
          </div>
          <div>
            <h2 className="outcome-grid__label">{t('process.processMetrics')}</h2>
            <div className="outcome-grid__processes">
              {processes.map((m) => (
                <MetricChart key={m} metric={m} points={view.series[m]} unit={view.units[m] ?? 'percent'} group="process" />
              ))}
            </div>
          </div>
        </section>
      ))}
    </div>
  );
}
