import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ChangeMark } from '../../../components/change-mark';
import { NWithMarks } from '../../../components/n-marks';
import { formatValue } from '../../../lib/format';
import type { MetricInfo, MoverRow } from '../api/movers-view';

/** One row per unit that moved: the unit (a link to its scorecard), previous and current value, n, the change with its test. */
export function MoversTable({ rows, metric, period, caption }: { rows: MoverRow[]; metric: MetricInfo; period: string; caption: string }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  return (
    <table className="table movers-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('cascade.unit')}</th>
          <th scope="col" className="num">{t('movers.previous')}</th>
          <th scope="col" className="num">{t('partners.value')}</th>
          <th scope="col" className="num">{t('scorecard.change')}</th>
          <th scope="col" className="num">{t('scorecard.n')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id} data-code={r.code}>
            <th scope="row">
              <Link to={`/units/${r.id}/scorecard?period=${period}`}>{r.name}</Link>
              <span className="kpi-sub">{t(`cascade.kinds.${r.kind}`, { defaultValue: r.kind })}</span>
            </th>
            <td className="num">{formatValue(r.previous, metric.unit, lng)}</td>
            <td className="num" data-testid="value">
              {r.suppressed ? <span className="mark mark--suppressed">{t('scorecard.suppressedValue')}</span> : formatValue(r.value, metric.unit, lng)}
            </td>
            <td className="num" data-testid="change">
              <ChangeMark change={r.change} unit={metric.unit} direction={metric.direction} />
            </td>
            <td className="num">
              <NWithMarks n={r.n} suppressed={r.suppressed} lowConfidence={r.lowConfidence} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
