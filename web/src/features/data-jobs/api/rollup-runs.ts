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
  const fixed: Record<string, string> = {
    'reading survey responses': 'responses',
    'reading interactions': 'interactions',
    'summing subtrees and partners': 'subtrees',
    'summing subtrees and partners of those days': 'subtreesOfDays',
    'adding the change to weeks, months, quarters and years': 'delta',
    'building driver cells': 'drivers',
    'recomputing driver cells': 'drivers',
    done: 'done',
  };
  if (fixed[step]) return { key: fixed[step] };
  const grain = /^building (week|month|quarter|year) cells$/.exec(step);
  if (grain) return { key: `grain_${grain[1]}` };
  const days = /^recomputing (\d+) day\(s\)$/.exec(step);
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

export const listRollupRuns = (limit = 20) => fetchJson<RollupRun[]>(`/api/rollups/runs?limit=${limit}`, auth());

/** POST /api/rollups/refresh|rebuild: 202 with state enqueued, or already-queued when one is waiting. */
export const startRollupRun = (mode: 'refresh' | 'rebuild') =>
  fetchJson<{ enqueued: string; state: 'enqueued' | 'already-queued'; status: string }>(`/api/rollups/${mode}`, { method: 'POST', ...auth() });
