import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { delay, graphql, http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { server, setupMswServer } from '../testing/msw';
import { App } from './app';

// The data screen's code arrives after the landing decision (a slow network or a busy machine).
vi.mock('../features/data-jobs/routes/data-jobs', async (importOriginal) => {
  await new Promise((r) => setTimeout(r, 600));
  return importOriginal();
});

setupMswServer();

describe('home while the reader leaves it', () => {
  it('a link clicked while home waits wins over the landing redirect', async () => {
    sessionStorage.setItem('cx.session', JSON.stringify({ token: 't', persona: 'analyst', name: 'Ana', role: 'analyst' }));
    server.use(
      graphql.query('Home', async () => {
        await delay(100);
        return HttpResponse.json({ data: { me: { role: 'analyst', roots: [{ id: '1', code: 'CO', months: [{ period: '2026-10', n: 12 }] }] }, partners: [] } });
      }),
      graphql.query('Scorecard', () => HttpResponse.json({ data: { unit: null, metrics: [], scorecard: null } })),
      http.get('*/api/rollups/runs', () => HttpResponse.json([])),
    );
    window.history.replaceState(null, '', '/');
    render(<App />);
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    fireEvent.click(within(nav).getByRole('link', { name: 'Data & jobs' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Data and jobs' }, { timeout: 3000 })).toBeInTheDocument();
    await new Promise((r) => setTimeout(r, 200));
    await waitFor(() => expect(window.location.pathname).toBe('/data'));
  });
});
