import { cleanup, render, screen, waitFor, fireEvent, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from './app';

type Handler = (init?: RequestInit) => { status: number; body: unknown };

function mockApi(routes: Record<string, Handler>) {
  const calls: { url: string; init?: RequestInit }[] = [];
  vi.stubGlobal('fetch', vi.fn(async (url: string, init?: RequestInit) => {
    calls.push({ url, init });
    const handler = routes[url];
    const { status, body } = handler ? handler(init) : { status: 404, body: { title: 'Not Found' } };
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  }));
  return calls;
}

const healthy = () => ({
  status: 200,
  body: { status: 'healthy', components: { database: { status: 'healthy', description: 'PostgreSQL reachable, schema up to date' } } },
});

function renderAt(path: string) {
  window.history.pushState(null, '', path);
  return render(<App />);
}

describe('routes', () => {
  beforeEach(() => sessionStorage.clear());
  afterEach(() => cleanup());

  it('home shows the product and the live status of each component', async () => {
    mockApi({
      '/healthz': () => ({
        status: 200,
        body: {
          status: 'degraded',
          components: {
            database: { status: 'healthy', description: 'PostgreSQL reachable, schema up to date' },
            scheduler: { status: 'degraded', description: 'last rollup run failed: disk full' },
          },
        },
      }),
    });
    renderAt('/');

    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(/Customer experience/);
    const status = await screen.findByRole('region', { name: 'Service status' });
    await waitFor(() => expect(status).toHaveTextContent('database'));
    // Each component's own status word next to its name (the word, not only a colour), and the overall one.
    const stateOf = (name: string) => within(status).getByText(name, { selector: 'dt' }).nextElementSibling?.textContent;
    expect(stateOf('database')).toBe('healthy PostgreSQL reachable, schema up to date');
    expect(stateOf('scheduler')).toBe('degraded last rollup run failed: disk full');
    expect(within(status).getAllByText('degraded')).toHaveLength(2); // the scheduler's and the overall pill
  });

  it('home says when the API is down instead of spinning forever', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => { throw new TypeError('Failed to fetch'); }));
    renderAt('/');

    expect(await screen.findByRole('alert')).toHaveTextContent('Could not reach the API: Failed to fetch');
  });

  it('signing in as a persona stores its token and shows who is signed in', async () => {
    const calls = mockApi({
      '/healthz': healthy,
      '/auth/personas': () => ({ status: 200, body: [{ persona: 'analyst', name: 'Ana Analyst', role: 'analyst' }] }),
      '/auth/token': () => ({
        status: 200,
        body: { access_token: 'tok-123', token_type: 'Bearer', expires_in: 3600, persona: 'analyst', name: 'Ana Analyst', role: 'analyst' },
      }),
    });
    renderAt('/sign-in');

    fireEvent.click(await screen.findByRole('button', { name: 'Continue as analyst' }));

    expect(await screen.findByTestId('signed-in-as')).toHaveTextContent('Ana Analyst');
    expect(window.location.pathname).toBe('/');
    expect(JSON.parse(sessionStorage.getItem('cx.session')!).token).toBe('tok-123');
    const tokenCall = calls.find((c) => c.url === '/auth/token')!;
    expect(JSON.parse(tokenCall.init!.body as string)).toEqual({ persona: 'analyst' });
  });

  it('a refused sign-in shows the problem title and detail', async () => {
    mockApi({
      '/auth/personas': () => ({ status: 200, body: [{ persona: 'ghost', name: 'Ghost', role: 'viewer' }] }),
      '/auth/token': () => ({ status: 400, body: { title: 'Unknown persona', detail: 'Choose one of: analyst.' } }),
    });
    renderAt('/sign-in');

    fireEvent.click(await screen.findByRole('button', { name: 'Continue as ghost' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Unknown persona: Choose one of: analyst.');
    expect(sessionStorage.getItem('cx.session')).toBeNull();
  });

  it('an unknown route renders the not-found page inside the shell', () => {
    mockApi({});
    renderAt('/no/such/page');

    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Page not found');
    expect(screen.getByText('/no/such/page')).toBeInTheDocument();
  });
});
