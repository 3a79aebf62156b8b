import type { TopMoversQuery } from '../../../gql/graphql';
import { directionWord, word } from '../../../lib/vocabulary';

export interface MoverRow {
  id: string;
  code: string;
  name: string;
  kind: string;
  value: number | null;
  previous: number | null;
  n: number;
  lowConfidence: boolean;
  suppressed: boolean;
  change: { difference: number; z: number | null; significant: boolean | null };
}

export interface MetricInfo {
  code: string;
  name: string;
  unit: string;
  direction: 'higher' | 'lower';
}

export interface MoversView {
  unit: { id: string; code: string; name: string };
  breadcrumb: { name: string; unitId: string | null }[];
  metrics: MetricInfo[];
  rows: MoverRow[];
}

/** Significant changes first, then by the size of the change (the API ranks by size only). */
export function toMoversView(data: TopMoversQuery): MoversView | null {
  const u = data.unit;
  if (!u) return null;
  const rows = u.topMovers.map((m) => ({
    id: m.unit.id,
    code: m.unit.code,
    name: m.unit.name,
    kind: word(m.unit.kind),
    value: m.value.value ?? null,
    previous: m.value.previous?.value ?? null,
    n: m.value.n,
    lowConfidence: m.value.lowConfidence,
    suppressed: m.value.suppressed,
    change: { difference: m.change.difference, z: m.change.z ?? null, significant: m.change.significant ?? null },
  }));
  rows.sort((a, b) => Number(!!b.change.significant) - Number(!!a.change.significant) || Math.abs(b.change.difference) - Math.abs(a.change.difference));
  return {
    unit: { id: u.id, code: u.code, name: u.name },
    breadcrumb: u.breadcrumb.map((c) => ({ name: c.name, unitId: c.unit?.id ?? null })),
    metrics: data.metrics.map((m) => ({ code: m.code, name: m.name, unit: word(m.unit), direction: directionWord(m.direction) })),
    rows,
  };
}
