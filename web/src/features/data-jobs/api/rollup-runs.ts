import { fetchJson } from '../../../lib/http';
import { loadSession } from '../../../lib/session';

/** A rollup run as GET /api/rollups/runs lists it. */
export interface RollupRun {
  id: number;
  job: string;
  scope: string | null;
  node: string | null;
  startedAt: string;
  finishedAt: string | null;
  rowsRead: number | null;
  cellsWritten: number | null;
  outcome: 'running' | 'succeeded' | 'failed' | string;
  error: string | null;
  /** How far the run got, written by the run as it advances; null for runs from before progress was kept. */
  progress: RollupProgress | null;
}

/** A run's progress: steps done of the total, the step under way (the engine's words), rows read and cells written so far. */
export interface RollupProgress {
  step: string;
  stepsDone: number;
  stepsTotal: number;
  rowsRead: number;
  cellsWritten: number;
  updatedAt: string;
}

/**
 * The engine's step as a message key of data.steps and its values; a step it does not know is shown as the engine says it.
 */
export function stepMessage(step: string): { key: string; values?: Record<string, string | number> } | null {
  // The names RollupEngine gives its steps (Core/Rollups/RollupEngine.cs, StepAsync).
  const fixed: Record<string, string> = {
    'reading survey responses and interactions, month by month': 'facts',
    'summing the day, week and month cells of every unit and partner, and writing the days': 'cells',
    'building quarter cells from months and year cells from quarters': 'quartersYears',
    'indexing the new cells': 'indexing',
    'building driver cells': 'drivers',
    'swapping the new cells in': 'swapping',
    'adding the change to the units and partners above, every grain': 'delta',
    'adding the change to the driver cells': 'driverDelta',
    done: 'done',
  };
  if (fixed[step]) return { key: fixed[step] };
  const days = /^summing the changed rows of (\d+) day\(s\)$/.exec(step);
  if (days) return { key: 'days', values: { count: Number(days[1]) } };
  return null;
}

/** A run's scope as the engine writes it ("incremental; 3 day(s)") as a message key of data.scopes and its day count. */
export function scopeMessage(scope: string): { key: 'full' | 'fullFirst' | 'incremental'; days: number } | null {
  const m = /^(full|full \(org tree changed or first run\)|incremental); (\d+) day\(s\)$/.exec(scope);
  if (!m) return null;
  const key = m[1] === 'incremental' ? 'incremental' : m[1] === 'full' ? 'full' : 'fullFirst';
  return { key, days: Number(m[2]) };
}

const auth = (): RequestInit => ({ headers: { authorization: `Bearer ${loadSession()?.token ?? ''}` } });

/**
 * The newest runs but the privacy-pattern builds (their own panel); without idle, not the refreshes that found nothing to
 * do (succeeded, nothing read or written).
 */
export const listRollupRuns = (limit: number, idle: boolean) =>
  fetchJson<RollupRun[]>(`/api/rollups/runs?limit=${limit}&idle=${idle}&except=privacy-patterns`, auth());

/** POST /api/rollups/refresh|rebuild: 202 with state enqueued, or already-queued when one is waiting. */
export const startRollupRun = (mode: 'refresh' | 'rebuild') =>
  fetchJson<{ enqueued: string; state: 'enqueued' | 'already-queued'; status: string }>(`/api/rollups/${mode}`, { method: 'POST', ...auth() });
