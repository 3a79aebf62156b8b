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

  it('says coded API errors in the reader\'s language at their field, cell and rule line; an unknown code keeps the API\'s English; a language switch re-says them', async () => {
    server.use(
      graphql.query('KpiAdmin', () => HttpResponse.json({ data: answer([kpi('41', 'nps')]) })),
      graphql.mutation('SaveKpi', () =>
        HttpResponse.json({
          data: null,
          errors: [
            {
              message: 'input.targets[0].value: 1500 is out of range: nps (score) takes values from -100 to 100',
              extensions: { code: 'BAD_USER_INPUT', field: 'input.targets[0].value', problem: 'OUT_OF_RANGE', params: { value: 1500, min: -100, max: 100, metric: 'nps', unit: 'score' } },
            },
            {
              message: 'input.weight: must be greater than 0 and at most 100',
              extensions: { code: 'BAD_USER_INPUT', field: 'input.weight', problem: 'WEIGHT_OUT_OF_RANGE', params: { value: 500, max: 100 } },
            },
            {
              message: 'input.statusRule[0]: give min, max or both (or use measure \'always\')',
              extensions: { code: 'BAD_USER_INPUT', field: 'input.statusRule[0]', problem: 'RULE_NO_BOUNDS', params: {} },
            },
            {
              message: 'input.owner: the owner must be a person in the directory',
              extensions: { code: 'BAD_USER_INPUT', field: 'input.owner', problem: 'SOMETHING_NEWER_THAN_THIS_WEB', params: { x: 1 } },
            },
          ],
        }),
      ),
    );
    renderRoute(route, '/units/7/kpis?kpi=41&year=2026');
    asAnalyst();
    await i18n.changeLanguage('zh-CN');
    const form = await screen.findByRole('form', { name: '编辑 KPI' });
    const weight = within(form).getByLabelText('权重');
    const owner = within(form).getByLabelText('负责人');
    // the first cell of the targets grid: January (its label is the month in the reader's language)
    const jan = form.querySelector<HTMLInputElement>('.targets-grid input')!;
    fireEvent.change(jan, { target: { value: '1500' } });
    fireEvent.change(weight, { target: { value: '500' } });
    fireEvent.click(within(form).getByRole('button', { name: '保存 KPI' }));

    await waitFor(() => expect(weight).toHaveAttribute('aria-invalid', 'true'));
    expect(weight).toHaveAccessibleDescription('必须大于 0 且不超过 100');
    // the number in the locale's format (1,500), the metric by its Chinese name, the unit in Chinese
    expect(jan).toHaveAccessibleDescription('1,500 超出范围：净推荐值 (NPS)（分值）的取值为 -100 到 100');
    expect(within(form).getByTestId('rule-line-error-0')).toHaveTextContent('请给出最小值、最大值或两者（或使用“始终”）');
    expect(owner).toHaveAccessibleDescription('the owner must be a person in the directory');

    await i18n.changeLanguage('en');
    await waitFor(() => expect(weight).toHaveAccessibleDescription('must be greater than 0 and at most 100'));
    expect(jan).toHaveAccessibleDescription('1,500 is out of range: NPS (score) takes values from -100 to 100');
    expect(within(form).getByTestId('rule-line-error-0')).toHaveTextContent('give min, max or both (or use measure “always”)');
    expect(owner).toHaveAccessibleDescription('the owner must be a person in the directory');
  });

  it('out of scope shows no data; the list reads in Chinese', async () => {
    server.use(graphql.query('KpiAdmin', ({ variables }) => (variables.unit === '3' ? HttpResponse.json({ data: { unit: null, metrics: [] }, errors: [{ message: 'nf', extensions: { code: 'NOT_FOUND' } }] }) : HttpResponse.json({ data: answer() }))));
    renderRoute(route, '/units/3/kpis');
    expect(await screen.findByRole('heading', { name: 'Not in your scope' })).toBeInTheDocument();
    await i18n.changeLanguage('zh-CN');
    expect(await screen.findByRole('heading', { name: '不在您的权限范围内' })).toBeInTheDocument();
  });
});
