import type { DriversQuery as DriversResult, ProcessQuery as Result } from '../../../gql/graphql';

/** Each outcome beside the process metrics that drive it (DESIGN §2): one row of charts per outcome. */
export const outcomeDrivers: { outcome: string; processes: string[] }[] = [
  { outcome: 'nps', processes: ['fcr', 'repeat_rate', 'transfer_rate'] },
  { outcome: 'csat', processes: ['sla', 'response_time', 'fcr'] },
  { outcome: 'ces', processes: ['channel_switch', 'containment', 'transfer_rate'] },
];

export interface Point {
  period: string;
  value: number | null;
  n: number;
  low: number | null;
  high: number | null;
  suppressed: boolean;
}

export interface Split {
  nWith: number;
  valueWith: number | null;
  nWithout: number;
  valueWithout: number | null;
  gap: number | null;
  gapLow: number | null;
  gapHigh: number | null;
  significant: boolean | null;
  shareWith: number | null;
  targetShare: number | null;
  estimatedChange: number | null;
  estimatedChangeLow: number | null;
  estimatedChangeHigh: number | null;
}

export interface DriverRow {
  condition: string;
  processMetric: string;
  csat: Split;
  nps: Split;
}

export interface ProcessView {
  unit: { id: string; code: string; name: string };
  breadcrumb: { name: string; unitId: string | null }[];
  series: Record<string, Point[]>;
  units: Record<string, string>;
}

export interface DriversView {
  unit: { id: string; code: string; name: string };
  breadcrumb: { name: string; unitId: string | null }[];
  linkedResponses: number | null;
  drivers: DriverRow[];
}

const metricsInQuery = ['nps', 'csat', 'ces', 'fcr', 'sla', 'response_time', 'repeat_rate', 'transfer_rate', 'channel_switch', 'containment'] as const;

function split(s: Split): Split {
  const out = { ...s };
  for (const k of Object.keys(out) as (keyof Split)[]) if (out[k] === undefined) (out as Record<string, unknown>)[k] = null;
  return out;
}

export function toProcessView(data: Result): ProcessView | null {
  const u = data.unit;
  if (!u) return null;
  const series: Record<string, Point[]> = {};
  for (const m of metricsInQuery)
    series[m] = u[m].map((p) => ({ period: p.period, value: p.value ?? null, n: p.n, low: p.low ?? null, high: p.high ?? null, suppressed: p.suppressed }));
  return {
    unit: { id: u.id, code: u.code, name: u.name },
    breadcrumb: u.breadcrumb.map((c) => ({ name: c.name, unitId: c.unit?.id ?? null })),
    series,
    units: Object.fromEntries(data.metrics.map((m) => [m.code, m.unit])),
  };
}

export function toDriversView(data: DriversResult): DriversView | null {
  const u = data.unit;
  if (!u) return null;
  return {
    unit: { id: u.id, code: u.code, name: u.name },
    breadcrumb: u.breadcrumb.map((c) => ({ name: c.name, unitId: c.unit?.id ?? null })),
    linkedResponses: data.drivers?.linkedResponses ?? null,
    drivers: (data.drivers?.drivers ?? []).map((d) => ({ condition: d.condition, processMetric: d.processMetric, csat: split(d.csat as Split), nps: split(d.nps as Split) })),
  };
}
