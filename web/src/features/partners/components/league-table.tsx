import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ChangeMark } from '../../../components/change-mark';
import { NWithMarks } from '../../../components/n-marks';
import { formatInteger, formatInterval, formatValue } from '../../../lib/format';
import type { LeagueRow, MetricInfo } from '../api/partner-view';

/** Rank, partner, value with its 95% interval, n and change; partners without a value last, unranked. */
export function LeagueTable({ rows, metric, period }: { rows: LeagueRow[]; metric: MetricInfo; period: string }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  return (
    <table className="table league-table">
      <caption className="visually-hidden">{t('partners.leagueCaption', { metric: t(`metrics.${metric.code}`, { defaultValue: metric.name }) })}</caption>
      <thead>
        <tr>
          <th scope="col" className="num">{t('partners.rank')}</th>
          <th scope="col">{t('partners.partner')}</th>
          <th scope="col" className="num">{t('partners.value')}</th>
          <th scope="col" className="num">{t('partners.interval')}</th>
          <th scope="col" className="num">{t('scorecard.n')}</th>
          <th scope="col" className="num">{t('scorecard.change')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.code} data-partner={r.code}>
            <td className="num" data-testid="rank">{r.rank == null ? '–' : formatInteger(r.rank, lng)}</td>
            <th scope="row">
              <Link to={`/partners/${encodeURIComponent(r.code)}?period=${period}`}>{r.name}</Link>
              <span className="muted small league-table__code">{r.code}</span>
            </th>
            <td className="num" data-testid="value">
              {r.figure.suppressed ? <span className="mark mark--suppressed">{t('scorecard.suppressedValue')}</span> : formatValue(r.figure.value, metric.unit, lng)}
            </td>
            <td className="num" data-testid="interval">{formatInterval(r.figure.low, r.figure.high, metric.unit, lng)}</td>
            <td className="num" data-testid="n">
              <NWithMarks n={r.figure.n} suppressed={r.figure.suppressed} lowConfidence={r.figure.lowConfidence} />
            </td>
            <td className="num">
              <ChangeMark change={r.figure.suppressed ? null : r.figure.change} unit={metric.unit} direction={metric.direction} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
