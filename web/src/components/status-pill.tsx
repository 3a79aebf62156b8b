import './status-pill.css';

export type Status = 'healthy' | 'degraded' | 'unhealthy' | 'unknown';

/** A coloured pill for a component's state; the word is always shown, colour is never the only cue. */
export function StatusPill({ status }: { status: Status }) {
  return <span className={`status-pill status-pill--${status}`}>{status}</span>;
}
