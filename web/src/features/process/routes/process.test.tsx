import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { graphql, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { metricCatalogue } from '../../../testing/fixtures';
import { server, setupMswServer } from '../../../testing/msw';
import { renderRoute } from '../../../testing/render';
import { ProcessRoute } from './process';

setupMswServer();
const route = { path: '/units/:unit/process', element: <ProcessRoute /> };
const months = Array.from({ length: 13 }, (_, i) => `${i < 3 ? 2025 : 2026}-${String(((i + 9) % 12) + 1).padStart(2, '0')}`);
const series = (base: number) => months.map((period, i) => ({ period, value: base + i, n: 100, low: null, high: null, suppressed: false }));
const metrics = ['nps', 'csat', 'ces', 'fcr', 'sla', 'response_time', 'repeat_rate', 'transfer_rate', 'channel_switch', 'containment'];
const unit = { id: '7', code: 'DEP-1', name: 'Contact Centre', breadcrumb: [] };

const split = (o: Record<string, number | boolean | null>) => ({
  nWith: 300, valueWith: 80, nWithout: 100, valueWithout: 60, gap: 20, gapLow: 12.5, gapHigh: 27.5, significant: true,
  shareWith: 0.75, targetShare: 0.8, estimatedChange: 1, estimatedChangeLow: 0.6, estimatedChangeHigh: 1.4, ...o,
});

describe('process next to outcome', () => {
  it('charts each outcome beside its process metrics over 13 months, each chart with its data table', async () => {
    let asked = 0;
    server.use(
      graphql.query('Process', ({ variables }) => {
        asked++;
        expect(variables.end).toBe('2026-12'); // a quarter's trend ends with its last month
        return HttpResponse.json({ data: { unit: { ...unit, ...Object.fromEntries(metrics.map((m, i) => [m, series(i * 10)])) }, metrics: metricCatalogue } });
      }),
    );
    renderRoute(route, '/units/7/process?period=2026-Q4');

    const nps = await screen.findByRole('region', { name: 'NPS' });
    expect(within(nps).getAllByRole('figure').map((f) => f.querySelector('figcaption')!.textContent)).toEqual([
      'NPS',
      'First-contact resolution',
      'Repeat contact rate',
      'Transfer rate',
    ]);
    const table = within(nps).getByRole('table', { name: 'NPS, 13 months' });
    expect(within(table).getAllByRole('row')).toHaveLength(14);
    expect(within(table).getByRole('rowheader', { name: 'October 2025' }).closest('tr')).toHaveTextContent('0.0');
    expect(screen.getByRole('region', { name: 'Customer effort (mean)' })).toBeInTheDocument();
    expect(asked).toBe(1);
  });

  it('the drivers tab (in the URL) shows with/without, the gap with its interval, share and change at target', async () => {
    server.use(graphql.query('Process', () => HttpResponse.json({ data: { unit: { ...unit, ...Object.fromEntries(metrics.map((m) => [m, series(1)])) }, metrics: metricCatalogue } })));
    server.use(
      graphql.query('Drivers', () =>
        HttpResponse.json({
          data: {
            unit: {
              ...unit,
              nps: { n: 400 },
              csat: { n: 400 },
              ces: { n: 0 },
              drivers: {
                linkedResponses: 400,
                drivers: [
                  { condition: 'RESOLVED_FIRST_CONTACT', processMetric: { code: 'fcr' }, processTarget: 80, csat: split({}), nps: split({ valueWith: 40, valueWithout: 10, gap: 30, gapLow: 20, gapHigh: 40 }) },
                ],
              },
            },
          },
        }),
      ),
    );
    const { router } = renderRoute(route, '/units/7/process?period=2026-10');
    fireEvent.click(await screen.findByRole('tab', { name: 'Drivers' }));
    await waitFor(() => expect(router.state.location.search).toContain('tab=drivers'));

    const row = (await screen.findByRole('rowheader', { name: /Resolved at first contact/ })).closest('tr')!;
    const cells = within(row).getAllByRole('cell').map((c) => c.textContent);
    expect(cells[0]).toMatch(/^80\.0%\s*n=300/);
    expect(cells[1]).toMatch(/^60\.0%\s*n=100/);
    expect(cells[2]).toBe('+20.0 pp [+12.5 pp, +27.5 pp]');
    expect(cells[4]).toBe('75%');
    expect(cells[5]).toBe('+1.0 pp [+0.6 pp, +1.4 pp]');

    fireEvent.change(screen.getByLabelText('Outcome'), { target: { value: 'nps' } });
    await waitFor(() => expect(router.state.location.search).toContain('outcome=nps'));
    expect(within(screen.getByRole('rowheader', { name: /Resolved at first contact/ }).closest('tr')!).getAllByRole('cell')[2]).toHaveTextContent('+30.0 [+20.0, +40.0]');
  });

  it('tabs follow the arrow keys', async () => {
    server.use(graphql.query('Process', () => HttpResponse.json({ data: { unit: { ...unit, ...Object.fromEntries(metrics.map((m) => [m, series(1)])) }, metrics: metricCatalogue } })));
    const counts = { nps: { n: 40 }, csat: { n: 40 }, ces: { n: 0 } };
    server.use(graphql.query('Drivers', () => HttpResponse.json({ data: { unit: { ...unit, ...counts, drivers: { linkedResponses: 0, drivers: [] } } } })));
    const { router } = renderRoute(route, '/units/7/process?period=2026-10');
    const trends = await screen.findByRole('tab', { name: 'Trends' });
    expect(trends).toHaveAttribute('aria-selected', 'true');
    fireEvent.keyDown(trends, { key: 'ArrowRight' });
    await waitFor(() => expect(router.state.location.search).toContain('tab=drivers'));
    expect(await screen.findByText('Not enough linked responses in this period.')).toBeInTheDocument();
  });

  describe('a period without responses', () => {
    // the 13 months end with 2026-10; `empty` months have no count in any series
    const answer = (empty: (month: string) => boolean) => ({
      unit: { ...unit, ...Object.fromEntries(metrics.map((m) => [m, series(5).map((p) => (empty(p.period) ? { ...p, value: null, n: 0 } : p))])) },
      metrics: metricCatalogue,
    });
    const link = () => screen.getByRole('link', { name: 'Go to the latest month with responses' });

    it('says so above the months before it, with the link to the latest month with data', async () => {
      server.use(graphql.query('Process', () => HttpResponse.json({ data: answer((m) => m === '2026-10') })));
      renderRoute(route, '/units/7/process?period=2026-10&tab=trends');

      expect(await screen.findByText('No responses in October 2026.')).toBeInTheDocument();
      expect(link()).toHaveAttribute('href', `/?next=${encodeURIComponent('/units/7/process?tab=trends')}`);
      expect(screen.getByRole('region', { name: 'NPS' })).toBeInTheDocument(); // the 12 months before still chart
    });

    it('a quarter with responses in one of its months is not empty', async () => {
      server.use(graphql.query('Process', () => HttpResponse.json({ data: answer((m) => m === '2026-09') })));
      renderRoute(route, '/units/7/process?period=2026-Q3');
      await screen.findByRole('region', { name: 'NPS' });
      expect(screen.queryByText(/No responses in/)).not.toBeInTheDocument();
    });

    it('shows no charts at all when none of the 13 months has a count', async () => {
      server.use(graphql.query('Process', () => HttpResponse.json({ data: answer(() => true) })));
      renderRoute(route, '/units/7/process?period=2026-10');
      expect(await screen.findByText('No responses in October 2026.')).toBeInTheDocument();
      expect(screen.queryByRole('region', { name: 'NPS' })).not.toBeInTheDocument();
      expect(screen.queryByRole('table')).not.toBeInTheDocument();
    });

    it('the drivers tab says so instead of a table of empty groups', async () => {
      server.use(
        graphql.query('Drivers', () =>
          HttpResponse.json({ data: { unit: { ...unit, nps: { n: 0 }, csat: { n: 0 }, ces: { n: 0 }, drivers: { linkedResponses: 0, drivers: [] } } } }),
        ),
      );
      renderRoute(route, '/units/7/process?period=2026-11&tab=drivers');
      expect(await screen.findByText('No responses in November 2026.')).toBeInTheDocument();
      expect(link()).toHaveAttribute('href', `/?next=${encodeURIComponent('/units/7/process?tab=drivers')}`);
      expect(screen.queryByText('Not enough linked responses in this period.')).not.toBeInTheDocument();
    });
  });
});
