import { i18n } from './i18n';

/** How a metric's values are expressed (the API's Kpi.valueUnit / Metric.unit). */
export type ValueUnit = 'score' | 'percent' | 'seconds' | 'mean' | string;

const cache = new Map<string, Intl.NumberFormat>();
function nf(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = locale + JSON.stringify(options);
  let f = cache.get(key);
  if (!f) cache.set(key, (f = new Intl.NumberFormat(locale, options)));
  return f;
}

const lang = () => i18n.language || 'en';

export function formatNumber(value: number, digits = 0, locale = lang()): string {
  return nf(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}

export function formatInteger(value: number, locale = lang()): string {
  return nf(locale, { maximumFractionDigits: 0 }).format(value);
}

/** A percentage given on 0–100 (the API's percent unit). */
export function formatPercent(value: number, digits = 1, locale = lang()): string {
  return nf(locale, { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value / 100);
}

/** A share given on 0–1. */
export function formatShare(value: number, digits = 0, locale = lang()): string {
  return nf(locale, { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}

/** Seconds as "1m 32s" / "1分32秒" (units through Intl, so each locale spells them its own way). */
export function formatDuration(seconds: number, locale = lang()): string {
  const total = Math.round(Math.abs(seconds));
  const sign = seconds < 0 ? '−' : '';
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const unit = (u: 'hour' | 'minute' | 'second', v: number) =>
    nf(locale, { style: 'unit', unit: u, unitDisplay: 'narrow' }).format(v);
  const parts = h ? [unit('hour', h), unit('minute', m)] : m ? [unit('minute', m), unit('second', s)] : [unit('second', s)];
  return sign + parts.join(locale.startsWith('zh') ? '' : ' ');
}

/** A metric value in its unit: NPS with one decimal, percentages, durations, means on their scale. */
export function formatValue(value: number | null | undefined, unit: ValueUnit, locale = lang()): string {
  if (value == null) return '–';
  switch (unit) {
    case 'score':
      return formatNumber(value, 1, locale);
    case 'percent':
      return formatPercent(value, 1, locale);
    case 'seconds':
      return formatDuration(value, locale);
    default:
      return formatNumber(value, 2, locale);
  }
}

/** A difference in the metric's unit with its sign: +2.1 points, −1.4 pp, +12s. */
export function formatDifference(value: number, unit: ValueUnit, locale = lang()): string {
  const sign = value > 0 ? '+' : value < 0 ? '−' : '±';
  const abs = Math.abs(value);
  switch (unit) {
    case 'percent':
      return i18n.t('format.points', { value: sign + formatNumber(abs, 1, locale), lng: locale });
    case 'seconds':
      return sign + formatDuration(abs, locale);
    case 'score':
      return sign + formatNumber(abs, 1, locale);
    default:
      return sign + formatNumber(abs, 2, locale);
  }
}

/**
 * Attainment to one decimal, rounded down: status rules compare it with whole percentages (on track from 100%,
 * at risk from 95%), so 99.7% must never read "100%" next to an "at risk" label.
 */
export function formatAttainment(value: number | null | undefined, locale = lang()): string {
  // The epsilon keeps an exact 100 computed as 99.99999999 from reading 99.9%.
  return value == null ? '–' : formatPercent(Math.floor(value * 10 + 1e-6) / 10, 1, locale);
}

/** "October 2026" / "2026年10月" for a month period, "Q3 2026" / "2026年第3季度" for a quarter, the year as is. */
export function formatPeriod(period: string, locale = lang(), month: 'long' | 'short' = 'long'): string {
  const q = /^(\d{4})-Q([1-4])$/.exec(period);
  if (q) return i18n.t('format.quarter', { year: q[1], quarter: q[2], lng: locale });
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  if (m) return new Intl.DateTimeFormat(locale, { year: 'numeric', month, timeZone: 'UTC' }).format(Date.UTC(+m[1], +m[2] - 1, 1));
  if (/^\d{4}$/.test(period)) return new Intl.DateTimeFormat(locale, { year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(+period, 0, 1));
  return period;
}

export function formatDate(iso: string, locale = lang()): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(iso));
}

/** A 95% interval in the metric's unit: "28.0–34.8" / "61.2%–66.0%"; a dash when either end is missing. */
export function formatInterval(low: number | null | undefined, high: number | null | undefined, unit: ValueUnit, locale = lang()): string {
  if (low == null || high == null) return '–';
  return `${formatValue(low, unit, locale)}–${formatValue(high, unit, locale)}`;
}
