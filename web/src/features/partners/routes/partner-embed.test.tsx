import { screen, waitFor, within } from '@testing-library/react';
import { graphql, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { EmbedContext, type EmbedState } from '../../../lib/embed';
import { metricCatalogue } from '../../../testing/fixtures';
import { server, setupMswServer } from '../../../testing/msw';
import { renderRoute } from '../../../testing/render';
import { PartnerRoute } from './partner';

setupMswServer();

/** The partner page as the partner view's embed shows it (issue 17): the token's state, no session chrome. */
const embedded = (over: Partial<EmbedState> = {}, claims: Partial<EmbedState['claims']> = {}) => {
  const state: EmbedState = {
    claims: { exp: Date.now() / 1000 + 600, view: 'partner', scope_partner: 'PRT-ACME', lock_period: '2026-10', ...claims },
    canDrill: true,
    lockedPeriod: '2026-10',
    partner: 'PRT-ACME',
    ...over,
  };
  return {
    path: '/embed/partners/:code',
    element: (
      <EmbedContext.Provider value={state}>
        <PartnerRoute />
      </EmbedContext.Provider>
    ),
  };
};

const fig = (value: number | null, n: number) => ({ value, n, low: value, high: value, lowConfidence: false, suppressed: false, change: null });
const partner = (withKpis: boolean) => ({
  id: '9',
  code: 'PRT-ACME',
  name: 'Acme Contact',
  ...Object.fromEntries(['nps', 'csat', 'ces', 'fcr', 'repeat_rate', 'transfer_rate', 'sla', 'response_time', 'channel_switch', 'containment'].map((m) => [m, fig(40, 600)])),
  engagements: [
    {
      id: '21',
      code: 'ENG-PRT-ACME-CARE-CONTACT',
      name: 'Acme for Contact Centre',
      breadcrumb: [{ name: 'Northwind', unit: null }, { name: 'Contact Centre', unit: { id: '7' } }],
      ...(withKpis
        ? {
            scorecard: {
              score: 97,
              kpis: [
                {
                  kpi: { id: 'k1', metric: { code: 'nps', name: 'NPS' }, valueUnit: 'SCORE', sliceDimension: null, sliceValue: null },
                  actual: 40,
                  target: 50,
                  attainment: 80,
                  status: 'AT_RISK',
                  n: 600,
                  lowConfidence: false,
                  suppressed: false,
                },
              ],
            },
          }
        : {}),
    },
  ],
});

describe('partner page, embedded (the partner view)', () => {
  it('shows the partner without the league, with the locked period and links into its engagements when the token may drill', async () => {
    server.use(graphql.query('Partner', () => HttpResponse.json({ data: { partner: partner(true), metrics: metricCatalogue } })));
    renderRoute(embedded(), '/embed/partners/PRT-ACME?period=2026-10');
    expect(await screen.findByRole('heading', { level: 1 })).toHaveTextContent('Partner: Acme Contact');
    expect(screen.getByTestId('locked-period')).toBeInTheDocument();
    // a drawn padlock that says what it means (an emoji one is an empty box without an emoji font)
    const lock = within(screen.getByTestId('locked-period')).getByRole('img', { name: 'Period locked' });
    expect(lock.tagName.toLowerCase()).toBe('svg');
    expect(screen.getByTestId('locked-period')).toHaveTextContent(/^Period locked\s*October 2026$/);
    expect(screen.queryByRole('combobox')).toBeNull();
    expect(screen.queryByRole('link', { name: 'Partner league' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Back to the partner league' })).toBeNull();
    const region = screen.getByRole('region', { name: 'Engagements by department' });
    expect(within(region).getByRole('link', { name: 'Open the scorecard of Acme for Contact Centre' })).toHaveAttribute('href', '/units/21/scorecard?period=2026-10');
    expect(within(region).getByRole('table')).toBeInTheDocument();
  });

  it('offers no way into an engagement or department when the token may not drill', async () => {
    server.use(graphql.query('Partner', () => HttpResponse.json({ data: { partner: partner(true), metrics: metricCatalogue } })));
    renderRoute(embedded({ canDrill: false }), '/embed/partners/PRT-ACME?period=2026-10');
    const region = await screen.findByRole('region', { name: 'Engagements by department' });
    expect(within(region).getByText('Acme for Contact Centre')).toBeInTheDocument();
    expect(within(region).queryAllByRole('link')).toEqual([]);
  });

  it('locked to one slice, asks for no engagement scorecards and says why their KPI lines are missing', async () => {
    let asked: Record<string, unknown> = {};
    server.use(graphql.query('Partner', ({ variables }) => ((asked = variables), HttpResponse.json({ data: { partner: partner(false), metrics: metricCatalogue } }))));
    renderRoute(embedded({}, { lock_slice: 'channel=phone' }), '/embed/partners/PRT-ACME?period=2026-10');
    expect(await screen.findByText(/locked to one slice/)).toBeInTheDocument();
    expect(asked).toEqual({ code: 'PRT-ACME', period: '2026-10', kpis: false });
    const region = screen.getByRole('region', { name: 'Engagements by department' });
    expect(within(region).queryByRole('table')).toBeNull();
    expect(within(region).getByText('Acme for Contact Centre')).toBeInTheDocument();
  });

  it('without a period in its URL opens on the locked period, not on the app home', async () => {
    server.use(graphql.query('Partner', () => HttpResponse.json({ data: { partner: partner(true), metrics: metricCatalogue } })));
    const { router } = renderRoute(embedded(), '/embed/partners/PRT-ACME');
    await waitFor(() => expect(router.state.location.pathname + router.state.location.search).toBe('/embed/partners/PRT-ACME?period=2026-10'));
  });

  it('another partner is not in scope: no data, no way out of the frame', async () => {
    server.use(graphql.query('Partner', () => HttpResponse.json({ data: { partner: null, metrics: [] }, errors: [{ message: "Partner 'PRT-SWIFT' not found.", extensions: { code: 'NOT_FOUND' } }] })));
    renderRoute(embedded(), '/embed/partners/PRT-SWIFT?period=2026-10');
    expect(await screen.findByRole('heading', { name: 'Not in your scope' })).toBeInTheDocument();
    expect(screen.getByText(/The partner PRT-SWIFT is outside what you can see/)).toBeInTheDocument();
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.queryByRole('link')).toBeNull();
  });
});
