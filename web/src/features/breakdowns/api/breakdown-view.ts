import type { BreakdownsQuery } from '../../../gql/graphql';
import { directionWord, word } from '../../../lib/vocabulary';

export const dimensions = ['channel', 'journey_stage', 'segment'] as const;
export type Dimension = (typeof dimensions)[number];

export interface Bar {
  value: number | null;
  n: number;
  low: number | null;
  high: number | null;
  lowConfidence: boolean;
  suppressed: boolean;
}

export interface BreakdownItem {
  key: string;
  now: Bar;
  previous: (Bar & { period: string }) | null;
  change: { difference: number; z: number | null; significant: boolean | null } | null;
}

export interface MetricInfo {
  code: string;
  name: string;
  unit: string;
  direction: 'higher' | 'lower';
}

export interface BreakdownView {
  unit: { id: string; code: string; name: string };
  breadcrumb: { name: string; unitId: string | null }[];
  metrics: MetricInfo[];
  /** Largest volume first, as the API orders them. */
  by: Record<Dimension, BreakdownItem[]>;
}

type RawBar = { value?: number | null; n: number; low?: number | null; high?: number | null; lowConfidence: boolean; suppressed: boolean };
const bar = (v: RawBar): Bar => ({ value: v.value ?? null, n: v.n, low: v.low ?? null, high: v.high ?? null, lowConfidence: v.lowConfidence, suppressed: v.suppressed });

export function toBreakdownView(data: BreakdownsQuery): BreakdownView | null {
  const u = data.unit;
  if (!u) return null;
  const items = (rows: NonNullable<BreakdownsQuery['unit']>['channel']): BreakdownItem[] =>
    rows.map((r) => ({
      key: r.key,
      now: bar(r.value),
      previous: r.value.previous ? { ...bar(r.value.previous), period: r.value.previous.period } : null,
      change: r.value.change ? { difference: r.value.change.difference, z: r.value.change.z ?? null, significant: r.value.change.significant ?? null } : null,
    }));
  return {
    unit: { id: u.id, code: u.code, name: u.name },
    breadcrumb: u.breadcrumb.map((c) => ({ name: c.name, unitId: c.unit?.id ?? null })),
    metrics: data.metrics.map((m) => ({ code: m.code, name: m.name, unit: word(m.unit), direction: directionWord(m.direction) })),
    by: { channel: items(u.channel), journey_stage: items(u.journey_stage), segment: items(u.segment) },
  };
}
