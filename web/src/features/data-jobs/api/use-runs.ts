import { useCallback, useEffect, useState } from 'react';
import type { RollupRun } from './rollup-runs';

/**
 * A list of job runs read by `list` on every reload (`load`) and again when `key` changes: the runs,
 * the error of the last read, and when the list arrived (running runs' durations count up to it).
 */
export function useRuns(list: () => Promise<RollupRun[]>, key: unknown = null) {
  const [runs, setRuns] = useState<RollupRun[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [now, setNow] = useState(() => Date.now());
  // Each reload is a new tick; the list is read in the effect and set when it arrives.
  const [tick, setTick] = useState(0);
  const load = useCallback(() => setTick((n) => n + 1), []);
  useEffect(() => {
    let live = true;
    list().then(
      (r) => {
        if (!live) return;
        setRuns(r);
        setError(null);
        setNow(Date.now());
      },
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
    };
    // list is a new closure each render; what it reads changes only with key
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [tick, key]);
  return { runs, error, now, load };
}
