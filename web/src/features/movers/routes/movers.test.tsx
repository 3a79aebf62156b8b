import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { graphql, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { i18n } from '../../../lib/i18n';
import { metricCatalogue } from '../../../testing/fixtures';
import { server, setupMswServer } from '../../../testing/msw';
import { renderRoute } from '../../../testing/render';
import { MoversRoute } from './movers';

setupMswServer();
const route = { path: '/units/:unit/movers', element: <MoversRoute /> };

const mover = (id: string, name: string, value: number, previous: number, z: number | null, significant: boolean | null, n = 300) => ({
  unit: { id, code: `U-${id}`, name, kind: 'DEPARTMENT' },
  value: { value, n, lowConfidence: n < 30, suppressed: false, previous: { value: previous, n } },
  change: { difference: value - previous, z, significant },
});
// As the API ranks them: by the size of the change only.
const movers = [
  mover('11', 'Retail Stores', 40, 52, -1.2, false, 25),
  mover('12', 'Billing', 30, 22, 2.8, true),
  mover('13', 'Contact Centre', 35, 29, 3.1, true),
  mover('14', 'Mobile App', 20, 23, -0.4, false),
];
const answer = { unit: { id: '1', code: 'CO', name: 'Northwind Group', breadcrumb: [], self: { n: 5120 }, topMovers: movers }, metrics: metricCatalogue };

describe('top movers', () => {
  it('lists significant changes first, then by size, each linking to the unit scorecard for the period', async () => {
    server.use(graphql.query('TopMovers', ({ variables }) => (expect(variables).toEqual({ unit: '1', period: '2026-10', metric: 'nps', significantOnly: false }), HttpResponse.json({ data: answer }))));
    renderRoute(route, '/units/1/movers?period=2026-10');

    await screen.findByRole('table');
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('link').textContent)).toEqual(['Billing', 'Contact Centre', 'Retail Stores', 'Mobile App']);
    expect(within(rows[0]).getByRole('link')).toHaveAttribute('href', '/units/12/scorecard?period=2026-10');
    expect(within(rows[0]).getByTestId('change')).toHaveTextContent('+8.0');
    expect(within(rows[0]).getByTestId('significant')).toBeInTheDocument();
    expect(within(rows[2]).getByTestId('change')).toHaveTextContent('−12.0');
    expect(within(rows[2]).queryByTestId('significant')).toBeNull();
    expect(within(rows[2]).getByRole('img', { name: 'low confidence (n < 30)' })).toBeInTheDocument();
  });

  it('the significant-only switch and the metric are in the URL and sent to the API', async () => {
    const asked: Record<string, unknown>[] = [];
    server.use(graphql.query('TopMovers', ({ variables }) => (asked.push(variables), HttpResponse.json({ data: answer }))));
    const { router } = renderRoute(route, '/units/1/movers?period=2026-10');
    await screen.findByRole('table');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Significant changes only' }));
    await waitFor(() => expect(router.state.location.search).toBe('?period=2026-10&significant=only'));
    fireEvent.change(screen.getByLabelText('Metric'), { target: { value: 'csat' } });
    await waitFor(() => expect(router.state.location.search).toBe('?period=2026-10&significant=only&metric=csat'));
    await waitFor(() => expect(asked[asked.length - 1]).toEqual({ unit: '1', period: '2026-10', metric: 'csat', significantOnly: true }));
  });

  it('empty, error and out-of-scope states', async () => {
    let calls = 0;
    server.use(
      graphql.query('TopMovers', () =>
        ++calls === 1 ? HttpResponse.json({ errors: [{ message: 'boom' }] }) : HttpResponse.json({ data: { ...answer, unit: { ...answer.unit, topMovers: [] } } }),
      ),
    );
    renderRoute(route, '/units/1/movers?period=2026-10');
    fireEvent.click(within(await screen.findByRole('alert')).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('No unit under this one changed in this period.')).toBeInTheDocument();
  });

  it('a period without responses says so with the link to the latest month, not "nothing changed"', async () => {
    server.use(graphql.query('TopMovers', () => HttpResponse.json({ data: { ...answer, unit: { ...answer.unit, self: { n: 0 }, topMovers: [] } } })));
    renderRoute(route, '/units/1/movers?metric=csat&period=2026-12');

    expect(await screen.findByText('No responses in December 2026.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to the latest month with responses' })).toHaveAttribute('href', `/?next=${encodeURIComponent('/units/1/movers?metric=csat')}`);
    expect(screen.queryByText('No unit under this one changed in this period.')).not.toBeInTheDocument();
  });

  it('outside the scope: no data', async () => {
    server.use(graphql.query('TopMovers', () => HttpResponse.json({ data: { unit: null, metrics: [] }, errors: [{ message: 'nf', extensions: { code: 'NOT_FOUND' } }] })));
    renderRoute(route, '/units/3/movers?period=2026-10');
    expect(await screen.findByRole('heading', { name: 'Not in your scope' })).toBeInTheDocument();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('reads in Chinese', async () => {
    server.use(graphql.query('TopMovers', () => HttpResponse.json({ data: answer })));
    renderRoute(route, '/units/1/movers?period=2026-10');
    await screen.findByRole('table');
    await i18n.changeLanguage('zh-CN');
    expect(await screen.findByRole('heading', { level: 1 })).toHaveTextContent('Northwind Group 下变化最大的单位');
    expect(screen.getByRole('checkbox', { name: '仅显著变化' })).toBeInTheDocument();
  });
});
