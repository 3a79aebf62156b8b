import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { graphql, http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { kpiLine, metricCatalogue } from '../../../testing/fixtures';
import { server, setupMswServer } from '../../../testing/msw';
import { renderRoute } from '../../../testing/render';
import { i18n } from '../../../lib/i18n';
import { saveSession } from '../../../lib/session';
import { ScorecardRoute } from './scorecard';

setupMswServer();
const route = { path: '/units/:unit/scorecard', element: <ScorecardRoute /> };

function answer(overrides: Record<string, unknown> = {}) {
  return {
    unit: {
      id: '7',
      code: 'DEP-CARE-CONTACT',
      name: 'Contact Centre',
      kind: 'department',
      breadcrumb: [
        { name: 'Northwind Group', unit: null },
        { name: 'Customer Care', unit: { id: '3' } },
      ],
      // NPS fell 2.0 points with z = −2.5: significant, standard error 0.8, interval −3.568 … −0.432.
      nps: { value: 31.4, n: 412, lowConfidence: false, suppressed: false, change: { difference: -2, z: -2.5, significant: true } },
      csat: { value: 71, n: 25, lowConfidence: true, suppressed: false, change: { difference: 0.4, z: 0.3, significant: false } },
      fcr: { value: 72.1, n: 900, lowConfidence: false, suppressed: false, change: null },
      response_time: { value: 92, n: 900, lowConfidence: false, suppressed: false, change: null },
      fcr_trend: [],
      response_time_trend: Array.from({ length: 13 }, (_, i) => ({ period: `2025-${i + 1}`, value: 90 + i })),
      ...overrides,
    },
    metrics: metricCatalogue,
    scorecard: {
      period: '2026-10',
      score: 87.25,
      scoredWeight: 6,
      totalWeight: 8,
      kpis: [
        kpiLine('csat', { id: 'k2', actual: 71, target: 75, n: 25, lowConfidence: true, status: 'OFF_TRACK' }),
        kpiLine('nps', {
          id: 'k1',
          shared: true,
          valueUnit: 'score',
          actual: 31.44,
          target: 30,
          attainment: 101.1,
          status: 'ON_TRACK',
          n: 412,
          drivers: [kpiLine('fcr', { id: 'k3', kind: 'process', actual: 72.1, target: 75, status: 'AT_RISK', n: 3, suppressed: true })],
          latestCheckin: { periodStart: '2026-10-01', status: 'AT_RISK', note: 'Queue backlog after the outage', author: 'Dana Head', createdAt: '2026-10-20T09:00:00Z' },
        }),
      ],
    },
  };
}

describe('scorecard screen', () => {
  it('shows shared KPIs first, each outcome followed by its drivers, then process metrics without a KPI', async () => {
    let requests = 0;
    server.use(graphql.query('Scorecard', () => (requests++, HttpResponse.json({ data: answer() }))));
    renderRoute(route, '/units/7/scorecard?period=2026-10');

    const table = await screen.findByRole('table');
    const names = within(table).getAllByRole('rowheader').map((h) => h.textContent);
    expect(names[0]).toMatch(/^NPS/);
    expect(names[1]).toMatch(/^First-contact resolution.*drives NPS/);
    expect(names[2]).toMatch(/^CSAT/);
    expect(names[3]).toMatch(/^First response time/);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Scorecard: Contact Centre');
    expect(screen.getByTestId('score')).toHaveTextContent('87.3');
    expect(requests).toBe(1);
  });

  it('formats each metric in its unit and marks low confidence, suppression and significance', async () => {
    server.use(graphql.query('Scorecard', () => HttpResponse.json({ data: answer() })));
    renderRoute(route, '/units/7/scorecard?period=2026-10');

    const nps = (await screen.findByRole('rowheader', { name: /^NPS/ })).closest('tr')!;
    expect(within(nps).getByTestId('actual')).toHaveTextContent('31.4');
    expect(nps).toHaveTextContent('On track');
    expect(within(nps).getByTestId('significant')).toBeInTheDocument();
    // difference ± 1.96 · |difference / z| = −2.0 ± 1.568
    expect(within(nps).getByLabelText(/Difference −2\.0, z = -2\.50, 95% interval −3\.6 to −0\.4/)).toBeInTheDocument();

    const csat = screen.getByRole('rowheader', { name: /^CSAT/ }).closest('tr')!;
    expect(within(csat).getByTestId('actual')).toHaveTextContent('71.0%');
    expect(within(csat).getByLabelText('low confidence (n < 30)')).toBeInTheDocument();
    expect(within(csat).queryByTestId('significant')).toBeNull();

    const fcr = screen.getByRole('rowheader', { name: /^First-contact/ }).closest('tr')!;
    expect(within(fcr).getByTestId('actual')).toHaveTextContent('suppressed');
    expect(within(fcr).getByTestId('suppressed-mark')).toBeInTheDocument();

    const rt = screen.getByRole('rowheader', { name: /^First response time/ }).closest('tr')!;
    expect(within(rt).getByTestId('actual')).toHaveTextContent('1m 32s');
    expect(rt).toHaveTextContent('no KPI here');

    expect(screen.getByText('Queue backlog after the outage')).toBeInTheDocument();
    // The out-of-scope ancestor is a name, the in-scope one a link.
    const crumbs = screen.getByRole('navigation', { name: 'Breadcrumbs' });
    expect(within(crumbs).queryByRole('link', { name: 'Northwind Group' })).toBeNull();
    expect(within(crumbs).getByRole('link', { name: 'Customer Care' })).toHaveAttribute('href', '/units/3/scorecard?period=2026-10');
  });

  it('changing the period puts it in the URL and asks for that period', async () => {
    const periods: string[] = [];
    server.use(graphql.query('Scorecard', ({ variables }) => (periods.push(variables.period), HttpResponse.json({ data: answer() }))));
    const { router } = renderRoute(route, '/units/7/scorecard?period=2026-10');
    await screen.findByRole('table');

    fireEvent.change(screen.getByLabelText('Period type'), { target: { value: 'quarter' } });

    await waitFor(() => expect(router.state.location.search).toBe('?period=2026-Q4'));
    await waitFor(() => expect(periods).toContain('2026-Q4'));
  });

  it('a unit outside the scope shows the not-in-your-scope page and no data', async () => {
    server.use(
      graphql.query('Scorecard', () =>
        HttpResponse.json({ data: { unit: null, metrics: [], scorecard: null }, errors: [{ message: 'Unit 3 not found.', extensions: { code: 'NOT_FOUND' } }] }),
      ),
    );
    renderRoute(route, '/units/3/scorecard?period=2026-10');

    expect(await screen.findByRole('heading', { name: 'Not in your scope' })).toBeInTheDocument();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('a failed request shows the error and retries on demand', async () => {
    let calls = 0;
    server.use(
      graphql.query('Scorecard', () => (++calls === 1 ? HttpResponse.json({ errors: [{ message: 'database timeout' }] }) : HttpResponse.json({ data: answer() }))),
    );
    renderRoute(route, '/units/7/scorecard?period=2026-10');

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('database timeout');
    fireEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('table')).toBeInTheDocument();
  });

  it('switching to Chinese changes labels and month names', async () => {
    server.use(graphql.query('Scorecard', () => HttpResponse.json({ data: answer({ nps: { value: 1234.5, n: 12345, lowConfidence: false, suppressed: false, change: null } }) })));
    renderRoute(route, '/units/7/scorecard?period=2026-10');
    await screen.findByRole('table');
    await i18n.changeLanguage('zh-CN');

    expect(await screen.findByRole('heading', { level: 1 })).toHaveTextContent('计分卡：Contact Centre');
    expect(screen.getByRole('columnheader', { name: '实际值' })).toBeInTheDocument();
    expect(screen.getByRole('option', { name: '2026年10月' })).toBeInTheDocument();
    expect(screen.getAllByText('达标').length).toBeGreaterThan(0);
  });

  describe('export to Excel', () => {
    // A token is only decoded for its claims here; the API verifies it.
    const tokenWith = (claims: object) => `e30.${btoa(JSON.stringify(claims)).replace(/=+$/, '')}.sig`;

    it('is hidden from a caller without the export permission', async () => {
      server.use(graphql.query('Scorecard', () => HttpResponse.json({ data: answer() })));
      renderRoute(route, '/units/7/scorecard?period=2026-10');
      await screen.findByRole('table');
      expect(screen.queryByRole('button', { name: 'Export to Excel' })).toBeNull();
    });

    it('asks for the unit, month and language on screen and shows the API problem when refused', async () => {
      let asked: URL | null = null;
      let auth: string | null = null;
      server.use(
        graphql.query('Scorecard', () => HttpResponse.json({ data: answer() })),
        http.get('*/export/monthly-review.xlsx', ({ request }) => {
          asked = new URL(request.url);
          auth = request.headers.get('authorization');
          return HttpResponse.json({ status: 422, title: 'Month not rolled up', detail: 'October 2026 has no rollup yet.' }, { status: 422 });
        }),
      );
      renderRoute(route, '/units/7/scorecard?period=2026-10');
      const token = tokenWith({ sub: 'eve', permission: ['export'] });
      saveSession({ token, persona: 'executive', name: 'Eve Executive', role: 'executive' });

      fireEvent.click(await screen.findByRole('button', { name: 'Export to Excel' }));

      expect(await screen.findByRole('alert')).toHaveTextContent('Month not rolled up: October 2026 has no rollup yet.');
      expect(asked!.searchParams.get('unit')).toBe('DEP-CARE-CONTACT');
      expect(asked!.searchParams.get('month')).toBe('2026-10');
      expect(asked!.searchParams.get('locale')).toBe('en');
      expect(auth).toBe(`Bearer ${token}`);
    });

    it('is disabled for a quarter, which has no monthly review', async () => {
      server.use(graphql.query('Scorecard', () => HttpResponse.json({ data: answer() })));
      renderRoute(route, '/units/7/scorecard?period=2026-Q3');
      saveSession({ token: tokenWith({ permission: 'export' }), persona: 'executive', name: 'Eve Executive', role: 'executive' });
      expect(await screen.findByRole('button', { name: 'Export to Excel' })).toBeDisabled();
    });
  });
});
