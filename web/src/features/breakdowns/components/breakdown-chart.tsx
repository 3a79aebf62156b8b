import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart } from '../../../components/echart';
import { formatInteger, formatValue } from '../../../lib/format';
import type { BreakdownItem, MetricInfo } from '../api/breakdown-view';

/**
 * Horizontal bars, largest volume at the top: the value with its 95% interval as an error bar and n on each bar; a
 * suppressed key has no bar (its n is still written), a low-confidence one is pale and marked "!". With `compare`,
 * the previous period's bar sits beside each one.
 */
export function BreakdownChart({ items, metric, compare, label }: { items: BreakdownItem[]; metric: MetricInfo; compare: boolean; label: string }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const option = useMemo(() => {
    const keys = items.map((i) => t(`slices.${i.key}`, { defaultValue: i.key }));
    const barLabel = (b: { value: number | null; n: number; suppressed: boolean; lowConfidence: boolean }) =>
      b.suppressed || b.value == null
        ? `${t('scorecard.suppressedValue')} · n ${formatInteger(b.n, lng)}`
        : `${formatValue(b.value, metric.unit, lng)} · n ${formatInteger(b.n, lng)}${b.lowConfidence ? ' !' : ''}`;
    const current = items.map((i) => ({
      value: i.now.suppressed ? null : i.now.value,
      itemStyle: { color: i.now.lowConfidence ? '#a9bbf5' : '#2f5bea' },
      label: { show: true, position: 'insideLeft', formatter: barLabel(i.now), color: i.now.lowConfidence ? '#1d2433' : '#fff' },
    }));
    const series: object[] = [
      { type: 'bar', name: 'now', data: current, barMaxWidth: 26, label: { fontSize: 11 }, z: 2 },
    ];
    if (compare) {
      series.push({
        type: 'bar',
        name: 'previous',
        data: items.map((i) => ({
          value: i.previous && !i.previous.suppressed ? i.previous.value : null,
          label: { show: !!i.previous, position: 'insideLeft', formatter: i.previous ? barLabel(i.previous) : '', color: '#1d2433' },
        })),
        itemStyle: { color: '#cfd5df' },
        barMaxWidth: 26,
        label: { fontSize: 11 },
      });
    } else {
      // The interval as an error bar over each bar (a custom series: ECharts has no error bar of its own).
      series.push({
        type: 'custom',
        name: 'interval',
        data: items.map((i, idx) => (i.now.suppressed || i.now.low == null || i.now.high == null ? [idx, null, null] : [idx, i.now.low, i.now.high])),
        z: 3,
        renderItem: (_: unknown, api: { value: (d: number) => number | null; coord: (p: number[]) => number[]; size: (p: number[]) => number[] }) => {
          const low = api.value(1);
          const high = api.value(2);
          if (low == null || high == null) return null;
          const idx = api.value(0)!;
          const a = api.coord([low, idx]);
          const b = api.coord([high, idx]);
          const cap = api.size([0, 1])[1] * 0.18;
          const style = { stroke: '#141b2d', lineWidth: 1.5 };
          return {
            type: 'group',
            children: [
              { type: 'line', shape: { x1: a[0], y1: a[1], x2: b[0], y2: b[1] }, style },
              { type: 'line', shape: { x1: a[0], y1: a[1] - cap, x2: a[0], y2: a[1] + cap }, style },
              { type: 'line', shape: { x1: b[0], y1: b[1] - cap, x2: b[0], y2: b[1] + cap }, style },
            ],
          };
        },
      });
    }
    return {
      animation: false,
      grid: { left: 110, right: 24, top: 8, bottom: 24 },
      // Bars start at zero (NPS can go below it); four ticks keep the axis labels apart in a narrow panel.
      xAxis: { type: 'value', min: (e: { min: number }) => Math.min(0, e.min), splitNumber: 4, axisLabel: { hideOverlap: true, formatter: (v: number) => formatValue(v, metric.unit, lng) } },
      yAxis: { type: 'category', data: keys, inverse: true, axisLabel: { width: 100, overflow: 'truncate' } },
      series,
    };
  }, [items, metric, compare, t, lng]);
  return <EChart option={option} label={label} height={Math.max(120, items.length * (compare ? 52 : 36) + 40)} />;
}
