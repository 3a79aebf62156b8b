import { useSearchParams } from 'react-router';

/**
 * One URL query parameter as view state (?metric=csat): its value when it is one of `allowed` (any non-empty value
 * when no list is given), else the fallback; the setter keeps every other parameter and replaces the history entry
 * only when asked (filters typed in a box).
 */
export function useSearchParam(name: string, fallback: string, allowed?: readonly string[]): [string, (value: string | null) => void] {
  const [params, setParams] = useSearchParams();
  const raw = params.get(name);
  const value = raw && (!allowed || allowed.includes(raw)) ? raw : fallback;
  const set = (next: string | null) =>
    setParams((prev) => {
      const p = new URLSearchParams(prev);
      if (next == null || next === '') p.delete(name);
      else p.set(name, next);
      return p;
    });
  return [value, set];
}
