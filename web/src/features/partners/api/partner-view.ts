import type { KpiStatus } from '../../../components/status-badge';
import type { PartnerLeagueQuery, PartnerQuery } from '../../../gql/graphql';
import { directionWord, word } from '../../../lib/vocabulary';

/** A metric's figure as the screens show it (null value when there is none or it is suppressed). */
export interface Figure {
  value: number | null;
  n: number;
  low: number | null;
  high: number | null;
  lowConfidence: boolean;
  suppressed: boolean;
  change: { difference: number; z: number | null; significant: boolean | null } | null;
}

export interface MetricInfo {
  code: string;
  name: string;
  unit: string;
  direction: 'higher' | 'lower';
  kind: string;
}

type RawFigure = {
  value?: number | null;
  n: number;
  low?: number | null;
  high?: number | null;
  lowConfidence: boolean;
  suppressed: boolean;
  change?: { difference: number; z?: number | null; significant?: boolean | null } | null;
};

export function toFigure(v: RawFigure): Figure {
  return {
    value: v.value ?? null,
    n: v.n,
    low: v.low ?? null,
    high: v.high ?? null,
    lowConfidence: v.lowConfidence,
    suppressed: v.suppressed,
    change: v.change ? { difference: v.change.difference, z: v.change.z ?? null, significant: v.change.significant ?? null } : null,
  };
}

export function toMetrics(metrics: PartnerLeagueQuery['metrics']): MetricInfo[] {
  return metrics.map((m) => ({ code: m.code, name: m.name, unit: word(m.unit), direction: directionWord(m.direction), kind: word(m.kind) }));
}

export interface LeagueRow {
  rank: number | null;
  code: string;
  name: string;
  figure: Figure;
}

export function toLeague(data: PartnerLeagueQuery): LeagueRow[] {
  return data.partnerLeague.map((r) => ({ rank: r.rank ?? null, code: r.partner.code, name: r.partner.name, figure: toFigure(r.value) }));
}

/** Each outcome beside the process metrics that drive it (the process screen's pairing, DESIGN §2). */
export const outcomeGroups: { outcome: string; process: string[] }[] = [
  { outcome: 'nps', process: ['fcr', 'repeat_rate', 'transfer_rate'] },
  { outcome: 'csat', process: ['sla', 'response_time', 'fcr'] },
  { outcome: 'ces', process: ['channel_switch', 'containment', 'transfer_rate'] },
];

export interface KpiLine {
  id: string;
  metric: string;
  metricName: string;
  valueUnit: string;
  slice: string | null;
  actual: number | null;
  target: number | null;
  attainment: number | null;
  status: KpiStatus;
  n: number;
  lowConfidence: boolean;
  suppressed: boolean;
}

export interface Engagement {
  id: string;
  code: string;
  name: string;
  score: number | null;
  kpis: KpiLine[];
}

export interface PartnerView {
  code: string;
  name: string;
  figures: Record<string, Figure>;
  /** Engagements grouped under the department above each (by name: the department may be outside the scope). */
  departments: { name: string; unitId: string | null; engagements: Engagement[] }[];
}

export function toPartnerView(data: PartnerQuery): PartnerView | null {
  const p = data.partner;
  if (!p) return null;
  const figures: Record<string, Figure> = {};
  for (const code of ['nps', 'csat', 'ces', 'fcr', 'repeat_rate', 'transfer_rate', 'sla', 'response_time', 'channel_switch', 'containment'] as const) {
    figures[code] = toFigure(p[code]);
  }
  const departments = new Map<string, PartnerView['departments'][number]>();
  for (const e of p.engagements) {
    const parent = e.breadcrumb[e.breadcrumb.length - 1];
    const key = parent?.name ?? '';
    const group = departments.get(key) ?? { name: key, unitId: parent?.unit?.id ?? null, engagements: [] };
    group.engagements.push({
      id: e.id,
      code: e.code,
      name: e.name,
      score: e.scorecard?.score ?? null,
      kpis: (e.scorecard?.kpis ?? []).map((l) => ({
        id: l.kpi.id,
        metric: l.kpi.metric.code,
        metricName: l.kpi.metric.name,
        valueUnit: word(l.kpi.valueUnit),
        slice: l.kpi.sliceDimension ? `${word(l.kpi.sliceDimension)}: ${l.kpi.sliceValue}` : null,
        actual: l.actual ?? null,
        target: l.target ?? null,
        attainment: l.attainment ?? null,
        status: l.status as KpiStatus,
        n: l.n,
        lowConfidence: l.lowConfidence,
        suppressed: l.suppressed,
      })),
    });
    departments.set(key, group);
  }
  return { code: p.code, name: p.name, figures, departments: [...departments.values()].sort((a, b) => a.name.localeCompare(b.name)) };
}
