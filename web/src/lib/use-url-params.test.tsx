import { act, render } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { useSearchParam } from './use-search-param';
import { usePeriodParam } from './use-period';
import { latestSearch, noteRendered, noteWritten, useUrlParams, type UpdateParams } from './use-url-params';

/** A page with the period picker's hook, a filter hook and a free writer, exposing their setters to the test. */
function renderPage(url: string) {
  const setters: { period?: (p: string) => void; metric?: (m: string | null) => void; update?: UpdateParams } = {};
  function Page() {
    [, setters.period] = usePeriodParam();
    [, setters.metric] = useSearchParam('metric', 'nps');
    [, setters.update] = useUrlParams();
    return null;
  }
  const router = createMemoryRouter([{ path: '/units/:unit/x', element: <Page /> }, { path: '*', element: null }], { initialEntries: [url] });
  render(<RouterProvider router={router} />);
  return { router, setters, search: () => new URLSearchParams(router.state.location.search) };
}

describe('URL parameters written before the page renders again', () => {
  it('two changes in one tick from different hooks both land (the second starts from the first, not the rendered URL)', async () => {
    const { setters, search } = renderPage('/units/1/x?period=2026-09&band=ALL');
    await act(async () => {
      setters.period!('2026-10');
      setters.metric!('csat');
    });
    expect(Object.fromEntries(search())).toEqual({ period: '2026-10', band: 'ALL', metric: 'csat' });
  });

  it('several values and removals; the history entry is replaced when asked', async () => {
    const { router, setters, search } = renderPage('/units/1/x?after=a&after=b&band=X');
    await act(async () => {
      setters.update!({ after: ['c', 'd'], band: null });
      setters.update!((p) => p.append('after', 'e'), { replace: true });
    });
    expect(search().getAll('after')).toEqual(['c', 'd', 'e']);
    expect(search().has('band')).toBe(false);
    expect(router.state.historyAction).toBe('REPLACE');
  });

  it('after Back, a change starts from the URL Back showed, not from an earlier write', async () => {
    const { router, setters, search } = renderPage('/units/1/x?period=2026-09');
    await act(async () => setters.metric!('csat'));
    await act(async () => router.navigate(-1));
    expect(search().toString()).toBe('period=2026-09');
    await act(async () => setters.period!('2026-08'));
    expect(Object.fromEntries(search())).toEqual({ period: '2026-08' });
  });
});

describe('the record of unrendered writes', () => {
  it('a render of the first of three writes, seen by two hooks and a hook mounting at the old URL, keeps the later writes', () => {
    const path = '/units/1/verbatims';
    noteWritten(path, 'band=A', 'band=A&channel=phone');
    noteWritten(path, 'band=A', latestSearch(path, 'band=A') + '&stage=service');
    noteRendered(path, 'band=A'); // a list mounting while the writes are on their way
    noteRendered(path, 'band=A&channel=phone'); // the first write renders: the route's hook…
    noteRendered(path, 'band=A&channel=phone'); // …and the period picker's
    expect(latestSearch(path, 'band=A&channel=phone')).toBe('band=A&channel=phone&stage=service');
    noteRendered(path, 'band=A&channel=phone&stage=service');
    expect(latestSearch(path, 'band=A&channel=phone&stage=service&x=1')).toBe('band=A&channel=phone&stage=service&x=1');
  });

  it('another URL rendered (Back, another page) ends the record', () => {
    noteWritten('/a', '', 'x=1');
    noteRendered('/a', 'y=2');
    expect(latestSearch('/a', 'y=2')).toBe('y=2');
    noteWritten('/a', '', 'x=1');
    noteRendered('/b', '');
    expect(latestSearch('/a', 'z=3')).toBe('z=3');
  });
});
