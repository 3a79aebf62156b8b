import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { graphql, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { i18n } from '../../../lib/i18n';
import { saveSession } from '../../../lib/session';
import { metricCatalogue } from '../../../testing/fixtures';
import { server, setupMswServer } from '../../../testing/msw';
import { renderRoute } from '../../../testing/render';
import { KpiAdminRoute } from './kpi-admin';

setupMswServer();
const route = { path: '/units/:unit/kpis', element: <KpiAdminRoute /> };

const kpi = (id: string, metric: string, o: Partial<{ kind: string; targets: { periodStart: string; target: number }[]; checkins: unknown[] }> = {}) => ({
  id,
  metric: { code: metric, name: metric.toUpperCase() },
  kind: o.kind ?? 'OUTCOME',
  valueUnit: 'PERCENT',
  sliceDimension: null,
  sliceValue: null,
  weight: 1,
  shared: false,
  owner: null,
  parent: null,
  statusRule: [{ status: 'ON_TRACK', measure: 'PERCENT_OF_TARGET', min: 100, max: null }],
  targets: o.targets ?? [],
  checkins: o.checkins ?? [],
});
const answer = (kpis = [kpi('41', 'csat', { targets: [{ periodStart: '2026-01-01', target: 70 }] })]) => ({
  unit: {
    id: '7',
    code: 'DEP-CARE-CONTACT',
    name: 'Contact Centre',
    breadcrumb: [],
    parent: { id: '3', name: 'Customer Care', kpis: [{ id: '30', metric: { code: 'csat', name: 'CSAT' }, sliceDimension: null, sliceValue: null }] },
    kpis,
  },
  metrics: metricCatalogue,
});
const asAnalyst = () => saveSession({ token: 'test-token', persona: 'analyst', name: 'Ana Analyst', role: 'analyst' });

describe('KPI admin', () => {
  it('creates a KPI and shows each refused field at its field, with nothing saved', async () => {
    const sent: unknown[] = [];
    let calls = 0;
    server.use(
      graphql.query('KpiAdmin', () => HttpResponse.json({ data: answer() })),
      graphql.mutation('CreateKpi', ({ variables }) => {
        sent.push(variables.input);
        return ++calls === 1
          ? HttpResponse.json({
              data: null,
              errors: [
                { message: 'input.weight: must be greater than 0 and at most 100', extensions: { code: 'BAD_USER_INPUT', field: 'input.weight' } },
                { message: 'input.metric: the unit already has a KPI on this metric and slice', extensions: { code: 'BAD_USER_INPUT', field: 'input.metric' } },
              ],
            })
          : HttpResponse.json({ data: { createKpi: { id: '99' } } });
      }),
    );
    const { router } = renderRoute(route, '/units/7/kpis?kpi=new');
    asAnalyst();
    const form = await screen.findByRole('form', { name: 'New KPI' });
    fireEvent.change(within(form).getByLabelText('Metric'), { target: { value: 'fcr' } });
    fireEvent.change(within(form).getByLabelText('Weight'), { target: { value: '500' } });
    fireEvent.change(within(form).getByLabelText('Cascade parent'), { target: { value: '30' } });
    fireEvent.click(within(form).getByLabelText('Shared KPI (weighs double)'));
    fireEvent.click(within(form).getByRole('button', { name: 'Create KPI' }));

    const weight = within(form).getByLabelText('Weight');
    await waitFor(() => expect(weight).toHaveAttribute('aria-invalid', 'true'));
    expect(weight).toHaveAccessibleDescription('must be greater than 0 and at most 100');
    expect(within(form).getByLabelText('Metric')).toHaveAccessibleDescription('the unit already has a KPI on this metric and slice');
    expect(within(form).getByTestId('form-refused')).toHaveTextContent('Nothing was saved');
    expect(sent[0]).toEqual({ unit: '7', metric: 'fcr', sliceDimension: null, sliceValue: null, weight: 500, shared: true, owner: null, parent: '30' });
    expect(router.state.location.search).toBe('?kpi=new');

    fireEvent.change(weight, { target: { value: '2' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Create KPI' }));
    await waitFor(() => expect(router.state.location.search).toBe('?kpi=99'));
  });

  it('pasting a row from Excel fills the month cells; Save sends only the changed ones and a refused cell shows its error', async () => {
    const sent: { kpi: string; grain: string; targets: { periodStart: string; target: number | null }[] }[] = [];
    server.use(
      graphql.query('KpiAdmin', () => HttpResponse.json({ data: answer() })),
      graphql.mutation('SetKpiTargets', ({ variables }) => {
        sent.push(variables.input as (typeof sent)[number]);
        return HttpResponse.json({
          data: null,
          errors: [{ message: 'input.targets[3].value: 120 is above the metric\u2019s maximum 100', extensions: { code: 'BAD_USER_INPUT', field: 'input.targets[3].value' } }],
        });
      }),
    );
    renderRoute(route, '/units/7/kpis?kpi=41&year=2026');
    asAnalyst();
    const grid = await screen.findByRole('group', { name: 'Targets for 2026' });
    const feb = within(grid).getByLabelText('Feb 2026');
    fireEvent.paste(feb, { clipboardData: { getData: () => '71\t72,5\t120\t 74 %\r\n' } });
    expect((within(grid).getByLabelText('Jan 2026') as HTMLInputElement).value).toBe('70');
    expect(['Feb 2026', 'Mar 2026', 'Apr 2026', 'May 2026'].map((m) => (within(grid).getByLabelText(m) as HTMLInputElement).value)).toEqual(['71', '72,5', '120', '74 %']);
    fireEvent.change(within(grid).getByLabelText('Jan 2026'), { target: { value: '' } });

    fireEvent.click(screen.getByRole('button', { name: 'Save targets' }));
    await screen.findByTestId('targets-refused');
    expect(sent[0]).toEqual({
      kpi: '41',
      grain: 'MONTH',
      targets: [
        { periodStart: '2026-01-01', target: null },
        { periodStart: '2026-02-01', target: 71 },
        { periodStart: '2026-03-01', target: 72.5 },
        { periodStart: '2026-04-01', target: 120 },
        { periodStart: '2026-05-01', target: 74 },
      ],
    });
    // targets[3] of the call is the fourth changed cell (January, emptied, is the first): April.
    expect(within(grid).getByLabelText('Apr 2026')).toHaveAccessibleDescription('120 is above the metric\u2019s maximum 100');
    expect(within(grid).getByLabelText('Mar 2026')).toHaveAttribute('aria-invalid', 'false');
  });

  it('a cell that is not a number is refused before anything is sent', async () => {
    let calls = 0;
    server.use(
      graphql.query('KpiAdmin', () => HttpResponse.json({ data: answer() })),
      graphql.mutation('SetKpiTargets', () => (calls++, HttpResponse.json({ data: { setKpiTargets: [] } }))),
    );
    renderRoute(route, '/units/7/kpis?kpi=41&year=2026');
    asAnalyst();
    const grid = await screen.findByRole('group', { name: 'Targets for 2026' });
    fireEvent.change(within(grid).getByLabelText('Jun 2026'), { target: { value: 'seventy' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save targets' }));
    expect(within(grid).getByLabelText('Jun 2026')).toHaveAccessibleDescription('Not a number');
    await new Promise((r) => setTimeout(r, 50));
    expect(calls).toBe(0);
  });

  it('a department head records check-ins but sees no KPI or target editing', async () => {
    let input: unknown;
    server.use(
      graphql.query('KpiAdmin', () => HttpResponse.json({ data: answer() })),
      graphql.mutation('RecordCheckin', ({ variables }) => ((input = variables.input), HttpResponse.json({ data: { recordCheckin: { id: '5' } } }))),
    );
    renderRoute(route, '/units/7/kpis?kpi=41');
    saveSession({ token: 'test-token', persona: 'department_head', name: 'Dana Head', role: 'department_head' });
    const form = await screen.findByRole('form', { name: 'New check-in' });
    expect(screen.queryByRole('form', { name: 'Edit KPI' })).toBeNull();
    expect(screen.queryByRole('group', { name: /Targets/ })).toBeNull();
    expect(screen.queryByRole('link', { name: 'New KPI' })).toBeNull();
    fireEvent.change(within(form).getByLabelText('Month'), { target: { value: '2026-10' } });
    fireEvent.change(within(form).getByLabelText('Status'), { target: { value: 'AT_RISK' } });
    fireEvent.change(within(form).getByLabelText('Note'), { target: { value: 'Backlog after the outage' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Record check-in' }));
    expect(await within(form).findByRole('status')).toHaveTextContent('Saved.');
    expect(input).toEqual({ kpi: '41', periodStart: '2026-10-01', status: 'AT_RISK', note: 'Backlog after the outage' });
  });

  it('out of scope shows no data; the list reads in Chinese', async () => {
    server.use(graphql.query('KpiAdmin', ({ variables }) => (variables.unit === '3' ? HttpResponse.json({ data: { unit: null, metrics: [] }, errors: [{ message: 'nf', extensions: { code: 'NOT_FOUND' } }] }) : HttpResponse.json({ data: answer() }))));
    renderRoute(route, '/units/3/kpis');
    expect(await screen.findByRole('heading', { name: 'Not in your scope' })).toBeInTheDocument();
    await i18n.changeLanguage('zh-CN');
    expect(await screen.findByRole('heading', { name: '不在您的权限范围内' })).toBeInTheDocument();
  });
});
