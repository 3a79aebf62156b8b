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
      kind: 'DEPARTMENT',
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
            valueUnit: 'SCORE',
            actual: 31.44,
            target: 30,
            attainment: 101.1,
            status: 'ON_TRACK',
            n: 412,
            // The line's own change, with the interval the API computed: −2.0 ± 1.96 · 0.8.
            change: { difference: -2, z: -2.5, significant: true, low: -3.568, high: -0.432 },
            drivers: [kpiLine('fcr', { id: 'k3', kind: 'PROCESS', actual: 72.1, target: 75, status: 'AT_RISK', n: 3, suppressed: true })],
            latestCheckin: { periodStart: '2026-10-01', status: 'AT_RISK', note: 'Queue backlog after the outage', author: 'Dana Head', createdAt: '2026-10-20T09:00:00Z' },
          }),
        ],
      },
      ...overrides,
    },
    metrics: metricCatalogue,
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

  it('a sliced KPI shows its own change against the previous period, not the unit total\'s', async () => {
    // Premium NPS −60 against 40 (n 40 and 10): difference −100, z −3.5921, interval −154.564 … −45.436 (worked out in
    // ScorecardChangeTests); the unit's whole NPS moved −2.0, which must not appear on the premium line.
    const premium = kpiLine('nps', {
      id: 'k9',
      valueUnit: 'SCORE',
      actual: -60,
      n: 40,
      sliceDimension: 'segment',
      sliceValue: 'premium',
      previous: 40,
      change: { difference: -100, z: -3.5921, significant: true, low: -154.564, high: -45.436 },
    });
    const unsliced = kpiLine('csat', { id: 'k2', change: null });
    server.use(graphql.query('Scorecard', () => HttpResponse.json({ data: answer({ scorecard: { ...answer().unit.scorecard, kpis: [premium, unsliced] } }) })));
    renderRoute(route, '/units/7/scorecard?period=2026-10');

    const row = (await screen.findByRole('rowheader', { name: /^NPS.*premium/ })).closest('tr')!;
    expect(within(row).getByTestId('significant')).toBeInTheDocument();
    expect(within(row).getByLabelText('Previous period 40.0. Difference −100.0, z = -3.59, 95% interval −154.6 to −45.4')).toBeInTheDocument();
    expect(row).not.toHaveTextContent('−2.0');
    // A line without a change of its own shows none (never the unit's).
    const csat = screen.getByRole('rowheader', { name: /^CSAT/ }).closest('tr')!;
    expect(within(csat).queryByTestId('significant')).toBeNull();
    expect(within(csat).queryByText('+0.4')).toBeNull();
  });

  it('a KPI hidden by complementary suppression shows the suppressed status, not no data, in both languages', async () => {
    // The partner manager's NPS and CSAT: n 17 and 15 (above the floor of 5) hidden so that a smaller group cannot be
    // worked out; the API says status NO_DATA with suppressed true.
    const nps = kpiLine('nps', { id: 'k1', valueUnit: 'SCORE', actual: null, attainment: null, status: 'NO_DATA', n: 17, suppressed: true, previous: null });
    const csat = kpiLine('csat', { id: 'k2', actual: null, attainment: null, status: 'NO_DATA', n: 15, suppressed: true, previous: null });
    const empty = kpiLine('ces', { id: 'k3', valueUnit: 'MEAN', actual: null, attainment: null, status: 'NO_DATA', n: 0, previous: null });
    server.use(graphql.query('Scorecard', () => HttpResponse.json({ data: answer({ scorecard: { ...answer().unit.scorecard, kpis: [nps, csat, empty] } }) })));
    renderRoute(route, '/units/7/scorecard?period=2026-10');

    for (const name of [/^NPS/, /^CSAT/]) {
      const row = (await screen.findByRole('rowheader', { name })).closest('tr')!;
      expect(within(row).getByTestId('suppressed-status')).toHaveTextContent('Suppressed');
      expect(row).not.toHaveTextContent('No data');
      expect(within(row).getByTestId('suppressed-mark')).toBeInTheDocument();
    }
    // A KPI with no responses at all still says no data.
    const ces = screen.getByRole('rowheader', { name: /^Customer effort/ }).closest('tr')!;
    expect(ces).toHaveTextContent('No data');
    expect(within(ces).queryByTestId('suppressed-status')).toBeNull();

    await i18n.changeLanguage('zh-CN');
    const row = (await screen.findByRole('rowheader', { name: /^NPS|^净推荐值/ })).closest('tr')!;
    await waitFor(() => expect(within(row).getByTestId('suppressed-status')).toHaveTextContent('已隐藏'));
    expect(row).not.toHaveTextContent('无数据');
  });

  it('sparkline months hidden by the floor are drawn as marked gaps, and a value between them keeps its own dot', async () => {
    // 13 months: shown, hidden ×5, one shown month, hidden ×5, the current month shown.
    const hidden = [1, 2, 3, 4, 5, 7, 8, 9, 10, 11];
    const trend = Array.from({ length: 13 }, (_, i) => ({
      period: `2025-${String(i + 1).padStart(2, '0')}`,
      actual: hidden.includes(i) ? null : 70 + i,
      target: 75,
      suppressed: hidden.includes(i),
    }));
    const fcr = kpiLine('fcr', { id: 'k3', kind: 'PROCESS', actual: 82, n: 40, trend });
    server.use(graphql.query('Scorecard', () => HttpResponse.json({ data: answer({ scorecard: { ...answer().unit.scorecard, kpis: [fcr] } }) })));
    renderRoute(route, '/units/7/scorecard?period=2026-10');

    const row = (await screen.findByRole('rowheader', { name: /^First-contact/ })).closest('tr')!;
    const chart = within(row).getByRole('img');
    expect(within(row).getAllByTestId('sparkline-gap')).toHaveLength(10);
    // The three shown months: the first and the middle one get a dot each (no neighbour to draw a line to), the last
    // its end dot; no line segment crosses a hidden month.
    expect(chart.querySelectorAll('.sparkline__point')).toHaveLength(2);
    expect(chart.querySelectorAll('.sparkline__dot')).toHaveLength(1);
    expect(chart.querySelector('.sparkline__line')!.getAttribute('d')).not.toContain('L');
    expect(chart).toHaveAccessibleName(/Jan 2025 70\.0%, Feb 2025 hidden, .*Jul 2025 76\.0%, Aug 2025 hidden/);
  });

  it('target reconciliation says in words what is missing, instead of dashes', async () => {
    const rec = (parentTarget: number | null, impliedParentTarget: number | null) => ({
      volumeBasis: '2026-11', parentTarget, impliedParentTarget, gap: null, addsUp: null, children: [], childrenWithoutTarget: 0,
    });
    const card = (reconciliation: unknown) => answer({
      scorecard: { period: '2026-12', score: null, scoredWeight: 0, totalWeight: 8, kpis: [kpiLine('nps', { id: 'k1', valueUnit: 'SCORE', actual: null, target: null, n: 0, status: 'NO_DATA', reconciliation })] },
    });
    let next = card(rec(null, null));
    server.use(graphql.query('Scorecard', () => HttpResponse.json({ data: next })));
    const { unmount } = renderRoute(route, '/units/7/scorecard?period=2026-12');
    expect(await screen.findByTestId('reconciliation')).toHaveTextContent('NPS: no target for this period, so there is nothing to reconcile.');
    unmount();

    next = card(rec(30, null));
    const second = renderRoute(route, '/units/7/scorecard?period=2026-11');
    expect(await screen.findByTestId('reconciliation')).toHaveTextContent('NPS: the children have no targets, or no responses in November 2026 to weigh them by');
    expect(screen.getByTestId('reconciliation')).not.toHaveTextContent('–');
    second.unmount();

    next = card(null);
    renderRoute(route, '/units/7/scorecard?period=2026-10');
    expect(await screen.findByTestId('reconciliation')).toHaveTextContent('No KPI here has children with the same metric');
  });

  it('a period without responses says so and links to the latest month with responses, keeping the screen and its query', async () => {
    const empty = answer();
    const scorecard = (empty.unit as { scorecard: { kpis: Record<string, unknown>[] } }).scorecard;
    scorecard.kpis = scorecard.kpis.map((k) => ({ ...k, n: 0, actual: null, drivers: [] }));
    const unit = empty.unit as Record<string, unknown>;
    for (const metric of ['nps', 'csat', 'fcr', 'response_time']) unit[metric] = { value: null, n: 0, lowConfidence: false, suppressed: false, change: null };
    server.use(graphql.query('Scorecard', () => HttpResponse.json({ data: empty })));
    renderRoute(route, '/units/7/scorecard?metric=nps&period=2026-12');

    expect(await screen.findByText('No responses in December 2026.')).toBeInTheDocument();
    const link = screen.getByRole('link', { name: 'Go to the latest month with responses' });
    expect(link).toHaveAttribute('href', `/?next=${encodeURIComponent('/units/7/scorecard?metric=nps')}`);
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
        HttpResponse.json({ data: { unit: null, metrics: [] }, errors: [{ message: 'Unit 3 not found.', extensions: { code: 'NOT_FOUND' } }] }),
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
