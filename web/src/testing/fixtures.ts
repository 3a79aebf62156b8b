/** Small builders for GraphQL answers in component tests (only the fields the operations select). */
export function kpiLine(
  metric: string,
  o: Partial<{ id: string; shared: boolean; valueUnit: string; actual: number | null; target: number | null; attainment: number | null; status: string; n: number; lowConfidence: boolean; suppressed: boolean; drivers: unknown[]; direction: string; kind: string; reconciliation: unknown; latestCheckin: unknown }> = {},
) {
  return {
    kpi: {
      id: o.id ?? `k-${metric}`,
      metric,
      metricName: metric.toUpperCase(),
      kind: o.kind ?? 'outcome',
      direction: o.direction ?? 'higher',
      valueUnit: o.valueUnit ?? 'percent',
      shared: o.shared ?? false,
      sliceDimension: null,
      sliceValue: null,
    },
    actual: o.actual === undefined ? 50 : o.actual,
    target: o.target === undefined ? 60 : o.target,
    attainment: o.attainment === undefined ? 83.3 : o.attainment,
    status: o.status ?? 'AT_RISK',
    n: o.n ?? 500,
    lowConfidence: o.lowConfidence ?? false,
    suppressed: o.suppressed ?? false,
    effectiveWeight: 1,
    trend: Array.from({ length: 13 }, (_, i) => ({ period: `2025-${String(i + 1).padStart(2, '0')}`, actual: 40 + i, target: 60 })),
    reconciliation: o.reconciliation ?? null,
    latestCheckin: o.latestCheckin ?? null,
    drivers: o.drivers ?? [],
  };
}

export const metricCatalogue = [
  { code: 'nps', name: 'Net Promoter Score', kind: 'outcome', unit: 'score', direction: 'higher' },
  { code: 'csat', name: 'CSAT', kind: 'outcome', unit: 'percent', direction: 'higher' },
  { code: 'ces', name: 'CES', kind: 'outcome', unit: 'mean', direction: 'higher' },
  { code: 'fcr', name: 'FCR', kind: 'process', unit: 'percent', direction: 'higher' },
  { code: 'sla', name: 'SLA', kind: 'process', unit: 'percent', direction: 'higher' },
  { code: 'response_time', name: 'First response time', kind: 'process', unit: 'seconds', direction: 'lower' },
  { code: 'repeat_rate', name: 'Repeat', kind: 'process', unit: 'percent', direction: 'lower' },
  { code: 'transfer_rate', name: 'Transfer', kind: 'process', unit: 'percent', direction: 'lower' },
  { code: 'channel_switch', name: 'Switch', kind: 'process', unit: 'percent', direction: 'lower' },
  { code: 'containment', name: 'Containment', kind: 'process', unit: 'percent', direction: 'higher' },
];
