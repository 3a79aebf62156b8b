import { useUrlParams } from './use-url-params';
import { grainOf, monthOf } from './period';

/** The view's period from the URL (?period=2026-10), and a setter that keeps every other URL parameter. */
export function usePeriodParam(): [string | null, (period: string) => void] {
  const [params, update] = useUrlParams();
  const raw = params.get('period');
  const period = raw && grainOf(raw) ? raw : null;
  const set = (p: string) => update({ period: p });
  return [period, set];
}

/** The newest month the period picker offers. */
export const currentMonth = () => monthOf(new Date());
