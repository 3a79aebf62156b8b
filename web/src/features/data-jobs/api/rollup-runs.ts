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
}

const auth = (): RequestInit => ({ headers: { authorization: `Bearer ${loadSession()?.token ?? ''}` } });

export const listRollupRuns = (limit = 20) => fetchJson<RollupRun[]>(`/api/rollups/runs?limit=${limit}`, auth());

/** POST /api/rollups/refresh|rebuild: 202 with state enqueued, or already-queued when one is waiting. */
export const startRollupRun = (mode: 'refresh' | 'rebuild') =>
  fetchJson<{ enqueued: string; state: 'enqueued' | 'already-queued'; status: string }>(`/api/rollups/${mode}`, { method: 'POST', ...auth() });
