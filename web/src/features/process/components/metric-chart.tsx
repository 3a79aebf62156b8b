import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ChartDataTable } from '../../../components/data-table';
import { EChart } from '../../../components/echart';
import { formatInteger, formatPeriod, formatValue } from '../../../lib/format';
import type { Point } from '../api/process-view';

/** One metric over 13 months; every chart of the screen shares the month axis and the hover (group). */
export function MetricChart({ metric, points, unit, group, emphasis }: { metric: string; points: Point[]; unit: string; group: string; emphasis?: boolean }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const name = t(`metrics.${metric}`, { defaultValue: metric });
  const option = useMemo(
    () => ({
      animation: false,
      // ECharts 6 keeps axis labels inside the chart by default (outerBounds).
      grid: { left: 8, right: 12, top: 10, bottom: 4 },
      tooltip: {
        trigger: 'axis',
        valueFormatter: (v: number | null) => formatValue(v, unit, lng),
      },
      axisPointer: { link: [{ xAxisIndex: 'all' }] },
      xAxis: {
        type: 'category',
        data: points.map((p) => formatPeriod(p.period, lng, 'short')),
        axisLabel: { fontSize: 10, hideOverlap: true },
      },
      yAxis: {
        type: 'value',
        scale: true,
        splitNumber: 3,
        axisLabel: { fontSize: 10, formatter: (v: number) => formatValue(v, unit, lng) },
      },
      series: [
        {
          name,
          type: 'line',
          data: points.map((p) => (p.suppressed ? null : p.value)),
          connectNulls: false,
          symbolSize: 4,
          lineStyle: { width: emphasis ? 2.5 : 1.8, color: emphasis ? '#2f5bea' : '#0f7b6c' },
          itemStyle: { color: emphasis ? '#2f5bea' : '#0f7b6c' },
        },
      ],
    }),
    [points, unit, lng, name, emphasis],
  );
  return (
    <figure className={`metric-chart${emphasis ? ' metric-chart--outcome' : ''}`}>
      <figcaption>{name}</figcaption>
      <EChart option={option} group={group} height={emphasis ? 170 : 120} label={t('process.chartOf', { metric: name })} />
      <ChartDataTable
        caption={t('process.chartOf', { metric: name })}
        columns={[t('common.month'), name, t('scorecard.n')]}
        rows={points.map((p) => [formatPeriod(p.period, lng), p.suppressed ? t('scorecard.suppressedValue') : formatValue(p.value, unit, lng), formatInteger(p.n, lng)])}
      />
    </figure>
  );
}
