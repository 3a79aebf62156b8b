import { screen, within } from '@testing-library/react';
import { graphql, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { metricCatalogue } from '../../../testing/fixtures';
import { server, setupMswServer } from '../../../testing/msw';
import { renderRoute } from '../../../testing/render';
import { PartnerRoute } from './partner';

setupMswServer();
const route = { path: '/partners/:code', element: <PartnerRoute /> };

const fig = (value: number | null, n: number, suppressed = false) => ({ value, n, low: value == null ? null : value - 2, high: value == null ? null : value + 2, lowConfidence: n < 30, suppressed, change: null });
const kpi = (id: string, metric: string, unit: string, actual: number | null, status: string, n: number, suppressed = false) => ({
  kpi: { id, metric: { code: metric, name: metric }, valueUnit: unit, sliceDimension: null, sliceValue: null },
  actual,
  target: 50,
  attainment: actual == null ? null : 98,
  status,
  n,
  lowConfidence: n < 30,
  suppressed,
});
const partner = {
  id: '9',
  code: 'PRT-ACME',
  name: 'Acme Contact',
  nps: fig(31.4, 640),
  csat: fig(72.5, 640),
  ces: fig(5.1, 300),
  fcr: fig(70.2, 1200),
  repeat_rate: fig(12.1, 1200),
  transfer_rate: fig(null, 3, true),
  sla: fig(81, 1200),
  response_time: fig(92, 1200),
  channel_switch: fig(4.5, 1200),
  containment: fig(60, 400),
  engagements: [
    {
      id: '21',
      code: 'ENG-PRT-ACME-CARE-CONTACT',
      name: 'Acme for Contact Centre',
      breadcrumb: [{ name: 'Northwind', unit: null }, { name: 'Customer Care', unit: null }, { name: 'Contact Centre', unit: null }],
      scorecard: { score: 97, kpis: [kpi('k1', 'nps', 'SCORE', 31.4, 'AT_RISK', 640), kpi('k2', 'fcr', 'PERCENT', null, 'NO_DATA', 4, true)] },
    },
    {
      id: '22',
      code: 'ENG-PRT-ACME-RETAIL',
      name: 'Acme for Retail',
      breadcrumb: [{ name: 'Northwind', unit: null }, { name: 'Retail Stores', unit: null }],
      scorecard: { score: null, kpis: [] },
    },
  ],
};

describe('partner page', () => {
  it('shows the outcomes each followed by their process metrics, and the engagements under their departments', async () => {
    server.use(graphql.query('Partner', ({ variables }) => (expect(variables).toEqual({ code: 'PRT-ACME', period: '2026-10' }), HttpResponse.json({ data: { partner, metrics: metricCatalogue } }))));
    renderRoute(route, '/partners/PRT-ACME?period=2026-10');

    expect(await screen.findByRole('heading', { level: 1 })).toHaveTextContent('Partner: Acme Contact');
    const figures = screen.getByRole('table', { name: 'Outcomes and the process metrics that drive them' });
    const order = within(figures).getAllByRole('row').slice(1).map((r) => r.getAttribute('data-metric'));
    expect(order).toEqual(['nps', 'fcr', 'repeat_rate', 'transfer_rate', 'csat', 'sla', 'response_time', 'fcr', 'ces', 'channel_switch', 'containment', 'transfer_rate']);
    const nps = within(figures).getAllByRole('row').find((r) => r.getAttribute('data-metric') === 'nps')!;
    expect(within(nps).getByTestId('value')).toHaveTextContent('31.4');
    expect(nps).toHaveTextContent('29.4–33.4');
    const rt = within(figures).getAllByRole('row').find((r) => r.getAttribute('data-metric') === 'response_time')!;
    expect(within(rt).getByTestId('value')).toHaveTextContent('1m 32s');
    const transfer = within(figures).getAllByRole('row').find((r) => r.getAttribute('data-metric') === 'transfer_rate')!;
    expect(within(transfer).getByTestId('value')).toHaveTextContent('suppressed');
    expect(within(transfer).getByTestId('suppressed-mark')).toBeInTheDocument();

    // Departments by the breadcrumb's last name, sorted; each engagement with its KPIs and a link to its scorecard.
    const region = screen.getByRole('region', { name: 'Engagements by department' });
    expect(within(region).getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual(['Contact Centre', 'Retail Stores']);
    const care = within(region).getByRole('region', { name: 'Contact Centre' });
    expect(within(care).getByRole('link', { name: 'Open the scorecard of Acme for Contact Centre' })).toHaveAttribute('href', '/units/21/scorecard?period=2026-10');
    const fcr = within(care).getAllByRole('row').find((r) => r.getAttribute('data-metric') === 'fcr')!;
    expect(within(fcr).getByTestId('actual')).toHaveTextContent('suppressed');
    expect(fcr).toHaveTextContent('Suppressed');
    expect(fcr).not.toHaveTextContent('No data');
    expect(within(region).getByRole('region', { name: 'Retail Stores' })).toHaveTextContent('This unit has no KPIs.');
  });

  it('a period without responses says so with the link to the latest month, beside the interactions it has', async () => {
    const none = fig(null, 0);
    server.use(graphql.query('Partner', () => HttpResponse.json({ data: { partner: { ...partner, nps: none, csat: none, ces: none }, metrics: metricCatalogue } })));
    renderRoute(route, '/partners/PRT-ACME?period=2026-12');

    expect(await screen.findByText('No responses in December 2026.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to the latest month with responses' })).toHaveAttribute('href', `/?next=${encodeURIComponent('/partners/PRT-ACME')}`);
    expect(screen.getByRole('table', { name: 'Outcomes and the process metrics that drive them' })).toBeInTheDocument();
  });

  it('a period with no figure at all shows only that state, no tables of dashes', async () => {
    const empty = Object.fromEntries(Object.entries(partner).map(([k, v]) => [k, v && typeof v === 'object' && 'n' in v ? fig(null, 0) : v]));
    server.use(graphql.query('Partner', () => HttpResponse.json({ data: { partner: empty, metrics: metricCatalogue } })));
    renderRoute(route, '/partners/PRT-ACME?period=2027-01');

    expect(await screen.findByText('No responses in January 2027.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to the latest month with responses' })).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('a partner outside the scope shows the not-in-your-scope page and no data', async () => {
    server.use(graphql.query('Partner', () => HttpResponse.json({ data: { partner: null, metrics: [] }, errors: [{ message: "Partner 'PRT-BOLT' not found.", extensions: { code: 'NOT_FOUND' } }] })));
    renderRoute(route, '/partners/PRT-BOLT?period=2026-10');
    expect(await screen.findByRole('heading', { name: 'Not in your scope' })).toBeInTheDocument();
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.queryByText('Acme Contact')).toBeNull();
  });
});
