import { describe, expect, it } from 'vitest';
import { formatAttainment, formatDifference, formatDuration, formatPeriod, formatValue } from './format';

describe('formatting per metric and locale', () => {
  it('NPS has one decimal, percentages a percent sign, means two decimals', () => {
    expect(formatValue(26.84, 'score', 'en')).toBe('26.8');
    expect(formatValue(67.25, 'percent', 'en')).toBe('67.3%');
    expect(formatValue(4.756, 'mean', 'en')).toBe('4.76');
    expect(formatValue(null, 'score', 'en')).toBe('–');
  });

  it('attainment rounds down so it never reaches a status threshold it missed', () => {
    expect(formatAttainment(99.7, 'en')).toBe('99.7%');
    expect(formatAttainment(99.96, 'en')).toBe('99.9%');
    expect(formatAttainment(94.99, 'en')).toBe('94.9%');
    expect(formatAttainment(100, 'en')).toBe('100.0%');
    expect(formatAttainment(112.345, 'en')).toBe('112.3%');
    expect(formatAttainment(null, 'en')).toBe('–');
  });

  it('durations read as minutes and seconds: 92 s is 1m 32s, 3725 s is 1h 2m', () => {
    expect(formatDuration(92, 'en')).toBe('1m 32s');
    expect(formatDuration(3725, 'en')).toBe('1h 2m');
    expect(formatDuration(42, 'en')).toBe('42s');
    expect(formatValue(92, 'seconds', 'zh-CN')).toBe('1分钟32秒');
  });

  it('large numbers use the locale grouping and differences carry their sign and unit', () => {
    expect(formatValue(1234.5, 'score', 'en')).toBe('1,234.5');
    expect(formatDifference(-0.93, 'score', 'en')).toBe('−0.9');
    expect(formatDifference(0.21, 'percent', 'en')).toBe('+0.2 pp');
    expect(formatDifference(0.21, 'percent', 'zh-CN')).toBe('+0.2 个百分点');
  });

  it('months and quarters are spelled by the locale', () => {
    expect(formatPeriod('2026-10', 'en')).toBe('October 2026');
    expect(formatPeriod('2026-10', 'zh-CN')).toBe('2026年10月');
    expect(formatPeriod('2026-Q4', 'en')).toBe('Q4 2026');
    expect(formatPeriod('2026-Q4', 'zh-CN')).toBe('2026年第4季度');
  });
});
