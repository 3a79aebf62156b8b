import type { KpiStatus } from '../../../components/status-badge';
import type { ScorecardQuery as ScorecardResult } from '../../../gql/graphql';
import { directionWord, word } from '../../../lib/vocabulary';

/** One KPI line as the screen shows it: independent of how the API nests it, so a schema change stays here. */
export interface KpiRow {
  id: string;
  metric: string;
  metricName: string;
  kind: string;
  valueUnit: string;
  direction: string;
  shared: boolean;
  slice: string | null;
  /** The outcome a process KPI drives (its metric code), when it is listed under one. */
  drives: string | null;
  actual: number | null;
  target: number | null;
  attainment: number | null;
  /** Null for a process metric shown without a KPI at this unit (no target, no status). */
  status: KpiStatus | null;
  n: number;
  lowConfidence: boolean;
  suppressed: boolean;
  /** Against the previous period, on this line's own data (a sliced KPI against its slice), with its test. */
  change: Change | null;
  /** The previous period's actual, null when there is none or it is hidden. */
  previous: number | null;
  /** Hidden months are marked as hidden (the privacy floor), not as missing data. */
  trend: { period: string; actual: number | null; target: number | null; hidden: boolean }[];
}

/** A change with its test: z, significance and the 95% interval of the difference are null when no test applies. */
export interface Change {
  difference: number;
  z: number | null;
  significant: boolean | null;
  low: number | null;
  high: number | null;
}

export interface Reconciliation {
  metric: string;
  volumeBasis: string;
  parentTarget: number | null;
  impliedParentTarget: number | null;
  gap: number | null;
  addsUp: boolean | null;
  valueUnit: string;
}

export interface Checkin {
  metric: string;
  periodStart: string;
  status: KpiStatus;
  note: string | null;
  author: string;
  createdAt: string;
}

export interface ScorecardView {
  unit: { id: string; code: string; name: string; kind: string };
  breadcrumb: { name: string; unitId: string | null }[];
  period: string;
  score: number | null;
  scoredWeight: number;
  totalWeight: number;
  rows: KpiRow[];
  reconciliation: Reconciliation | null;
  checkin: Checkin | null;
}

/** The process metrics whose trends the query reads (aliases `<code>_trend`). */
export const processMetrics = ['fcr', 'sla', 'response_time', 'repeat_rate', 'transfer_rate', 'channel_switch', 'containment'];

type ApiChange = { difference: number; z?: number | null; significant?: boolean | null; low?: number | null; high?: number | null };
type MetricNow = { value?: number | null; n: number; lowConfidence: boolean; suppressed: boolean; change?: ApiChange | null };

type Line = NonNullable<ScorecardResult['unit']>['scorecard']['kpis'][number];

function toChange(c: ApiChange | null | undefined): Change | null {
  return c ? { difference: c.difference, z: c.z ?? null, significant: c.significant ?? null, low: c.low ?? null, high: c.high ?? null } : null;
}

function row(line: Omit<Line, 'drivers'>, drives: string | null): KpiRow {
  const k = line.kpi;
  return {
    id: k.id,
    metric: k.metric.code,
    metricName: k.metric.name,
    kind: word(k.kind),
    valueUnit: word(k.valueUnit),
    direction: directionWord(k.direction),
    shared: k.shared,
    slice: k.sliceDimension ? `${word(k.sliceDimension)}: ${k.sliceValue}` : null,
    drives,
    actual: line.actual ?? null,
    target: line.target ?? null,
    attainment: line.attainment ?? null,
    status: line.status as KpiStatus,
    n: line.n,
    lowConfidence: line.lowConfidence,
    suppressed: line.suppressed,
    change: toChange(line.change),
    previous: line.previous.actual ?? null,
    trend: line.trend.map((p) => ({ period: p.period, actual: p.actual ?? null, target: p.target ?? null, hidden: p.suppressed })),
  };
}

/**
 * Shared KPIs first (they weigh double), each outcome followed by the process KPIs that drive it; the unit's target
 * reconciliation and latest check-in are shown once, from its first KPI that has one.
 */
export function toScorecardView(data: ScorecardResult): ScorecardView | null {
  const unit = data.unit;
  const card = unit?.scorecard;
  if (!unit || !card) return null;
  const changes = unit as unknown as Record<string, MetricNow | null | undefined>;
  const rows: KpiRow[] = [];
  const seen = new Set<string>();
  const lines = [...card.kpis].sort((a, b) => Number(b.kpi.shared) - Number(a.kpi.shared));
  for (const line of lines) {
    if (seen.has(line.kpi.id)) continue;
    seen.add(line.kpi.id);
    rows.push(row(line, null));
    for (const driver of line.drivers) {
      if (seen.has(driver.kpi.id)) continue;
      seen.add(driver.kpi.id);
      rows.push(row(driver, line.kpi.metric.code));
    }
  }
  // Process metrics the unit has no KPI on still sit beside the outcomes, as plain values.
  const covered = new Set(rows.filter((r) => !r.slice).map((r) => r.metric));
  for (const metric of processMetrics) {
    const m = data.metrics.find((x) => x.code === metric);
    const now = changes[metric];
    if (covered.has(metric) || !m || !now) continue;
    const trend = (unit as unknown as Record<string, { period: string; value?: number | null; suppressed?: boolean }[]>)[`${metric}_trend`] ?? [];
    rows.push({
      id: `metric:${metric}`,
      metric,
      metricName: m.name,
      kind: word(m.kind),
      valueUnit: word(m.unit),
      direction: directionWord(m.direction),
      shared: false,
      slice: null,
      drives: null,
      actual: now.value ?? null,
      target: null,
      attainment: null,
      status: null,
      n: now.n,
      lowConfidence: now.lowConfidence,
      suppressed: now.suppressed,
      change: toChange(now.change),
      previous: null,
      trend: trend.map((p) => ({ period: p.period, actual: p.value ?? null, target: null, hidden: p.suppressed ?? false })),
    });
  }
  const all = [...card.kpis, ...card.kpis.flatMap((l) => l.drivers)];
  const rec = all.find((l) => l.reconciliation)?.reconciliation;
  const recLine = all.find((l) => l.reconciliation);
  const checkins = all
    .filter((l) => l.latestCheckin)
    .map((l) => ({ metric: l.kpi.metric.code, ...l.latestCheckin! }))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return {
    unit: { id: unit.id, code: unit.code, name: unit.name, kind: word(unit.kind) },
    breadcrumb: unit.breadcrumb.map((c) => ({ name: c.name, unitId: c.unit?.id ?? null })),
    period: card.period,
    score: card.score ?? null,
    scoredWeight: card.scoredWeight,
    totalWeight: card.totalWeight,
    rows,
    reconciliation:
      rec && recLine
        ? {
            metric: recLine.kpi.metric.code,
            valueUnit: word(recLine.kpi.valueUnit),
            volumeBasis: rec.volumeBasis,
            parentTarget: rec.parentTarget ?? null,
            impliedParentTarget: rec.impliedParentTarget ?? null,
            gap: rec.gap ?? null,
            addsUp: rec.addsUp ?? null,
          }
        : null,
    checkin: checkins[0] ? { ...checkins[0], status: checkins[0].status as KpiStatus, note: checkins[0].note ?? null } : null,
  };
}
