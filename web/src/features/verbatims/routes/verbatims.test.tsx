import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { graphql, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { i18n } from '../../../lib/i18n';
import { server, setupMswServer } from '../../../testing/msw';
import { renderRoute } from '../../../testing/render';
import { VerbatimsRoute } from './verbatims';

setupMswServer();
const route = { path: '/units/:unit/verbatims', element: <VerbatimsRoute /> };

/** 45 comments, newest first, served 20 at a time after a cursor: the API's keyset paging, in miniature. */
const all = Array.from({ length: 45 }, (_, i) => ({
  id: `r${i + 1}`,
  respondedAt: `2026-10-${String(28 - Math.floor(i / 2)).padStart(2, '0')}T10:00:00Z`,
  unit: { code: 'TEAM-A', name: 'Team A' },
  channel: i % 2 ? 'chat' : 'phone',
  journeyStage: 'service',
  segment: 'consumer',
  nps: (i % 3 === 0 ? 3 : 9) as number | null,
  csat: 2 as number | null,
  ces: null,
  npsBand: i % 3 === 0 ? 'DETRACTOR' : 'PROMOTER',
  csatBand: 'DISSATISFIED',
  cesBand: null,
  comment: `Comment number ${i + 1}`,
  cursor: `c${i + 1}`,
}));

function page(after: string | null) {
  const start = after ? Number(after.slice(1)) : 0;
  const items = all.slice(start, start + 20);
  return {
    unit: {
      id: '7',
      code: 'DEP-CARE-CONTACT',
      name: 'Contact Centre',
      breadcrumb: [],
      nps: { n: 412 },
      csat: { n: 398 },
      ces: { n: 120 },
      verbatims: { items, hasNextPage: start + 20 < all.length, endCursor: items.length ? items[items.length - 1].cursor : null },
    },
  };
}

const items = () => document.querySelectorAll<HTMLElement>('ol.verbatims > li.verbatim');
const comments = () => Array.from(items()).map((li) => li.getAttribute('data-id'));

describe('verbatims', () => {
  it('pages through with the cursor trail in the URL: no duplicates, no gaps, back to newer pages', async () => {
    const asked: unknown[] = [];
    server.use(graphql.query('Verbatims', ({ variables }) => (asked.push(variables), HttpResponse.json({ data: page((variables.after as string) ?? null) }))));
    const { router } = renderRoute(route, '/units/7/verbatims?period=2026-10');

    await screen.findByText('Comment number 1');
    expect(screen.getByTestId('range')).toHaveTextContent('Comments 1–20');
    const seen = [...comments()];
    const older = screen.getByRole('button', { name: 'Older →' });
    expect(screen.getByRole('button', { name: '← Newer' })).toBeDisabled();

    fireEvent.click(older);
    await screen.findByText('Comment number 21');
    expect(router.state.location.search).toBe('?period=2026-10&after=c20');
    expect(screen.getByTestId('range')).toHaveTextContent('Comments 21–40');
    seen.push(...comments());
    fireEvent.click(screen.getByRole('button', { name: 'Older →' }));
    await screen.findByText('Comment number 41');
    expect(router.state.location.search).toBe('?period=2026-10&after=c20&after=c40');
    seen.push(...comments());
    expect(screen.getByRole('button', { name: 'Older →' })).toBeDisabled();
    expect(seen).toEqual(all.map((c) => c.id));

    fireEvent.click(screen.getByRole('button', { name: '← Newer' }));
    await screen.findByText('Comment number 21');
    expect(router.state.location.search).toBe('?period=2026-10&after=c20');
    expect(asked).toContainEqual({ unit: '7', period: '2026-10', band: 'ALL', slices: null, after: 'c40' });
  });

  it('shows the scores as bands with their words, and numbers only when the API gives them', async () => {
    server.use(
      graphql.query('Verbatims', () => {
        const p = page(null);
        p.unit.verbatims.items = [{ ...all[0], nps: null, csat: null }, all[1]];
        p.unit.verbatims.hasNextPage = false;
        return HttpResponse.json({ data: p });
      }),
    );
    renderRoute(route, '/units/7/verbatims?period=2026-10');
    await screen.findByText('Comment number 2');
    const [first, second] = Array.from(items());
    expect(within(first).getByTestId('nps-band')).toHaveTextContent(/^Detractor$/);
    expect(within(first).getByTestId('csat-band')).toHaveTextContent(/^Dissatisfied$/);
    expect(within(second).getByTestId('nps-band')).toHaveTextContent('Promoter (9/10)');
    expect(within(second).queryByTestId('ces-band')).toBeNull();
    expect(second).toHaveTextContent('Team A · Chat · Service · Consumer');
  });

  it('band, channel, stage and segment combine: each goes into the URL, all are sent together, and the cursor resets', async () => {
    const asked: Record<string, unknown>[] = [];
    server.use(graphql.query('Verbatims', ({ variables }) => (asked.push(variables), HttpResponse.json({ data: page((variables.after as string) ?? null) }))));
    const { router } = renderRoute(route, '/units/7/verbatims?period=2026-10&after=c20');
    await screen.findByText('Comment number 21');

    fireEvent.change(screen.getByLabelText('Score band'), { target: { value: 'CSAT_DISSATISFIED' } });
    await waitFor(() => expect(router.state.location.search).toBe('?period=2026-10&band=CSAT_DISSATISFIED'));
    fireEvent.click(await screen.findByRole('button', { name: 'Older →' }));
    await waitFor(() => expect(router.state.location.search).toBe('?period=2026-10&band=CSAT_DISSATISFIED&after=c20'));

    fireEvent.change(screen.getByRole('combobox', { name: 'Channel' }), { target: { value: 'phone' } });
    await waitFor(() => expect(router.state.location.search).toBe('?period=2026-10&band=CSAT_DISSATISFIED&channel=phone'));
    fireEvent.change(screen.getByRole('combobox', { name: 'Journey stage' }), { target: { value: 'onboarding' } });
    await waitFor(() => expect(router.state.location.search).toBe('?period=2026-10&band=CSAT_DISSATISFIED&channel=phone&stage=onboarding'));
    fireEvent.change(screen.getByRole('combobox', { name: 'Segment' }), { target: { value: 'small_business' } });
    await waitFor(() =>
      expect(router.state.location.search).toBe('?period=2026-10&band=CSAT_DISSATISFIED&channel=phone&stage=onboarding&segment=small_business'),
    );
    await waitFor(() =>
      expect(asked[asked.length - 1]).toEqual({
        unit: '7',
        period: '2026-10',
        band: 'CSAT_DISSATISFIED',
        slices: [
          { dimension: 'CHANNEL', value: 'phone' },
          { dimension: 'JOURNEY_STAGE', value: 'onboarding' },
          { dimension: 'SEGMENT', value: 'small_business' },
        ],
        after: null,
      }),
    );
    expect(asked).toContainEqual({ unit: '7', period: '2026-10', band: 'CSAT_DISSATISFIED', slices: [{ dimension: 'CHANNEL', value: 'phone' }, { dimension: 'JOURNEY_STAGE', value: 'onboarding' }], after: null });

    // Clearing one keeps the others.
    fireEvent.change(screen.getByRole('combobox', { name: 'Channel' }), { target: { value: '' } });
    await waitFor(() => expect(router.state.location.search).toBe('?period=2026-10&band=CSAT_DISSATISFIED&stage=onboarding&segment=small_business'));
    await waitFor(() =>
      expect(asked[asked.length - 1]).toMatchObject({ slices: [{ dimension: 'JOURNEY_STAGE', value: 'onboarding' }, { dimension: 'SEGMENT', value: 'small_business' }], after: null }),
    );
  });

  it('a link with filters restores every select and asks for them together, a page further on included', async () => {
    const asked: Record<string, unknown>[] = [];
    server.use(graphql.query('Verbatims', ({ variables }) => (asked.push(variables), HttpResponse.json({ data: page((variables.after as string) ?? null) }))));
    renderRoute(route, '/units/7/verbatims?period=2026-10&band=NPS_DETRACTORS&channel=chat&stage=renewal&segment=premium&after=c20');
    await screen.findByText('Comment number 21');
    expect(screen.getByRole('combobox', { name: 'Score band' })).toHaveValue('NPS_DETRACTORS');
    expect(screen.getByRole('combobox', { name: 'Channel' })).toHaveValue('chat');
    expect(screen.getByRole('combobox', { name: 'Journey stage' })).toHaveValue('renewal');
    expect(screen.getByRole('combobox', { name: 'Segment' })).toHaveValue('premium');
    expect(screen.getByRole('group', { name: 'Filters' })).toBeInTheDocument();
    expect(asked[0]).toEqual({
      unit: '7',
      period: '2026-10',
      band: 'NPS_DETRACTORS',
      slices: [
        { dimension: 'CHANNEL', value: 'chat' },
        { dimension: 'JOURNEY_STAGE', value: 'renewal' },
        { dimension: 'SEGMENT', value: 'premium' },
      ],
      after: 'c20',
    });
  });

  it('an older link with ?slice= opens with that one filter, and an unknown value is left out', async () => {
    const asked: Record<string, unknown>[] = [];
    server.use(graphql.query('Verbatims', ({ variables }) => (asked.push(variables), HttpResponse.json({ data: page(null) }))));
    const { router } = renderRoute(route, '/units/7/verbatims?period=2026-10&slice=journey_stage%3Aonboarding&channel=fax');
    await screen.findByText('Comment number 1');
    expect(screen.getByRole('combobox', { name: 'Journey stage' })).toHaveValue('onboarding');
    expect(screen.getByRole('combobox', { name: 'Channel' })).toHaveValue('');
    expect(asked[0]).toMatchObject({ slices: [{ dimension: 'JOURNEY_STAGE', value: 'onboarding' }] });
    fireEvent.change(screen.getByRole('combobox', { name: 'Segment' }), { target: { value: 'enterprise' } });
    await waitFor(() => expect(router.state.location.search).toBe('?period=2026-10&stage=onboarding&segment=enterprise'));
  });

  it('empty, error and out-of-scope states', async () => {
    let calls = 0;
    server.use(
      graphql.query('Verbatims', () =>
        ++calls === 1 ? HttpResponse.json({ errors: [{ message: 'statement timeout' }] }) : HttpResponse.json({ data: { unit: { ...page(null).unit, verbatims: { items: [], hasNextPage: false, endCursor: null } } } }),
      ),
    );
    renderRoute(route, '/units/7/verbatims?period=2026-10');
    const alert = await screen.findByRole('alert');
    fireEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('No comments match these filters in this period.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Older →' })).toBeDisabled();
  });

  it('a period without responses says so with the link to the latest month, keeping the filters', async () => {
    const none = { ...page(null).unit, nps: { n: 0 }, csat: { n: 0 }, ces: { n: 0 }, verbatims: { items: [], hasNextPage: false, endCursor: null } };
    server.use(graphql.query('Verbatims', () => HttpResponse.json({ data: { unit: none } })));
    renderRoute(route, '/units/7/verbatims?period=2026-12&band=NPS_DETRACTORS');

    expect(await screen.findByText('No responses in December 2026.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to the latest month with responses' })).toHaveAttribute('href', `/?next=${encodeURIComponent('/units/7/verbatims?band=NPS_DETRACTORS')}`);
    expect(screen.queryByText('No comments match these filters in this period.')).not.toBeInTheDocument();
  });

  it('a unit outside the scope shows no comments', async () => {
    server.use(graphql.query('Verbatims', () => HttpResponse.json({ data: { unit: null }, errors: [{ message: 'not found', extensions: { code: 'NOT_FOUND' } }] })));
    renderRoute(route, '/units/3/verbatims?period=2026-10');
    expect(await screen.findByRole('heading', { name: 'Not in your scope' })).toBeInTheDocument();
    expect(screen.queryByRole('list', { name: 'Comments' })).toBeNull();
  });

  it('reads in Chinese', async () => {
    server.use(graphql.query('Verbatims', () => HttpResponse.json({ data: page(null) })));
    renderRoute(route, '/units/7/verbatims?period=2026-10');
    await screen.findByText('Comment number 1');
    await i18n.changeLanguage('zh-CN');
    expect(await screen.findByRole('heading', { level: 1 })).toHaveTextContent('客户原声：Contact Centre');
    expect(within(items()[0]).getByTestId('nps-band')).toHaveTextContent('贬损者 （3/10）');
    expect(screen.getByRole('button', { name: '较早 →' })).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: '渠道' })).toHaveDisplayValue('全部渠道');
    expect(screen.getByRole('combobox', { name: '旅程阶段' })).toHaveDisplayValue('全部阶段');
    expect(screen.getByRole('combobox', { name: '客户细分' })).toHaveDisplayValue('全部细分');
  });
});
