import { fireEvent, screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { saveSession } from '../../../lib/session';
import { server, setupMswServer } from '../../../testing/msw';
import { renderRoute } from '../../../testing/render';
import { DataJobsRoute } from './data-jobs';

setupMswServer();
const route = { path: '/data', element: <DataJobsRoute /> };
// renderRoute signs in an executive; the screen is the analyst's.
const asAnalyst = () => saveSession({ token: 't', persona: 'analyst', name: 'Ana', role: 'analyst' });
const run = (id: number, rowsRead: number) => ({
  id, job: 'rollup-refresh', scope: `incremental; ${rowsRead ? 1 : 0} day(s)`, node: 'n1', startedAt: '2026-11-02T10:00:00Z',
  finishedAt: '2026-11-02T10:00:01Z', rowsRead, cellsWritten: rowsRead * 2, outcome: 'succeeded', error: null, progress: null,
});

describe('data and jobs: refreshes that found nothing to do', () => {
  it('are left out unless the reader asks for them; the choice is in the URL and survives a reload', async () => {
    const asked: string[] = [];
    server.use(
      http.get('*/api/rollups/runs', ({ request }) => {
        if (new URL(request.url).searchParams.get('job')) return HttpResponse.json([]); // the pattern builds' panel
        const idle = new URL(request.url).searchParams.get('idle');
        asked.push(idle ?? '');
        return HttpResponse.json(idle === 'true' ? [run(3, 0), run(2, 40), run(1, 0)] : [run(2, 40)]);
      }),
    );
    const { router } = renderRoute(route, '/data');
    asAnalyst();
    await waitFor(() => expect(screen.getAllByRole('row')).toHaveLength(2)); // header + the refresh that read 40 rows
    expect(asked).toEqual(['false']);

    fireEvent.click(screen.getByRole('checkbox', { name: 'Show refreshes that found nothing to do' }));
    await waitFor(() => expect(screen.getAllByRole('row')).toHaveLength(4));
    expect(router.state.location.search).toBe('?idle=1');
    expect(asked.at(-1)).toBe('true');
  });

  it('with none that did anything, says so instead of "no rollup has run"', async () => {
    server.use(http.get('*/api/rollups/runs', () => HttpResponse.json([])));
    renderRoute(route, '/data');
    asAnalyst();
    expect(await screen.findByText(/refreshes that found nothing to do are hidden/)).toBeInTheDocument();
    expect(screen.queryByText('No rollup has run yet.')).toBeNull();
  });

  it('opened with idle=1, the box is checked and idle runs are asked for', async () => {
    let idle: string | null = null;
    server.use(
      http.get('*/api/rollups/runs', ({ request }) => {
        if (!new URL(request.url).searchParams.get('job')) idle = new URL(request.url).searchParams.get('idle');
        return HttpResponse.json([]);
      }),
    );
    renderRoute(route, '/data?idle=1');
    asAnalyst();
    expect(await screen.findByText('No rollup has run yet.')).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Show refreshes that found nothing to do' })).toBeChecked();
    expect(idle).toBe('true');
  });
});
