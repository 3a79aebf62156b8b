import { useTranslation } from 'react-i18next';
import { Sparkline } from '../../../components/sparkline';
import { StatusBadge } from '../../../components/status-badge';
import { formatAttainment, formatDifference, formatInteger, formatNumber, formatPeriod, formatValue } from '../../../lib/format';
import type { KpiRow } from '../api/scorecard-view';
import './kpi-table.css';

/** Below this n a value is flagged as low confidence (the API's Scorecards:MinN default). */
export const minN = 30;

export function KpiTable({ rows }: { rows: KpiRow[] }) {
  const { t } = useTranslation();
  return (
    <table className="table kpi-table">
      <caption className="visually-hidden">{t('scorecard.kpi')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('scorecard.kpi')}</th>
          <th scope="col" className="num">{t('scorecard.actual')}</th>
          <th scope="col" className="num">{t('scorecard.target')}</th>
          <th scope="col" className="num">{t('scorecard.attainment')}</th>
          <th scope="col">{t('scorecard.status')}</th>
          <th scope="col" className="num">{t('scorecard.change')}</th>
          <th scope="col" className="num">{t('scorecard.n')}</th>
          <th scope="col">{t('scorecard.trend')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <KpiLine key={r.id} row={r} />
        ))}
      </tbody>
    </table>
  );
}

function KpiLine({ row: r }: { row: KpiRow }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const name = t(`metrics.${r.metric}`, { defaultValue: r.metricName });
  return (
    <tr className={r.drives ? 'kpi-table__driver' : undefined} data-metric={r.metric}>
      <th scope="row">
        <span className="kpi-table__name">{name}</span>
        {r.shared && <span className="mark mark--shared">{t('scorecard.shared')}</span>}
        {(r.slice || r.drives) && (
          <span className="kpi-table__sub">
            {r.drives ? t('scorecard.drives', { outcome: t(`metrics.${r.drives}`, { defaultValue: r.drives }) }) : r.slice}
          </span>
        )}
      </th>
      <td className="num" data-testid="actual">
        {r.suppressed ? (
          <span className="mark mark--suppressed" title={t('scorecard.suppressed')}>
            {t('scorecard.suppressedValue')}
          </span>
        ) : (
          formatValue(r.actual, r.valueUnit, lng)
        )}
      </td>
      <td className="num">{formatValue(r.target, r.valueUnit, lng)}</td>
      <td className="num">{formatAttainment(r.attainment, lng)}</td>
      <td>
        {/* A hidden actual has no status to show: "suppressed" is meant, not "no data" (n is there). */}
        {r.status && r.suppressed ? (
          <span title={t('scorecard.suppressed')} data-testid="suppressed-status">
            <StatusBadge status="SUPPRESSED" compact />
          </span>
        ) : r.status ? (
          <StatusBadge status={r.status} compact />
        ) : (
          <span className="muted small">{t('scorecard.noKpi')}</span>
        )}
      </td>
      <td className="num">
        <Change row={r} />
      </td>
      <td className="num">
        {formatInteger(r.n, lng)}
        {r.suppressed ? (
          <span className="mark mark--suppressed" data-testid="suppressed-mark" aria-label={t('scorecard.suppressed')} title={t('scorecard.suppressed')}>
            ⊘
          </span>
        ) : (
          r.lowConfidence && (
            <span className="mark mark--low" aria-label={t('scorecard.lowConfidence', { min: minN })} title={t('scorecard.lowConfidence', { min: minN })}>
              !
            </span>
          )
        )}
      </td>
      <td>
        <Sparkline
          values={r.trend.map((p) => p.actual)}
          targets={r.trend.map((p) => p.target)}
          hidden={r.trend.map((p) => p.hidden)}
          label={t('scorecard.sparklineLabel', {
            kpi: name,
            points: r.trend
              .map((p) => t('scorecard.sparklinePoint', { period: formatPeriod(p.period, lng, 'short'), value: p.hidden ? t('scorecard.hiddenPeriod') : formatValue(p.actual, r.valueUnit, lng) }))
              .join(t('scorecard.listSeparator')),
          })}
        />
      </td>
    </tr>
  );
}

/** The change against the previous period; a marker only when the test says it is significant, details on hover/focus. */
function Change({ row: r }: { row: KpiRow }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const c = r.change;
  if (!c || r.suppressed) return <>–</>;
  const better = c.difference !== 0 ? (c.difference > 0) === (directionOf(r) === 'higher') : null;
  // The API gives the 95% interval of the difference; without it (older answers), the test's standard error is
  // difference / z, so the interval is difference ± 1.96 · |difference / z|.
  const se = c.z ? Math.abs(c.difference / c.z) : null;
  const low = c.low ?? (se != null ? c.difference - 1.96 * se : null);
  const high = c.high ?? (se != null ? c.difference + 1.96 * se : null);
  const test =
    c.z != null && low != null && high != null
      ? t('scorecard.changeTooltip', {
          difference: formatDifference(c.difference, r.valueUnit, lng),
          z: formatNumber(c.z, 2, lng),
          low: formatDifference(low, r.valueUnit, lng),
          high: formatDifference(high, r.valueUnit, lng),
        })
      : t('scorecard.changeTooltipNoTest', { difference: formatDifference(c.difference, r.valueUnit, lng) });
  const tip = r.previous != null ? t('scorecard.changeWithPrevious', { previous: formatValue(r.previous, r.valueUnit, lng), test }) : test;
  return (
    <span className="change" tabIndex={0} aria-label={tip}>
      <span className={better == null ? undefined : better ? 'up' : 'down'}>{formatDifference(c.difference, r.valueUnit, lng)}</span>
      {c.significant && (
        <span className="mark mark--sig" data-testid="significant" aria-hidden="true">
          ●
        </span>
      )}
      <span className="change__tip" role="tooltip" aria-hidden="true">
        {c.significant ? `${t('scorecard.significant')}. ` : ''}
        {tip}
      </span>
    </span>
  );
}

function directionOf(r: KpiRow): 'higher' | 'lower' {
  return r.direction === 'lower' ? 'lower' : 'higher';
}
