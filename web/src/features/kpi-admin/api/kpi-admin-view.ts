import type { KpiAdminQuery } from '../../../gql/graphql';
import { word } from '../../../lib/vocabulary';

export type AdminKpi = NonNullable<KpiAdminQuery['unit']>['kpis'][number];
export type TargetGrainWord = 'month' | 'quarter' | 'year';

/** The first days of the periods of a year at a grain, as the API's periodStart (2026-04-01). */
export function periodStarts(year: number, grain: TargetGrainWord): string[] {
  const months = grain === 'month' ? [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] : grain === 'quarter' ? [1, 4, 7, 10] : [1];
  return months.map((m) => `${year}-${String(m).padStart(2, '0')}-01`);
}

/**
 * A cell as typed or pasted from a spreadsheet: "75", "75.5", "75,5" (decimal comma), "75 %"; empty removes the
 * target. Anything else is not a number (kept in the cell, refused before sending).
 */
export function parseCell(text: string): number | null | 'invalid' {
  const t = text.trim().replace(/\s|%/g, '');
  if (t === '') return null;
  const normal = /^-?\d+,\d+$/.test(t) ? t.replace(',', '.') : t;
  if (!/^-?(\d+(\.\d*)?|\.\d+)$/.test(normal)) return 'invalid';
  return Number(normal);
}

/** Spreadsheet clipboard text (tab-separated cells, one line per row) as rows of cells. */
export function parseClipboard(text: string): string[][] {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/\n$/, '')
    .split('\n')
    .map((line) => line.split('\t'));
}

export const sliceLabel = (k: { sliceDimension?: string | null; sliceValue?: string | null }) =>
  k.sliceDimension ? `${word(k.sliceDimension)}: ${k.sliceValue}` : null;

export type RuleStatus = 'ON_TRACK' | 'AT_RISK' | 'OFF_TRACK';
export type RuleMeasure = 'PERCENT_OF_TARGET' | 'GAP_TO_TARGET' | 'ACTUAL' | 'ALWAYS';
export const ruleStatuses: RuleStatus[] = ['ON_TRACK', 'AT_RISK', 'OFF_TRACK'];
export const ruleMeasures: RuleMeasure[] = ['PERCENT_OF_TARGET', 'GAP_TO_TARGET', 'ACTUAL', 'ALWAYS'];

/** One condition of a status rule as edited: the bounds as typed (empty = open). */
export interface RuleLine {
  status: RuleStatus;
  measure: RuleMeasure;
  min: string;
  max: string;
}

/** The API's conditions as editable lines. */
export function toRuleLines(rule: readonly { status: string; measure: string; min?: number | null; max?: number | null }[]): RuleLine[] {
  return rule.map((c) => ({
    status: (ruleStatuses as string[]).includes(c.status) ? (c.status as RuleStatus) : 'OFF_TRACK',
    measure: (ruleMeasures as string[]).includes(c.measure) ? (c.measure as RuleMeasure) : 'ALWAYS',
    min: c.min == null ? '' : String(c.min),
    max: c.max == null ? '' : String(c.max),
  }));
}

/** The lines as the API's StatusConditionInput list; null when a bound is not a number (refused before sending). */
export function ruleInput(lines: RuleLine[]): { status: RuleStatus; measure: RuleMeasure; min: number | null; max: number | null }[] | null {
  const out = lines.map((l) => {
    const min = l.measure === 'ALWAYS' ? null : parseCell(l.min);
    const max = l.measure === 'ALWAYS' ? null : parseCell(l.max);
    return { status: l.status, measure: l.measure, min, max };
  });
  return out.some((c) => c.min === 'invalid' || c.max === 'invalid') ? null : (out as { status: RuleStatus; measure: RuleMeasure; min: number | null; max: number | null }[]);
}

/** The lines with line i moved by delta (−1 up, +1 down); unchanged at the ends. */
export function moveLine<T>(lines: T[], i: number, delta: -1 | 1): T[] {
  const j = i + delta;
  if (j < 0 || j >= lines.length) return lines;
  const next = [...lines];
  [next[i], next[j]] = [next[j], next[i]];
  return next;
}

/** The rule of a KPI without its own (the API's StatusRule.Default): shown, and the start of a customised rule. */
export const defaultRule: RuleLine[] = [
  { status: 'ON_TRACK', measure: 'PERCENT_OF_TARGET', min: '100', max: '' },
  { status: 'AT_RISK', measure: 'PERCENT_OF_TARGET', min: '95', max: '' },
  { status: 'OFF_TRACK', measure: 'ALWAYS', min: '', max: '' },
];
