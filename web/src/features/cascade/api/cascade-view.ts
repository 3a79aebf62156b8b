import type { KpiStatus } from '../../../components/status-badge';
import type { CascadeLevelQuery as Result } from '../../../gql/graphql';

/** The main KPIs of the heat map, in column order. */
export const heatMetrics = ['nps', 'csat', 'ces', 'fcr', 'sla'] as const;

export interface HeatCell {
  metric: string;
  valueUnit: string;
  actual: number | null;
  /** From the unit's KPI on the metric; null when it has none (the value is still shown). */
  status: KpiStatus | null;
  suppressed: boolean;
}

export interface TreeNode {
  id: string;
  code: string;
  name: string;
  kind: string;
  hasChildren: boolean;
  cells: Record<string, HeatCell | undefined>;
}

export interface CascadeLevel {
  self: TreeNode;
  breadcrumb: { name: string; unitId: string | null }[];
  children: TreeNode[];
}

type Values = Partial<Record<(typeof heatMetrics)[number], { value?: number | null; suppressed: boolean } | null>>;

function cells(values: Values, statuses: Record<string, KpiStatus> | undefined, units: Record<string, string>): Record<string, HeatCell> {
  const out: Record<string, HeatCell> = {};
  for (const m of heatMetrics) {
    const v = values[m];
    if (!v) continue;
    out[m] = { metric: m, valueUnit: units[m] ?? 'mean', actual: v.value ?? null, status: statuses?.[m] ?? null, suppressed: v.suppressed };
  }
  return out;
}

/** The unit's own heat cells from its KPIs, its children's from the cascade children of those KPIs (unsliced only). */
export function toCascadeLevel(data: Result): CascadeLevel | null {
  const unit = data.unit;
  if (!unit) return null;
  const lines = (data.scorecard?.kpis ?? []).filter((l) => !l.kpi.sliceDimension);
  const units = Object.fromEntries(data.metrics.map((m) => [m.code, m.unit]));
  const own: Record<string, KpiStatus> = {};
  const byChild = new Map<string, Record<string, KpiStatus>>();
  for (const l of lines) {
    own[l.kpi.metric] ??= l.status as KpiStatus;
    for (const c of l.children) {
      if (c.kpi.sliceDimension) continue;
      const statuses = byChild.get(c.kpi.unitId) ?? {};
      statuses[c.kpi.metric] ??= c.status as KpiStatus;
      byChild.set(c.kpi.unitId, statuses);
    }
  }
  return {
    self: { id: unit.id, code: unit.code, name: unit.name, kind: unit.kind, hasChildren: unit.children.length > 0, cells: cells(unit, own, units) },
    breadcrumb: unit.breadcrumb.map((c) => ({ name: c.name, unitId: c.unit?.id ?? null })),
    children: unit.children.map((c) => ({
      id: c.id,
      code: c.code,
      name: c.name,
      kind: c.kind,
      hasChildren: c.children.length > 0,
      cells: cells(c, byChild.get(c.id), units),
    })),
  };
}
