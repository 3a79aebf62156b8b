import './sparkline.css';

/**
 * A 13-point trend as a tiny inline SVG with the target as a dashed line (a full chart library per table row would
 * cost the first screen dozens of chart instances). The numbers are in the table row and its accessible label.
 */
export function Sparkline({ values, targets, label }: { values: (number | null)[]; targets: (number | null)[]; label: string }) {
  const width = 120;
  const height = 32;
  const all = [...values, ...targets].filter((v): v is number => v != null);
  if (all.length === 0) return <svg className="sparkline" width={width} height={height} role="img" aria-label={label} />;
  const min = Math.min(...all);
  const max = Math.max(...all);
  const span = max - min || 1;
  const x = (i: number) => (values.length <= 1 ? width / 2 : (i / (values.length - 1)) * (width - 4) + 2);
  const y = (v: number) => height - 3 - ((v - min) / span) * (height - 6);
  const path = (series: (number | null)[]) => {
    let d = '';
    let pen = false;
    series.forEach((v, i) => {
      if (v == null) {
        pen = false;
        return;
      }
      d += `${pen ? 'L' : 'M'}${x(i).toFixed(1)},${y(v).toFixed(1)}`;
      pen = true;
    });
    return d;
  };
  const lastIndex = values.map((v, i) => (v == null ? -1 : i)).reduce((a, b) => Math.max(a, b), -1);
  return (
    <svg className="sparkline" width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label}>
      <path className="sparkline__target" d={path(targets)} />
      <path className="sparkline__line" d={path(values)} />
      {lastIndex >= 0 && <circle className="sparkline__dot" cx={x(lastIndex)} cy={y(values[lastIndex]!)} r={2.5} />}
    </svg>
  );
}
