import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { graphql, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { metricCatalogue } from '../../../testing/fixtures';
import { server, setupMswServer } from '../../../testing/msw';
import { renderRoute } from '../../../testing/render';
import { CascadeRoute } from './cascade';

setupMswServer();
const route = { path: '/units/:unit/cascade', element: <CascadeRoute /> };
const values = (nps: number) => ({ nps: { value: nps, n: 120, suppressed: false }, csat: { value: 70, n: 80, suppressed: false }, ces: null, fcr: null, sla: null });
const unit = (id: string, name: string, kind: string, kids: string[] = []) => ({ id, code: `U-${id}`, name, kind, ...values(Number(id) * 10), children: kids.map((k) => ({ id: k })) });

const tree: Record<string, { self: ReturnType<typeof unit>; children: ReturnType<typeof unit>[] }> = {
  '1': { self: unit('1', 'Northwind Group', 'COMPANY', ['2', '3']), children: [unit('2', 'Customer Care', 'DIVISION', ['4']), unit('3', 'Retail', 'DIVISION')] },
  '2': { self: unit('2', 'Customer Care', 'DIVISION', ['4']), children: [unit('4', 'Acme Contact', 'PARTNER')] },
};

function answer(id: string) {
  const level = tree[id];
  return {
    unit: {
      ...level.self,
      breadcrumb: [],
      children: level.children,
      scorecard: {
        kpis: [
          {
            kpi: { metric: { code: 'nps' }, valueUnit: 'SCORE', sliceDimension: null },
            actual: 1,
            status: 'ON_TRACK',
            n: 100,
            suppressed: false,
            children: level.children.map((c) => ({
              kpi: { unit: { id: c.id }, metric: { code: 'nps' }, valueUnit: 'SCORE', sliceDimension: null },
              actual: 1,
              status: 'OFF_TRACK',
              n: 10,
              suppressed: false,
            })),
          },
        ],
      },
    },
    metrics: metricCatalogue,
  };
}

describe('cascade tree', () => {
  it('starts with the unit open, shows a heat map per row, and loads a level only when it is expanded', async () => {
    const asked: string[] = [];
    server.use(graphql.query('CascadeLevel', ({ variables }) => (asked.push(variables.unit), HttpResponse.json({ data: answer(variables.unit) }))));
    const { router } = renderRoute(route, '/units/1/cascade?period=2026-10');

    const tree = await screen.findByRole('treegrid', { name: 'Organisation cascade' });
    const care = within(tree).getByRole('row', { name: /Customer Care/ });
    expect(care).toHaveAttribute('aria-level', '2');
    expect(care).toHaveAttribute('aria-expanded', 'false');
    expect(care).toHaveTextContent('20.0'); // NPS of unit 2, one decimal
    expect(care).toHaveTextContent('Off track'); // status from its KPI, also as text
    expect(asked).toEqual(['1']);

    fireEvent.click(within(care).getByRole('button', { name: 'Expand Customer Care' }));

    const acme = await within(tree).findByRole('row', { name: /Acme Contact/ });
    expect(acme).toHaveAttribute('aria-level', '3');
    expect(asked).toEqual(['1', '2']);
    expect(router.state.location.search).toContain('open=1%2C2');
  });

  it('is driven by the keyboard: arrows move and expand, Enter opens the scorecard', async () => {
    server.use(graphql.query('CascadeLevel', ({ variables }) => HttpResponse.json({ data: answer(variables.unit) })));
    const { router } = renderRoute(route, '/units/1/cascade?period=2026-10', [{ path: '/units/:unit/scorecard', element: <p>scorecard page</p> }]);
    const tree = await screen.findByRole('treegrid');
    const rows = () => within(tree).getAllByRole('row').filter((r) => r.hasAttribute('aria-level'));

    rows()[0].focus();
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    expect(document.activeElement).toHaveTextContent('Customer Care');
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowRight' });
    await within(tree).findByRole('row', { name: /Acme Contact/ });
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowRight' });
    expect(document.activeElement).toHaveTextContent('Acme Contact');
    fireEvent.keyDown(document.activeElement!, { key: 'Enter' });

    await waitFor(() => expect(router.state.location.pathname).toBe('/units/4/scorecard'));
    expect(router.state.location.search).toBe('?period=2026-10');
  });

  it('a period without responses says so with the link to the latest month with data, and no tree of dashes', async () => {
    const empty = answer('1');
    for (const metric of ['nps', 'csat'] as const) empty.unit[metric] = { value: null, n: 0, suppressed: false } as never;
    empty.unit.children = empty.unit.children.map((c) => ({ ...c, nps: { value: null, n: 0, suppressed: false }, csat: { value: null, n: 0, suppressed: false } }) as never);
    server.use(graphql.query('CascadeLevel', () => HttpResponse.json({ data: empty })));
    renderRoute(route, '/units/1/cascade?period=2026-12&open=1');

    expect(await screen.findByText('No responses in December 2026.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to the latest month with responses' })).toHaveAttribute('href', `/?next=${encodeURIComponent('/units/1/cascade?open=1')}`);
    expect(screen.queryByRole('treegrid')).not.toBeInTheDocument();
  });

  it('a unit outside the scope shows the not-in-your-scope page', async () => {
    server.use(graphql.query('CascadeLevel', () => HttpResponse.json({ data: null, errors: [{ message: 'not found', extensions: { code: 'NOT_FOUND' } }] })));
    renderRoute(route, '/units/2/cascade?period=2026-10');
    expect(await screen.findByTestId('out-of-scope')).toHaveTextContent('Not in your scope');
  });
});
