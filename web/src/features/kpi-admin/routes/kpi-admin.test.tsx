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
  defaultStatusRule: false,
  statusRule: [{ status: 'ON_TRACK', measure: 'PERCENT_OF_TARGET', min: 100, max: null }] as { status: string; measure: string; min: number | null; max: number | null }[],
  targets: o.targets ?? [],
  checkins: o.checkins ?? [],
});
const defaultConditions = [
  { status: 'ON_TRACK', measure: 'PERCENT_OF_TARGET', min: 100, max: null },
  { status: 'AT_RISK', measure: 'PERCENT_OF_TARGET', min: 95, max: null },
  { status: 'OFF_TRACK', measure: 'ALWAYS', min: null, max: null },
];
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
    const sent: Record<string, unknown>[] = [];
    let calls = 0;
    server.use(
      graphql.query('KpiAdmin', () => HttpResponse.json({ data: answer() })),
      graphql.mutation('SaveKpi', ({ variables }) => {
        sent.push(variables.input as Record<string, unknown>);
        return ++calls === 1
          ? HttpResponse.json({
              data: null,
              errors: [
                { message: 'input.weight: must be greater than 0 and at most 100', extensions: { code: 'BAD_USER_INPUT', field: 'input.weight' } },
                { message: 'input.metric: the unit already has a KPI on this metric and slice', extensions: { code: 'BAD_USER_INPUT', field: 'input.metric' } },
              ],
            })
          : HttpResponse.json({ data: { saveKpi: { ...kpi('99', 'fcr'), defaultStatusRule: true } } });
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
    // One call with everything: the KPI, no rule of its own (the default), and no target changed.
    expect(sent[0]).toEqual({
      unit: '7', metric: 'fcr', sliceDimension: null, sliceValue: null, weight: 500, shared: true, owner: null, parent: '30', targetGrain: 'MONTH', targets: [],
    });
    expect(router.state.location.search).toBe('?kpi=new');

    fireEvent.change(weight, { target: { value: '2' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Create KPI' }));
    await waitFor(() => expect(router.state.location.search).toBe('?kpi=99'));
  });

  it('pasting a row from Excel fills the month cells; one Save sends the KPI with only the changed cells, and a refused cell shows its error', async () => {
    const sent: Record<string, unknown>[] = [];
    const operations: string[] = [];
    server.use(
      graphql.query('KpiAdmin', () => HttpResponse.json({ data: answer() })),
      graphql.mutation('SaveKpi', ({ variables }) => {
        sent.push(variables.input as Record<string, unknown>);
        return HttpResponse.json({
          data: null,
          errors: [{ message: 'input.targets[3].value: 120 is above the metric\u2019s maximum 100', extensions: { code: 'BAD_USER_INPUT', field: 'input.targets[3].value' } }],
        });
      }),
      // anything else the screen might send (a second call would half-save)
      graphql.operation(({ operationName }) => (operations.push(operationName), HttpResponse.json({ data: null }))),
    );
    renderRoute(route, '/units/7/kpis?kpi=41&year=2026');
    asAnalyst();
    const form = await screen.findByRole('form', { name: 'Edit KPI' });
    const grid = within(form).getByRole('group', { name: 'Targets for 2026' });
    const feb = within(grid).getByLabelText('Feb 2026');
    fireEvent.paste(feb, { clipboardData: { getData: () => '71\t72,5\t120\t 74 %\r\n' } });
    expect((within(grid).getByLabelText('Jan 2026') as HTMLInputElement).value).toBe('70');
    expect(['Feb 2026', 'Mar 2026', 'Apr 2026', 'May 2026'].map((m) => (within(grid).getByLabelText(m) as HTMLInputElement).value)).toEqual(['71', '72,5', '120', '74 %']);
    fireEvent.change(within(grid).getByLabelText('Jan 2026'), { target: { value: '' } });
    fireEvent.change(within(form).getByLabelText('Weight'), { target: { value: '2,5' } });

    fireEvent.click(within(form).getByRole('button', { name: 'Save KPI' }));
    await within(form).findByTestId('form-refused');
    expect(sent).toHaveLength(1);
    expect(sent[0]).toEqual({
      id: '41',
      weight: 2.5,
      shared: false,
      owner: null,
      parent: null,
      clearParent: false,
      targetGrain: 'MONTH',
      targets: [
        { periodStart: '2026-01-01', target: null },
        { periodStart: '2026-02-01', target: 71 },
        { periodStart: '2026-03-01', target: 72.5 },
        { periodStart: '2026-04-01', target: 120 },
        { periodStart: '2026-05-01', target: 74 },
      ],
    });
    expect(operations).toEqual([]);
    // targets[3] of the call is the fourth changed cell (January, emptied, is the first): April.
    expect(within(grid).getByLabelText('Apr 2026')).toHaveAccessibleDescription('120 is above the metric\u2019s maximum 100');
    expect(within(grid).getByLabelText('Mar 2026')).toHaveAttribute('aria-invalid', 'false');
  });

  it('edits the ordered status rule (customise, add, move, remove) with each API error at its condition, and restores the default', async () => {
    const sent: Record<string, unknown>[] = [];
    server.use(
      graphql.query('KpiAdmin', () => HttpResponse.json({ data: answer([{ ...kpi('41', 'csat'), defaultStatusRule: true, statusRule: defaultConditions }, { ...kpi('42', 'nps'), defaultStatusRule: false }]) })),
      graphql.mutation('SaveKpi', ({ variables }) => {
        sent.push(variables.input as Record<string, unknown>);
        return sent.length === 1
          ? HttpResponse.json({
              data: null,
              errors: [
                { message: 'input.statusRule[1].min: min (99) is greater than max (90)', extensions: { code: 'BAD_USER_INPUT', field: 'input.statusRule[1].min' } },
                { message: "input.statusRule[3]: unreachable: an 'always' condition before it matches every value", extensions: { code: 'BAD_USER_INPUT', field: 'input.statusRule[3]' } },
              ],
            })
          : HttpResponse.json({ data: { saveKpi: { ...kpi('41', 'csat'), defaultStatusRule: false } } });
      }),
    );
    const { router } = renderRoute(route, '/units/7/kpis?kpi=41&year=2026');
    asAnalyst();
    const form = await screen.findByRole('form', { name: 'Edit KPI' });
    expect(within(form).getByTestId('rule-default')).toHaveTextContent('On track: % of target 100 – …');
    fireEvent.click(within(form).getByRole('button', { name: 'Customise the rule' }));
    expect(within(form).getByLabelText('Status of condition 3')).toHaveValue('OFF_TRACK');
    expect(within(form).getByLabelText('Min of condition 3')).toBeDisabled();

    fireEvent.change(within(form).getByLabelText('Min of condition 2'), { target: { value: '99' } });
    fireEvent.change(within(form).getByLabelText('Max of condition 2'), { target: { value: '90' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Add a condition' }));
    fireEvent.change(within(form).getByLabelText('Status of condition 4'), { target: { value: 'AT_RISK' } });
    fireEvent.change(within(form).getByLabelText('Measure of condition 4'), { target: { value: 'ACTUAL' } });
    fireEvent.change(within(form).getByLabelText('Min of condition 4'), { target: { value: '60' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Add a condition' }));
    fireEvent.click(within(form).getByRole('button', { name: 'Remove condition 5' }));
    fireEvent.click(within(form).getByRole('button', { name: 'Move condition 1 down' }));
    fireEvent.click(within(form).getByRole('button', { name: 'Move condition 2 up' }));
    fireEvent.click(within(form).getByRole('button', { name: 'Save KPI' }));

    await within(form).findByTestId('form-refused');
    expect(sent[0].statusRule).toEqual([
      { status: 'ON_TRACK', measure: 'PERCENT_OF_TARGET', min: 100, max: null },
      { status: 'AT_RISK', measure: 'PERCENT_OF_TARGET', min: 99, max: 90 },
      { status: 'OFF_TRACK', measure: 'ALWAYS', min: null, max: null },
      { status: 'AT_RISK', measure: 'ACTUAL', min: 60, max: null },
    ]);
    expect(sent[0]).not.toHaveProperty('defaultStatusRule');
    expect(within(form).getByLabelText('Min of condition 2')).toHaveAccessibleDescription('min (99) is greater than max (90)');
    expect(within(form).getByLabelText('Max of condition 2')).toHaveAttribute('aria-invalid', 'false');
    expect(within(form).getByTestId('rule-line-error-3')).toHaveTextContent("Condition 4: unreachable: an 'always' condition before it matches every value");
    expect(within(form).getByLabelText('Status of condition 4')).toHaveAccessibleDescription(/Condition 4: unreachable/);

    // A KPI with a rule of its own goes back to the default: one call with defaultStatusRule.
    await router.navigate('/units/7/kpis?kpi=42&year=2026');
    await waitFor(() => expect(screen.queryByLabelText('Min of condition 2')).toBeNull());
    const other = screen.getByRole('form', { name: 'Edit KPI' });
    expect(within(other).getByLabelText('Min of condition 1')).toHaveValue('100');
    fireEvent.click(within(other).getByRole('button', { name: 'Restore the default rule' }));
    expect(within(other).getByTestId('rule-default')).toBeInTheDocument();
    fireEvent.click(within(other).getByRole('button', { name: 'Save KPI' }));
    expect(await within(other).findByRole('status')).toHaveTextContent('Saved.');
    expect(sent[1]).toMatchObject({ id: '42', defaultStatusRule: true, targets: [] });
    expect(sent[1]).not.toHaveProperty('statusRule');
  });

  it('a cell or a bound that is not a number is refused before anything is sent', async () => {
    let calls = 0;
    server.use(
      graphql.query('KpiAdmin', () => HttpResponse.json({ data: answer() })),
      graphql.mutation('SaveKpi', () => (calls++, HttpResponse.json({ data: { saveKpi: kpi('41', 'csat') } }))),
    );
    renderRoute(route, '/units/7/kpis?kpi=41&year=2026');
    asAnalyst();
    const form = await screen.findByRole('form', { name: 'Edit KPI' });
    const grid = within(form).getByRole('group', { name: 'Targets for 2026' });
    fireEvent.change(within(grid).getByLabelText('Jun 2026'), { target: { value: 'seventy' } });
    fireEvent.change(within(form).getByLabelText('Max of condition 1'), { target: { value: 'lots' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save KPI' }));
    expect(within(grid).getByLabelText('Jun 2026')).toHaveAccessibleDescription('Not a number');
    expect(within(form).getByLabelText('Max of condition 1')).toHaveAccessibleDescription('Not a number');
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
    expect(screen.queryByRole('group', { name: 'Status rule' })).toBeNull();
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
