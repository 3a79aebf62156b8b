import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { graphql, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { i18n } from '../../../lib/i18n';
import { metricCatalogue } from '../../../testing/fixtures';
import { server, setupMswServer } from '../../../testing/msw';
import { renderRoute } from '../../../testing/render';
import { LeagueRoute } from './league';

setupMswServer();
const route = { path: '/partners', element: <LeagueRoute /> };

const figure = (value: number | null, n: number, o: Partial<{ low: number; high: number; suppressed: boolean; lowConfidence: boolean; change: unknown }> = {}) => ({
  value,
  n,
  low: o.low ?? null,
  high: o.high ?? null,
  lowConfidence: o.lowConfidence ?? n < 30,
  suppressed: o.suppressed ?? false,
  change: o.change ?? null,
});
const league = [
  { rank: 1, partner: { id: '1', code: 'PRT-ACME', name: 'Acme Contact' }, value: figure(41.25, 812, { low: 36.1, high: 46.4, change: { difference: 4.2, z: 2.4, significant: true } }) },
  { rank: 2, partner: { id: '2', code: 'PRT-BOLT', name: 'Bolt Delivery' }, value: figure(12.5, 24, { low: -20.3, high: 45.3 }) },
  { rank: null, partner: { id: '3', code: 'PRT-CLOUD', name: 'Cloudapp' }, value: figure(null, 3, { suppressed: true }) },
];

describe('partner league', () => {
  it('ranks partners with value, interval, n and the marks, and links each to its page for the same period', async () => {
    server.use(graphql.query('PartnerLeague', () => HttpResponse.json({ data: { partnerLeague: league, metrics: metricCatalogue } })));
    renderRoute(route, '/partners?period=2026-10');

    const acme = (await screen.findByRole('rowheader', { name: /Acme Contact/ })).closest('tr')!;
    expect(within(acme).getByTestId('rank')).toHaveTextContent('1');
    expect(within(acme).getByTestId('value')).toHaveTextContent('41.3');
    expect(within(acme).getByTestId('interval')).toHaveTextContent('36.1–46.4');
    expect(within(acme).getByTestId('n')).toHaveTextContent('812');
    expect(within(acme).getByTestId('significant')).toBeInTheDocument();
    expect(within(acme).getByRole('link', { name: 'Acme Contact' })).toHaveAttribute('href', '/partners/PRT-ACME?period=2026-10');

    const bolt = screen.getByRole('rowheader', { name: /Bolt Delivery/ }).closest('tr')!;
    expect(within(bolt).getByRole('img', { name: 'low confidence (n < 30)' })).toBeInTheDocument();
    expect(within(bolt).queryByTestId('significant')).toBeNull();

    const cloud = screen.getByRole('rowheader', { name: /Cloudapp/ }).closest('tr')!;
    expect(within(cloud).getByTestId('rank')).toHaveTextContent('–');
    expect(within(cloud).getByTestId('value')).toHaveTextContent('suppressed');
    expect(within(cloud).getByTestId('n')).toHaveTextContent('3');
    expect(within(cloud).getByTestId('suppressed-mark')).toBeInTheDocument();
    expect(within(cloud).getByTestId('interval')).toHaveTextContent('–');
  });

  it('the metric and period are in the URL and asked for', async () => {
    const asked: unknown[] = [];
    server.use(graphql.query('PartnerLeague', ({ variables }) => (asked.push(variables), HttpResponse.json({ data: { partnerLeague: league, metrics: metricCatalogue } }))));
    const { router } = renderRoute(route, '/partners?period=2026-10');
    await screen.findByRole('table');

    fireEvent.change(screen.getByLabelText('Metric'), { target: { value: 'csat' } });
    await waitFor(() => expect(router.state.location.search).toBe('?period=2026-10&metric=csat'));
    await waitFor(() => expect(asked).toContainEqual({ metric: 'csat', period: '2026-10' }));
    // CSAT is a percentage: the same figures read as percentages now.
    expect(await screen.findByText('36.1%–46.4%')).toBeInTheDocument();
  });

  it('shows an empty state without partners and an error with retry', async () => {
    let calls = 0;
    server.use(
      graphql.query('PartnerLeague', () =>
        ++calls === 1 ? HttpResponse.json({ errors: [{ message: 'database timeout' }] }) : HttpResponse.json({ data: { partnerLeague: [], metrics: metricCatalogue } }),
      ),
    );
    renderRoute(route, '/partners?period=2026-10&metric=nps');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('database timeout');
    fireEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('No partner in your scope.')).toBeInTheDocument();
  });

  it('a period without responses says so with the link to the latest month, not a table of dashes', async () => {
    const empty = league.map((r) => ({ ...r, rank: null, value: figure(null, 0) }));
    server.use(graphql.query('PartnerLeague', () => HttpResponse.json({ data: { partnerLeague: empty, metrics: metricCatalogue } })));
    renderRoute(route, '/partners?metric=csat&period=2026-12');

    expect(await screen.findByText('No responses in December 2026.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to the latest month with responses' })).toHaveAttribute('href', `/?next=${encodeURIComponent('/partners?metric=csat')}`);
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('without a period goes home to pick the latest month, keeping the metric', async () => {
    const { router } = renderRoute(route, '/partners?metric=csat');
    await waitFor(() => expect(router.state.location.pathname + router.state.location.search).toBe(`/?next=${encodeURIComponent('/partners?metric=csat')}`));
  });

  it('reads in Chinese', async () => {
    server.use(graphql.query('PartnerLeague', () => HttpResponse.json({ data: { partnerLeague: league, metrics: metricCatalogue } })));
    renderRoute(route, '/partners?period=2026-10');
    await screen.findByRole('table');
    await i18n.changeLanguage('zh-CN');
    expect(await screen.findByRole('heading', { level: 1 })).toHaveTextContent('合作伙伴排名');
    expect(screen.getByRole('columnheader', { name: '排名' })).toBeInTheDocument();
    expect(screen.getByText(/2026年10月各合作伙伴/)).toBeInTheDocument();
  });
});
