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
