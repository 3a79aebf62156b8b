import { useId } from 'react';
import './sparkline.css';

/**
 * A 13-point trend as a tiny inline SVG with the target as a dashed line (a full chart library per table row would
 * cost the first screen dozens of chart instances). The numbers are in the table row and its accessible label.
 * Periods hidden by the privacy floor (`hidden`) break the line and are drawn as hatched gaps, so the values around
 * them never look like lone points of an otherwise empty series; a value with no visible neighbour gets a dot.
 */
export function Sparkline({ values, targets, hidden, label }: { values: (number | null)[]; targets: (number | null)[]; hidden?: boolean[]; label: string }) {
  const hatch = `sparkline-hatch-${useId().replace(/:/g, '')}`;
  const width = 120;
  const height = 32;
  const all = [...values, ...targets].filter((v): v is number => v != null);
  const isHidden = (i: number) => hidden?.[i] === true;
  const step = values.length <= 1 ? width : (width - 4) / (values.length - 1);
  const x = (i: number) => (values.length <= 1 ? width / 2 : i * step + 2);
  const gaps = values.map((_, i) => i).filter(isHidden);
  const gapMarks = gaps.map((i) => (
    <rect
      key={`gap-${i}`}
      className="sparkline__gap"
      data-testid="sparkline-gap"
      x={(x(i) - Math.min(step, 12) / 2).toFixed(1)}
      y={1}
      width={Math.min(step, 12).toFixed(1)}
      height={height - 2}
      fill={`url(#${hatch})`}
    />
  ));
  const defs = gaps.length > 0 && (
    <defs>
      <pattern id={hatch} width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <line x1="0" y1="0" x2="0" y2="4" className="sparkline__hatch" />
      </pattern>
    </defs>
  );
  if (all.length === 0) {
    return (
      <svg className="sparkline" width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label}>
        {defs}
        {gapMarks}
      </svg>
    );
  }
  const min = Math.min(...all);
  const max = Math.max(...all);
  const span = max - min || 1;
  const y = (v: number) => height - 3 - ((v - min) / span) * (height - 6);
  const path = (series: (number | null)[], breakAtGaps: boolean) => {
    let d = '';
    let pen = false;
    series.forEach((v, i) => {
      if (v == null || (breakAtGaps && isHidden(i))) {
        pen = false;
        return;
      }
      d += `${pen ? 'L' : 'M'}${x(i).toFixed(1)},${y(v).toFixed(1)}`;
      pen = true;
    });
    return d;
  };
  const shown = (i: number) => i >= 0 && i < values.length && values[i] != null && !isHidden(i);
  const lastIndex = values.map((_, i) => (shown(i) ? i : -1)).reduce((a, b) => Math.max(a, b), -1);
  // A value between two gaps (or series ends) has no segment to draw: it gets a small dot of its own.
  const isolated = values.map((_, i) => i).filter((i) => shown(i) && i !== lastIndex && !shown(i - 1) && !shown(i + 1));
  return (
    <svg className="sparkline" width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label}>
      {defs}
      {gapMarks}
      <path className="sparkline__target" d={path(targets, false)} />
      <path className="sparkline__line" d={path(values, true)} />
      {isolated.map((i) => (
        <circle key={`pt-${i}`} className="sparkline__point" cx={x(i)} cy={y(values[i]!)} r={1.8} />
      ))}
      {lastIndex >= 0 && <circle className="sparkline__dot" cx={x(lastIndex)} cy={y(values[lastIndex]!)} r={2.5} />}
    </svg>
  );
}
