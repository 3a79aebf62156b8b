/** Scorecard periods as the API spells them: a month (2026-10), a quarter (2026-Q4) or a year (2026). */
export type Grain = 'month' | 'quarter' | 'year';

export function grainOf(period: string): Grain | null {
  if (/^\d{4}-(0[1-9]|1[0-2])$/.test(period)) return 'month';
  if (/^\d{4}-Q[1-4]$/.test(period)) return 'quarter';
  if (/^\d{4}$/.test(period)) return 'year';
  return null;
}

export function monthOf(date: Date): string {
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** The month, quarter or year that contains a month. */
export function periodContaining(month: string, grain: Grain): string {
  const [y, m] = month.split('-').map(Number);
  return grain === 'month' ? month : grain === 'quarter' ? `${y}-Q${Math.ceil(m / 3)}` : String(y);
}

/** The last month of a period (its anchor for month-grained trends). */
export function lastMonthOf(period: string): string {
  const g = grainOf(period);
  if (g === 'quarter') {
    const [y, q] = period.split('-Q').map(Number);
    return `${y}-${String(q * 3).padStart(2, '0')}`;
  }
  if (g === 'year') return `${period}-12`;
  return period;
}

function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split('-').map(Number);
  return monthOf(new Date(Date.UTC(y, m - 1 + by, 1)));
}

/** The picker's choices of a grain, newest first, ending with the period containing `latest` (a month). */
export function periodChoices(latest: string, grain: Grain, count = grain === 'year' ? 4 : grain === 'quarter' ? 8 : 24): string[] {
  const out: string[] = [];
  let month = latest;
  while (out.length < count) {
    const p = periodContaining(month, grain);
    if (!out.includes(p)) out.push(p);
    month = shiftMonth(month, -1);
  }
  return out;
}
