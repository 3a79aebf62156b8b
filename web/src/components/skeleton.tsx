import './feedback.css';

/** Grey placeholder rows of the final layout's size, so nothing jumps when data arrives. */
export function Skeleton({ rows = 6, height = 44, label }: { rows?: number; height?: number; label: string }) {
  return (
    <div className="skeleton" role="status" aria-live="polite" aria-label={label}>
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="skeleton__row" style={{ height }} />
      ))}
    </div>
  );
}
