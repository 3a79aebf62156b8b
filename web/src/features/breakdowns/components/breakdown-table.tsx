import { useTranslation } from 'react-i18next';
import { ChangeMark } from '../../../components/change-mark';
import { NWithMarks } from '../../../components/n-marks';
import { formatInterval, formatPeriod, formatValue } from '../../../lib/format';
import type { BreakdownItem, MetricInfo } from '../api/breakdown-view';

/** The figures behind the bars, always visible: value, 95% interval, n with its marks; with `compare`, the previous period and the change. */
export function BreakdownTable({ items, metric, compare, caption }: { items: BreakdownItem[]; metric: MetricInfo; compare: boolean; caption: string }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const previousPeriod = items.find((i) => i.previous)?.previous?.period;
  const shown = (b: BreakdownItem['now']) => (b.suppressed ? <span className="mark mark--suppressed">{t('scorecard.suppressedValue')}</span> : formatValue(b.value, metric.unit, lng));
  return (
    // The cards are a third of the page wide: the table scrolls inside its card rather than spilling out of it.
    <div className="breakdown-table-wrap">
    <table className="table table--compact breakdown-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('breakdowns.key')}</th>
          <th scope="col" className="num">{t('partners.value')}</th>
          <th scope="col" className="num">{t('partners.interval')}</th>
          <th scope="col" className="num">{t('scorecard.n')}</th>
          {compare && (
            <>
              <th scope="col" className="num">{previousPeriod ? formatPeriod(previousPeriod, lng) : t('breakdowns.previous')}</th>
              <th scope="col" className="num">{t('scorecard.change')}</th>
            </>
          )}
        </tr>
      </thead>
      <tbody>
        {items.map((i) => (
          <tr key={i.key} data-key={i.key}>
            <th scope="row">{t(`slices.${i.key}`, { defaultValue: i.key })}</th>
            <td className="num" data-testid="value">{shown(i.now)}</td>
            <td className="num" data-testid="interval">{i.now.suppressed ? '–' : formatInterval(i.now.low, i.now.high, metric.unit, lng)}</td>
            <td className="num" data-testid="n">
              <NWithMarks n={i.now.n} suppressed={i.now.suppressed} lowConfidence={i.now.lowConfidence} />
            </td>
            {compare && (
              <>
                <td className="num" data-testid="previous">{i.previous ? shown(i.previous) : '–'}</td>
                <td className="num" data-testid="change">
                  <ChangeMark change={i.now.suppressed ? null : i.change} unit={metric.unit} direction={metric.direction} />
                </td>
              </>
            )}
          </tr>
        ))}
      </tbody>
    </table>
    </div>
  );
}
