import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { graphql, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { i18n } from '../../../lib/i18n';
import { metricCatalogue } from '../../../testing/fixtures';
import { server, setupMswServer } from '../../../testing/msw';
import { renderRoute } from '../../../testing/render';
import { BreakdownsRoute } from './breakdowns';

setupMswServer();
const route = { path: '/units/:unit/breakdowns', element: <BreakdownsRoute /> };

const value = (v: number | null, n: number, o: Partial<{ suppressed: boolean; previous: unknown; change: unknown }> = {}) => ({
  value: v,
  n,
  low: v == null ? null : v - 5,
  high: v == null ? null : v + 5,
  lowConfidence: n < 30,
  suppressed: o.suppressed ?? false,
  previous: o.previous ?? null,
  change: o.change ?? null,
});
const prev = (v: number | null, n: number) => ({ period: '2026-09', value: v, n, low: null, high: null, lowConfidence: n < 30, suppressed: false });
const answer = {
  unit: {
    id: '7',
    code: 'DEP-CARE-CONTACT',
    name: 'Contact Centre',
    breadcrumb: [{ name: 'Northwind Group', unit: null }, { name: 'Customer Care', unit: { id: '3' } }],
    channel: [
      { key: 'phone', value: value(31.42, 820, { previous: prev(25.1, 790), change: { difference: 6.32, z: 2.6, significant: true } }) },
      { key: 'chat', value: value(12, 22, { previous: prev(14, 30), change: { difference: -2, z: -0.3, significant: false } }) },
      { key: 'social', value: value(null, 3, { suppressed: true }) },
    ],
    journey_stage: [{ key: 'onboarding', value: value(20, 400) }],
    segment: [],
  },
  metrics: metricCatalogue,
};

describe('breakdowns', () => {
  it('shows each dimension with value, interval and n per key, the marks, and an empty state for a dimension without data', async () => {
    server.use(graphql.query('Breakdowns', ({ variables }) => (expect(variables).toEqual({ unit: '7', period: '2026-10', metric: 'nps' }), HttpResponse.json({ data: answer }))));
    renderRoute(route, '/units/7/breakdowns?period=2026-10');

    const channel = await screen.findByRole('region', { name: 'By channel' });
    const table = within(channel).getByRole('table', { name: 'NPS by channel, October 2026' });
    const phone = within(table).getByRole('rowheader', { name: 'Phone' }).closest('tr')!;
    expect(within(phone).getByTestId('value')).toHaveTextContent('31.4');
    expect(within(phone).getByTestId('interval')).toHaveTextContent('26.4–36.4');
    expect(within(phone).getByTestId('n')).toHaveTextContent('820');
    const chat = within(table).getByRole('rowheader', { name: 'Chat' }).closest('tr')!;
    expect(within(chat).getByRole('img', { name: 'low confidence (n < 30)' })).toBeInTheDocument();
    const social = within(table).getByRole('rowheader', { name: 'Social' }).closest('tr')!;
    expect(within(social).getByTestId('value')).toHaveTextContent('suppressed');
    expect(within(social).getByTestId('interval')).toHaveTextContent('–');
    expect(within(social).getByTestId('suppressed-mark')).toBeInTheDocument();
    // The chart is drawn (SVG) and labelled with the same caption; its figures are the table above.
    await waitFor(() => expect(channel.querySelector('.echart svg')).not.toBeNull());
    expect(channel.querySelector('[data-chart="NPS by channel, October 2026"]')).not.toBeNull();
    expect(within(channel).queryByRole('columnheader', { name: 'Change' })).toBeNull();

    expect(within(screen.getByRole('region', { name: 'By segment' })).getByText('No responses in this period.')).toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: 'Breadcrumbs' })).toBeInTheDocument();
  });

  it('a period without responses says so once, with the link to the latest month, instead of three panels of dashes', async () => {
    const none = { ...answer, unit: { ...answer.unit, channel: [{ key: 'phone', value: value(null, 0) }], journey_stage: [{ key: 'onboarding', value: value(null, 0) }], segment: [] } };
    server.use(graphql.query('Breakdowns', () => HttpResponse.json({ data: none })));
    renderRoute(route, '/units/7/breakdowns?metric=csat&period=2026-12');

    expect(await screen.findByText('No responses in December 2026.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to the latest month with responses' })).toHaveAttribute('href', `/?next=${encodeURIComponent('/units/7/breakdowns?metric=csat')}`);
    expect(screen.queryByRole('region', { name: 'By channel' })).not.toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('the comparison with the previous period is a URL switch showing the previous value, the change and its significance', async () => {
    server.use(graphql.query('Breakdowns', () => HttpResponse.json({ data: answer })));
    const { router } = renderRoute(route, '/units/7/breakdowns?period=2026-10&metric=nps');
    const channel = await screen.findByRole('region', { name: 'By channel' });

    fireEvent.click(screen.getByRole('checkbox', { name: 'Compare with the previous period' }));
    await waitFor(() => expect(router.state.location.search).toBe('?period=2026-10&metric=nps&compare=previous'));
    const phone = within(channel).getByRole('rowheader', { name: 'Phone' }).closest('tr')!;
    expect(within(channel).getByRole('columnheader', { name: 'September 2026' })).toBeInTheDocument();
    expect(within(phone).getByTestId('previous')).toHaveTextContent('25.1');
    expect(within(phone).getByTestId('change')).toHaveTextContent('+6.3');
    expect(within(phone).getByTestId('significant')).toBeInTheDocument();
    expect(within(phone).getByTestId('change-label')).toHaveTextContent('significant change. Difference +6.3, z = 2.60');
    const chat = within(channel).getByRole('rowheader', { name: 'Chat' }).closest('tr')!;
    expect(within(chat).queryByTestId('significant')).toBeNull();

    fireEvent.click(screen.getByRole('checkbox', { name: 'Compare with the previous period' }));
    await waitFor(() => expect(router.state.location.search).toBe('?period=2026-10&metric=nps'));
  });

  it('changing the metric asks for it and formats in its unit', async () => {
    const asked: string[] = [];
    server.use(graphql.query('Breakdowns', ({ variables }) => (asked.push(variables.metric as string), HttpResponse.json({ data: answer }))));
    const { router } = renderRoute(route, '/units/7/breakdowns?period=2026-10');
    await screen.findByRole('region', { name: 'By channel' });
    fireEvent.change(screen.getByLabelText('Metric'), { target: { value: 'fcr' } });
    await waitFor(() => expect(router.state.location.search).toBe('?period=2026-10&metric=fcr'));
    expect(await screen.findByText('26.4%–36.4%')).toBeInTheDocument();
    expect(asked).toEqual(['nps', 'fcr']);
  });

  it('outside the scope: not in your scope, no data; an error offers a retry', async () => {
    server.use(graphql.query('Breakdowns', () => HttpResponse.json({ data: { unit: null, metrics: [] }, errors: [{ message: 'Unit 3 not found.', extensions: { code: 'NOT_FOUND' } }] })));
    renderRoute(route, '/units/3/breakdowns?period=2026-10');
    expect(await screen.findByRole('heading', { name: 'Not in your scope' })).toBeInTheDocument();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('reads in Chinese: headings, keys and months', async () => {
    server.use(graphql.query('Breakdowns', () => HttpResponse.json({ data: answer })));
    renderRoute(route, '/units/7/breakdowns?period=2026-10');
    await screen.findByRole('region', { name: 'By channel' });
    await i18n.changeLanguage('zh-CN');
    expect(await screen.findByRole('region', { name: '按渠道' })).toBeInTheDocument();
    expect(screen.getByRole('table', { name: /^2026年10月按渠道的/ })).toBeInTheDocument();
    expect(screen.getByRole('rowheader', { name: '电话' })).toBeInTheDocument();
  });
});
