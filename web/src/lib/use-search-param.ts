import { useUrlParams } from './use-url-params';

/**
 * One URL query parameter as view state (?metric=csat): its value when it is one of `allowed` (any non-empty value
 * when no list is given), else the fallback; the setter keeps every other parameter and replaces the history entry
 * only when asked (filters typed in a box).
 */
export function useSearchParam(name: string, fallback: string, allowed?: readonly string[]): [string, (value: string | null) => void] {
  const [params, update] = useUrlParams();
  const raw = params.get(name);
  const value = raw && (!allowed || allowed.includes(raw)) ? raw : fallback;
  const set = (next: string | null) => update({ [name]: next === '' ? null : next });
  return [value, set];
}
