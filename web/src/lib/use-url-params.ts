import { useEffect } from 'react';
import { useLocation, useSearchParams, type NavigateOptions } from 'react-router';

/**
 * Query strings written on one path that no render has shown yet (oldest first), and the rendered one they started
 * from. A navigation renders in a transition, so a second change made before that render (two filters picked quickly,
 * a busy machine) must start from the URL last written, not from the rendered one, or it drops the first. Module
 * state, because every hook of the page (the period picker, a screen's filters) writes the same query string.
 */
interface Unrendered {
  pathname: string;
  base: string;
  writes: string[];
}
let unrendered: Unrendered | null = null;

/** The query string a change on this path must start from. */
export function latestSearch(pathname: string, rendered: string): string {
  return unrendered?.pathname === pathname ? unrendered.writes[unrendered.writes.length - 1] : rendered;
}

/** A write is on its way to the URL. */
export function noteWritten(pathname: string, rendered: string, search: string): void {
  unrendered = unrendered?.pathname === pathname ? { ...unrendered, writes: [...unrendered.writes, search] } : { pathname, base: rendered, writes: [search] };
}

/**
 * A hook saw this URL rendered. Every hook of the page sees each render, and hooks mount while writes are on their way:
 * the URL the writes started from changes nothing; one of our writes drops it and those before it; anything else
 * (another page, Back) ends them all.
 */
export function noteRendered(pathname: string, search: string): void {
  if (!unrendered) return;
  if (unrendered.pathname !== pathname) {
    unrendered = null;
    return;
  }
  if (search === unrendered.base) return;
  const i = unrendered.writes.indexOf(search);
  unrendered = i < 0 || i === unrendered.writes.length - 1 ? null : { pathname, base: search, writes: unrendered.writes.slice(i + 1) };
}

/** A change of query parameters: a value, several values (?after=…&after=…), or null to remove it. */
export type ParamChange = Record<string, string | readonly string[] | null>;

export type UpdateParams = (change: ParamChange | ((params: URLSearchParams) => void), options?: NavigateOptions) => void;

/** The view's URL query parameters and a setter that changes some of them, keeping the rest (including unrendered writes). */
export function useUrlParams(): [URLSearchParams, UpdateParams] {
  const [params, setParams] = useSearchParams();
  const { pathname } = useLocation();
  const search = params.toString();
  useEffect(() => noteRendered(pathname, search), [pathname, search]);

  const update: UpdateParams = (change, options) => {
    const next = new URLSearchParams(latestSearch(pathname, search));
    if (typeof change === 'function') change(next);
    else
      for (const [key, value] of Object.entries(change)) {
        next.delete(key);
        if (typeof value === 'string') next.set(key, value);
        else if (value) for (const v of value) next.append(key, v);
      }
    noteWritten(pathname, search, next.toString());
    setParams(next, options);
  };
  return [params, update];
}
