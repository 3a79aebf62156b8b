import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { graphql, http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { server, setupMswServer } from '../testing/msw';
import { App } from './app';

setupMswServer();

function renderAt(path: string) {
  window.history.replaceState(null, '', path);
  return render(<App />);
}

const personas = http.get('*/auth/personas', () =>
  HttpResponse.json([
    { persona: 'executive', name: 'Erin Executive', role: 'executive' },
    { persona: 'department_head', name: 'Dana Head', role: 'department_head' },
  ]),
);
const home = graphql.query('Home', () =>
  HttpResponse.json({
    data: { me: { role: 'executive', roots: [{ id: '1', code: 'CO', months: [{ period: '2026-09', n: 10 }, { period: '2026-10', n: 12 }, { period: '2026-11', n: 0 }] }] }, partners: [{ code: 'PRT-ACME' }] },
  }),
);

describe('app shell and routes', () => {
  it('a signed-out visit to a screen goes to sign-in and, after signing in, back to that screen', async () => {
    let body: unknown;
    server.use(
      personas,
      http.post('*/auth/token', async ({ request }) => {
        body = await request.json();
        return HttpResponse.json({ access_token: 'tok-1', token_type: 'Bearer', expires_in: 3600, persona: 'executive', name: 'Erin Executive', role: 'executive' });
      }),
      graphql.query('Scorecard', ({ request }) => {
        expect(request.headers.get('authorization')).toBe('Bearer tok-1');
        return HttpResponse.json({ data: { unit: null, metrics: [], scorecard: null }, errors: [{ message: 'nope', extensions: { code: 'NOT_FOUND' } }] });
      }),
    );
    renderAt('/units/5/scorecard?period=2026-10');

    fireEvent.click(await screen.findByRole('button', { name: 'Continue as executive' }));

    expect(await screen.findByTestId('signed-in-as')).toHaveTextContent('Erin Executive');
    expect(body).toEqual({ persona: 'executive' });
    await waitFor(() => expect(window.location.pathname + window.location.search).toBe('/units/5/scorecard?period=2026-10'));
    expect(JSON.parse(sessionStorage.getItem('cx.session')!).token).toBe('tok-1');
  });

  it('off a unit\'s pages the top bar keeps the screens of the unit last opened, and forgets it at sign-out', async () => {
    sessionStorage.setItem('cx.session', JSON.stringify({ token: 't', persona: 'analyst', name: 'Ana', role: 'analyst' }));
    server.use(
      graphql.query('Scorecard', () => HttpResponse.json({ data: { unit: null, metrics: [], scorecard: null } })),
      http.get('*/api/rollups/runs', () => HttpResponse.json([])),
    );
    renderAt('/units/7/scorecard?period=2026-10');
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    fireEvent.click(within(nav).getByRole('link', { name: 'Data & jobs' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Data and jobs' })).toBeInTheDocument();
    expect(within(nav).getByRole('link', { name: 'Data & jobs' })).toHaveAttribute('aria-current', 'page');
    expect(within(nav).getByRole('link', { name: 'Scorecard' }).getAttribute('href')).toMatch(/^\/units\/7\/scorecard(\?|$)/);
    expect(within(nav).getByRole('link', { name: 'KPIs' })).toHaveAttribute('href', '/units/7/kpis');

    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    await waitFor(() => expect(window.location.pathname).toBe('/sign-in'));
    expect(sessionStorage.getItem('cx.unit')).toBeNull();
  });

  it('signed in straight to a screen off the units (no unit opened yet), the top bar offers the screens of the caller\'s top unit', async () => {
    sessionStorage.setItem('cx.session', JSON.stringify({ token: 't', persona: 'analyst', name: 'Ana', role: 'analyst' }));
    let asked = 0;
    server.use(
      graphql.query('TopBar', () => (asked++, HttpResponse.json({ data: { me: { roots: [{ id: '3' }] }, partners: [{ code: 'PRT-ACME' }] } }))),
      http.get('*/api/rollups/runs', () => HttpResponse.json([])),
    );
    renderAt('/data');
    expect(await screen.findByRole('heading', { level: 1, name: 'Data and jobs' })).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    await waitFor(() => expect(within(nav).getByRole('link', { name: 'Scorecard' }).getAttribute('href')).toMatch(/^\/units\/3\/scorecard(\?|$)/));
    expect(within(nav).getByRole('link', { name: 'Cascade' })).toHaveAttribute('href', '/units/3/cascade');
    expect(within(nav).getByRole('link', { name: 'KPIs' })).toHaveAttribute('href', '/units/3/kpis');
    expect(asked).toBe(1);
  });

  it('a partner manager off the units gets no unit screens, whatever their roots', async () => {
    sessionStorage.setItem('cx.session', JSON.stringify({ token: 't', persona: 'partner_manager', name: 'Pat', role: 'partner_manager' }));
    let asked = 0;
    server.use(
      graphql.query('TopBar', () => (asked++, HttpResponse.json({ data: { me: { roots: [{ id: '9' }] }, partners: [{ code: 'PRT-ACME' }] } }))),
      graphql.query('PartnerLeague', () => HttpResponse.json({ data: { partnerLeague: [], metrics: [] } })),
    );
    renderAt('/partners?period=2026-10');
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    await within(nav).findByRole('link', { name: 'Partners' });
    await waitFor(() => expect(asked).toBe(1));
    expect(within(nav).queryByRole('link', { name: 'Scorecard' })).toBeNull();
  });

  it('a caller with no partner in scope (a department head) is not offered the partner league', async () => {
    sessionStorage.setItem('cx.session', JSON.stringify({ token: 't', persona: 'department_head', name: 'Dana', role: 'department_head' }));
    server.use(
      graphql.query('TopBar', () => HttpResponse.json({ data: { me: { roots: [{ id: '3' }] }, partners: [] } })),
      graphql.query('Scorecard', () => HttpResponse.json({ data: { unit: null, metrics: [], scorecard: null } })),
    );
    renderAt('/units/3/scorecard?period=2026-10');
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    await waitFor(() => expect(within(nav).queryByRole('link', { name: 'Partners' })).toBeNull());
    expect(within(nav).getByRole('link', { name: 'Scorecard' })).toHaveAttribute('href', '/units/3/scorecard?period=2026-10');
  });

  it('home sends a signed-in caller to their top unit for the latest month with responses', async () => {
    sessionStorage.setItem('cx.session', JSON.stringify({ token: 't', persona: 'executive', name: 'Erin', role: 'executive' }));
    server.use(home, graphql.query('Scorecard', () => HttpResponse.json({ data: { unit: null, metrics: [], scorecard: null } })));
    renderAt('/');
    await waitFor(() => expect(window.location.pathname + window.location.search).toBe('/units/1/scorecard?period=2026-10'));
  });

  it('a partner manager lands on their partner page for the latest month', async () => {
    sessionStorage.setItem('cx.session', JSON.stringify({ token: 't', persona: 'partner_manager', name: 'Pat', role: 'partner_manager' }));
    server.use(
      graphql.query('Home', () =>
        HttpResponse.json({ data: { me: { role: 'partner_manager', roots: [{ id: '21', code: 'ENG-PRT-ACME-CARE-CONTACT', months: [{ period: '2026-10', n: 4 }] }] }, partners: [{ code: 'PRT-ACME' }] } }),
      ),
      graphql.query('Partner', () => HttpResponse.json({ data: { partner: null, metrics: [] } })),
    );
    renderAt('/');
    await waitFor(() => expect(window.location.pathname + window.location.search).toBe('/partners/PRT-ACME?period=2026-10'));
  });

  it('a screen opened without a period comes back with the latest month; only paths of the app are followed', async () => {
    sessionStorage.setItem('cx.session', JSON.stringify({ token: 't', persona: 'executive', name: 'Erin', role: 'executive' }));
    server.use(home, graphql.query('PartnerLeague', () => HttpResponse.json({ data: { partnerLeague: [], metrics: [] } })), graphql.query('Scorecard', () => HttpResponse.json({ data: { unit: null, metrics: [], scorecard: null } })));
    renderAt('/partners?metric=csat');
    await waitFor(() => expect(window.location.pathname + window.location.search).toBe('/partners?metric=csat&period=2026-10'));
    cleanup();
    renderAt(`/?next=${encodeURIComponent('//evil.example/x')}`);
    await waitFor(() => expect(window.location.pathname + window.location.search).toBe('/units/1/scorecard?period=2026-10'));
  });

  it('a unit screen opened without a period comes back to the same screen, not the scorecard', async () => {
    sessionStorage.setItem('cx.session', JSON.stringify({ token: 't', persona: 'executive', name: 'Erin', role: 'executive' }));
    server.use(home, graphql.query('CascadeLevel', () => HttpResponse.json({ data: { unit: null } })));
    renderAt('/units/1/cascade?open=4');
    await waitFor(() => expect(window.location.pathname + window.location.search).toBe('/units/1/cascade?open=4&period=2026-10'));
  });

  it('a unit named by its code in the path opens the same screen under its id, keeping the query string', async () => {
    sessionStorage.setItem('cx.session', JSON.stringify({ token: 't', persona: 'executive', name: 'Erin', role: 'executive' }));
    let asked: unknown;
    server.use(
      graphql.query('UnitByCode', ({ variables }) => {
        asked = variables;
        return HttpResponse.json({ data: { unit: { id: '3' } } });
      }),
      graphql.query('CascadeLevel', () => HttpResponse.json({ data: { unit: null } })),
    );
    renderAt('/units/DEP-RETAIL-STORES/cascade?period=2026-09&open=4');
    await waitFor(() => expect(window.location.pathname + window.location.search).toBe('/units/3/cascade?period=2026-09&open=4'));
    expect(asked).toEqual({ code: 'DEP-RETAIL-STORES' });
  });

  it('a unit code outside the scope (or unknown) reads as not in scope, and a bare unit path opens its scorecard', async () => {
    sessionStorage.setItem('cx.session', JSON.stringify({ token: 't', persona: 'department_head', name: 'Dana', role: 'department_head' }));
    server.use(
      graphql.query('UnitByCode', () =>
        HttpResponse.json({ data: { unit: null }, errors: [{ message: 'No unit with code CO in your scope.', path: ['unit'], extensions: { code: 'NOT_FOUND' } }] }),
      ),
    );
    renderAt('/units/CO/scorecard?period=2026-10');
    expect(await screen.findByTestId('out-of-scope')).toHaveTextContent('The unit CO is outside');
    expect(window.location.pathname).toBe('/units/CO/scorecard');
    cleanup();
    server.use(home, graphql.query('Scorecard', () => HttpResponse.json({ data: { unit: null, metrics: [], scorecard: null } })));
    renderAt('/units/1');
    await waitFor(() => expect(window.location.pathname + window.location.search).toBe('/units/1/scorecard?period=2026-10'));
  });

  it('each screen names itself in the browser tab', async () => {
    renderAt('/no/such/page');
    expect(await screen.findByRole('heading', { level: 1 })).toHaveTextContent('Page not found');
    await waitFor(() => expect(document.title).toBe('Page not found · CxDashboard'));
    cleanup();
    server.use(personas);
    renderAt('/sign-in');
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
    await waitFor(() => expect(document.title).toBe('Sign in · CxDashboard'));
  });

  it('signing out forgets the session and shows sign-in', async () => {
    sessionStorage.setItem('cx.session', JSON.stringify({ token: 't', persona: 'executive', name: 'Erin', role: 'executive' }));
    server.use(home, personas, graphql.query('Scorecard', () => HttpResponse.json({ data: { unit: null, metrics: [], scorecard: null } })));
    renderAt('/');
    fireEvent.click(await screen.findByRole('button', { name: 'Sign out' }));
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    expect(sessionStorage.getItem('cx.session')).toBeNull();
  });

  it('the language switch changes the labels and is remembered', async () => {
    server.use(personas);
    renderAt('/sign-in');
    await screen.findByRole('button', { name: 'Continue as executive' });

    fireEvent.change(screen.getByRole('combobox', { name: 'Language' }), { target: { value: 'zh-CN' } });

    expect(await screen.findByRole('heading', { name: '登录' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '以高管身份继续' })).toBeInTheDocument();
    expect(localStorage.getItem('cx.locale')).toBe('zh-CN');
    expect(document.documentElement.lang).toBe('zh-CN');
  });

  it('a refused sign-in shows the problem title and detail', async () => {
    server.use(personas, http.post('*/auth/token', () => HttpResponse.json({ title: 'Demo issuer off', detail: 'Sign in with your company account.' }, { status: 404 })));
    renderAt('/sign-in');
    fireEvent.click(await screen.findByRole('button', { name: 'Continue as executive' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Demo issuer off: Sign in with your company account.');
    expect(sessionStorage.getItem('cx.session')).toBeNull();
  });

  it('the status page shows each component with its own status word and the overall one', async () => {
    server.use(
      http.get('*/healthz', () =>
        HttpResponse.json(
          {
            status: 'degraded',
            components: {
              database: { status: 'healthy', description: 'PostgreSQL reachable, schema up to date' },
              scheduler: { status: 'degraded', description: 'last rollup run failed: disk full' },
            },
          },
          { status: 503 },
        ),
      ),
    );
    renderAt('/status');
    const status = await screen.findByRole('region', { name: 'Service status' });
    await waitFor(() => expect(status).toHaveTextContent('database'));
    const stateOf = (name: string) => within(status).getByText(name, { selector: 'dt' }).nextElementSibling?.textContent;
    expect(stateOf('database')).toBe('healthy PostgreSQL reachable, schema up to date');
    expect(stateOf('scheduler')).toBe('degraded last rollup run failed: disk full');
    expect(within(status).getAllByText('degraded')).toHaveLength(2); // the scheduler's and the overall pill
  });

  it('signed out, the status page shows the overall status and asks to sign in for the components; signed in, it sends the token', async () => {
    const auth: (string | null)[] = [];
    server.use(
      http.get('*/healthz', ({ request }) => {
        auth.push(request.headers.get('authorization'));
        return HttpResponse.json({ status: 'healthy' });
      }),
    );
    renderAt('/status');
    const status = await screen.findByRole('region', { name: 'Service status' });
    expect(await within(status).findByText('Sign in to see the state of each component.')).toBeInTheDocument();
    expect(within(status).getByText('healthy')).toBeInTheDocument();
    cleanup();
    sessionStorage.setItem('cx.session', JSON.stringify({ token: 'tok-9', persona: 'analyst', name: 'Ana', role: 'analyst' }));
    renderAt('/status');
    await waitFor(() => expect(auth).toEqual([null, 'Bearer tok-9']));
  });

  it('an unknown route renders the not-found page inside the shell', async () => {
    renderAt('/no/such/page');
    expect(await screen.findByRole('heading', { level: 1 })).toHaveTextContent('Page not found');
    expect(screen.getByText('/no/such/page')).toBeInTheDocument();
  });
});
