import { useTranslation } from 'react-i18next';
import { ChangeMark } from '../../../components/change-mark';
import { NWithMarks } from '../../../components/n-marks';
import { formatInterval, formatValue } from '../../../lib/format';
import { outcomeGroups, type Figure, type MetricInfo } from '../api/partner-view';

/** The partner's outcomes, each followed by the process metrics that drive it: value, 95% interval, n, change. */
export function PartnerFigures({ figures, metrics }: { figures: Record<string, Figure>; metrics: MetricInfo[] }) {
  const { t } = useTranslation();
  const info = (code: string): MetricInfo => metrics.find((m) => m.code === code) ?? { code, name: code, unit: 'mean', direction: 'higher', kind: 'process' };
  return (
    <table className="table partner-figures">
      <caption className="visually-hidden">{t('partners.figures')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('partners.metric')}</th>
          <th scope="col" className="num">{t('partners.value')}</th>
          <th scope="col" className="num">{t('partners.interval')}</th>
          <th scope="col" className="num">{t('scorecard.n')}</th>
          <th scope="col" className="num">{t('scorecard.change')}</th>
        </tr>
      </thead>
      {outcomeGroups.map((g) => (
        <tbody key={g.outcome} className="partner-figures__group">
          <FigureRow metric={info(g.outcome)} figure={figures[g.outcome]} />
          {g.process.map((p) => (
            <FigureRow key={p} metric={info(p)} figure={figures[p]} drives={g.outcome} />
          ))}
        </tbody>
      ))}
    </table>
  );
}

function FigureRow({ metric, figure, drives }: { metric: MetricInfo; figure: Figure | undefined; drives?: string }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  if (!figure) return null;
  return (
    <tr data-metric={metric.code} className={drives ? 'partner-figures__process' : 'partner-figures__outcome'}>
      <th scope="row">
        {t(`metrics.${metric.code}`, { defaultValue: metric.name })}
        {drives && <span className="kpi-sub">{t('scorecard.drives', { outcome: t(`metrics.${drives}`) })}</span>}
      </th>
      <td className="num" data-testid="value">
        {figure.suppressed ? <span className="mark mark--suppressed">{t('scorecard.suppressedValue')}</span> : formatValue(figure.value, metric.unit, lng)}
      </td>
      <td className="num">{formatInterval(figure.low, figure.high, metric.unit, lng)}</td>
      <td className="num">
        <NWithMarks n={figure.n} suppressed={figure.suppressed} lowConfidence={figure.lowConfidence} />
      </td>
      <td className="num">
        <ChangeMark change={figure.suppressed ? null : figure.change} unit={metric.unit} direction={metric.direction} />
      </td>
    </tr>
  );
}
