import { useEffect } from 'react';
import { useLocation, useSearchParams, type NavigateOptions } from 'react-router';

/**
 * What update() wrote on this path and no render has shown yet, oldest first. A navigation renders in a transition,
 * so a second change made before that render (two filters picked quickly, a busy machine) must start from the URL
 * last written, not from the rendered one, or it drops the first. Shared by every hook of the page, since the period
 * picker and a screen's own filters write the same query string.
 */
let unrendered: { pathname: string; writes: string[] } | null = null;

/** A change of query parameters: a value, several values (?after=…&after=…), or null to remove it. */
export type ParamChange = Record<string, string | readonly string[] | null>;

export type UpdateParams = (change: ParamChange | ((params: URLSearchParams) => void), options?: NavigateOptions) => void;

/** The view's URL query parameters and a setter that changes some of them, keeping the rest (including unrendered writes). */
export function useUrlParams(): [URLSearchParams, UpdateParams] {
  const [params, setParams] = useSearchParams();
  const { pathname } = useLocation();
  const search = params.toString();
  useEffect(() => {
    if (!unrendered) return;
    const i = unrendered.pathname === pathname ? unrendered.writes.indexOf(search) : -1;
    // Our own write rendered: the later ones are still to come. Anything else (another page, Back) ends them all.
    if (i >= 0 && i < unrendered.writes.length - 1) unrendered.writes.splice(0, i + 1);
    else unrendered = null;
  }, [pathname, search]);

  const update: UpdateParams = (change, options) => {
    const base = unrendered?.pathname === pathname ? unrendered.writes[unrendered.writes.length - 1] : search;
    const next = new URLSearchParams(base);
    if (typeof change === 'function') change(next);
    else
      for (const [key, value] of Object.entries(change)) {
        next.delete(key);
        if (typeof value === 'string') next.set(key, value);
        else if (value) for (const v of value) next.append(key, v);
      }
    const written = next.toString();
    unrendered = unrendered?.pathname === pathname ? { pathname, writes: [...unrendered.writes, written] } : { pathname, writes: [written] };
    setParams(next, options);
  };
  return [params, update];
}
