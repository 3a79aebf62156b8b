import { fetchJson } from '../../../lib/http';
import { loadSession } from '../../../lib/session';
import type { RollupRun } from './rollup-runs';

/** The job name the api nodes record their privacy-pattern rounds under (Api/Security/FloorPatternRounds.cs). */
export const patternJob = 'privacy-patterns';

const auth = (): RequestInit => ({ headers: { authorization: `Bearer ${loadSession()?.token ?? ''}` } });

/** The newest privacy-pattern rounds (those that built something or failed: rounds that found all ready are not kept). */
export const listPatternRuns = (limit: number) =>
  fetchJson<RollupRun[]>(`/api/rollups/runs?limit=${limit}&job=${patternJob}`, auth()).then((runs) => runs.filter((r) => r.job === patternJob));

/** A round's scope as FloorPatternRounds writes it: "12 target(s); 3 built; 9 already ready; rollup version 2026-…Z". */
export function patternScope(scope: string | null): { targets: number; built: number; ready: number; version: string | null } | null {
  const m = /^(\d+) target\(s\); (\d+) built; (\d+) already ready; rollup version (\S+)$/.exec(scope ?? '');
  if (!m) return null;
  return { targets: Number(m[1]), built: Number(m[2]), ready: Number(m[3]), version: m[4] === 'none' ? null : m[4] };
}
