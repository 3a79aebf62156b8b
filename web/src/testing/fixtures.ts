/** Small builders for GraphQL answers in component tests (only the fields the operations select, as the API spells them). */
export function kpiLine(
  metric: string,
  o: Partial<{ id: string; shared: boolean; valueUnit: string; actual: number | null; target: number | null; attainment: number | null; status: string; n: number; lowConfidence: boolean; suppressed: boolean; drivers: unknown[]; direction: string; kind: string; reconciliation: unknown; latestCheckin: unknown; sliceDimension: string; sliceValue: string; previous: number | null; change: unknown; trend: unknown[] }> = {},
) {
  return {
    kpi: {
      id: o.id ?? `k-${metric}`,
      metric: { code: metric, name: metric.toUpperCase() },
      kind: o.kind ?? 'OUTCOME',
      direction: o.direction ?? 'HIGHER_IS_BETTER',
      valueUnit: o.valueUnit ?? 'PERCENT',
      shared: o.shared ?? false,
      sliceDimension: o.sliceDimension ?? null,
      sliceValue: o.sliceValue ?? null,
    },
    actual: o.actual === undefined ? 50 : o.actual,
    target: o.target === undefined ? 60 : o.target,
    attainment: o.attainment === undefined ? 83.3 : o.attainment,
    status: o.status ?? 'AT_RISK',
    n: o.n ?? 500,
    lowConfidence: o.lowConfidence ?? false,
    suppressed: o.suppressed ?? false,
    effectiveWeight: 1,
    previous: { period: '2025-12', actual: o.previous === undefined ? 51 : o.previous },
    change: o.change ?? null,
    trend: o.trend ?? Array.from({ length: 13 }, (_, i) => ({ period: `2025-${String(i + 1).padStart(2, '0')}`, actual: 40 + i, target: 60, suppressed: false })),
    reconciliation: o.reconciliation ?? null,
    latestCheckin: o.latestCheckin ?? null,
    drivers: o.drivers ?? [],
  };
}

export const metricCatalogue = [
  { code: 'nps', name: 'Net Promoter Score', kind: 'OUTCOME', unit: 'SCORE', direction: 'HIGHER_IS_BETTER' },
  { code: 'csat', name: 'CSAT', kind: 'OUTCOME', unit: 'PERCENT', direction: 'HIGHER_IS_BETTER' },
  { code: 'ces', name: 'CES', kind: 'OUTCOME', unit: 'MEAN', direction: 'HIGHER_IS_BETTER' },
  { code: 'fcr', name: 'FCR', kind: 'PROCESS', unit: 'PERCENT', direction: 'HIGHER_IS_BETTER' },
  { code: 'sla', name: 'SLA', kind: 'PROCESS', unit: 'PERCENT', direction: 'HIGHER_IS_BETTER' },
  { code: 'response_time', name: 'First response time', kind: 'PROCESS', unit: 'SECONDS', direction: 'LOWER_IS_BETTER' },
  { code: 'repeat_rate', name: 'Repeat', kind: 'PROCESS', unit: 'PERCENT', direction: 'LOWER_IS_BETTER' },
  { code: 'transfer_rate', name: 'Transfer', kind: 'PROCESS', unit: 'PERCENT', direction: 'LOWER_IS_BETTER' },
  { code: 'channel_switch', name: 'Switch', kind: 'PROCESS', unit: 'PERCENT', direction: 'LOWER_IS_BETTER' },
  { code: 'containment', name: 'Containment', kind: 'PROCESS', unit: 'PERCENT', direction: 'HIGHER_IS_BETTER' },
];
