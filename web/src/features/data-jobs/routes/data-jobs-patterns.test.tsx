import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { i18n } from '../../../lib/i18n';
import { saveSession } from '../../../lib/session';
import { server, setupMswServer } from '../../../testing/msw';
import { renderRoute } from '../../../testing/render';
import { DataJobsRoute } from './data-jobs';

setupMswServer();
const route = { path: '/data', element: <DataJobsRoute /> };
const asAnalyst = () => saveSession({ token: 't', persona: 'analyst', name: 'Ana', role: 'analyst' });
const rollup = { id: 40, job: 'rollup-refresh', scope: 'incremental; 2 day(s)', node: 'n1', startedAt: '2026-12-05T10:00:00Z', finishedAt: '2026-12-05T10:00:02Z', rowsRead: 12, cellsWritten: 480, outcome: 'succeeded', error: null, progress: null };
// As FloorPatternRounds writes them (FloorPatternWarmerLoopTests reads the same scope text from job_run).
const patterns = [
  { id: 43, job: 'privacy-patterns', scope: null, node: 'api-2:77', startedAt: '2026-12-05T10:00:04Z', finishedAt: null, rowsRead: null, cellsWritten: null, outcome: 'running', error: null, progress: null },
  { id: 42, job: 'privacy-patterns', scope: null, node: 'api-1:51', startedAt: '2026-12-05T10:00:03Z', finishedAt: '2026-12-05T10:00:03Z', rowsRead: null, cellsWritten: null, outcome: 'failed', error: 'NpgsqlException: Exception while reading from stream', progress: null },
  { id: 41, job: 'privacy-patterns', scope: '14 target(s); 11 built; 3 already ready; rollup version 2026-12-05T10:00:02.5000000Z', node: 'api-1:51', startedAt: '2026-12-05T10:00:03Z', finishedAt: '2026-12-05T10:01:10Z', rowsRead: null, cellsWritten: null, outcome: 'succeeded', error: null, progress: null },
];

describe('data and jobs: privacy pattern builds', () => {
  it('are listed beside the rollup runs with node, duration, patterns built and ready, the cells they are for, and errors, in the reader\'s language', async () => {
    const asked: string[] = [];
    server.use(
      http.get('*/api/rollups/runs', ({ request }) => {
        const q = new URL(request.url).searchParams;
        asked.push(`job=${q.get('job') ?? ''} except=${q.get('except') ?? ''}`);
        return HttpResponse.json(q.get('job') === 'privacy-patterns' ? patterns : [rollup]);
      }),
    );
    renderRoute(route, '/data');
    asAnalyst();
    const table = await screen.findByRole('table', { name: 'Privacy pattern builds' });
    expect(screen.getByRole('heading', { name: 'Privacy pattern builds' })).toBeInTheDocument();
    const row = (id: number) => within(table).getAllByRole('row').find((r) => r.getAttribute('data-pattern-run') === String(id))!;
    expect(row(41)).toHaveTextContent('api-1:51');
    expect(row(41)).toHaveTextContent('succeeded');
    expect(row(41)).toHaveTextContent('1m 7s');
    expect(row(41)).toHaveTextContent('11 built, 3 already ready (14 embed and partner scopes)');
    expect(row(41)).toHaveTextContent('Dec 5, 2026');
    expect(row(41)).not.toHaveTextContent('target(s)');
    expect(row(42)).toHaveTextContent('failed');
    expect(row(42)).toHaveTextContent('NpgsqlException: Exception while reading from stream');
    expect(row(43)).toHaveTextContent('running');
    expect(row(43)).toHaveTextContent('building…');
    // the rollup table has the rollup run only; each list asked for its own jobs
    const rollups = screen.getByRole('table', { name: 'Rollup runs' });
    expect(within(rollups).getAllByRole('row')).toHaveLength(2);
    expect(asked).toEqual(expect.arrayContaining(['job= except=privacy-patterns', 'job=privacy-patterns except=']));

    await i18n.changeLanguage('zh-CN');
    try {
      const zh = await screen.findByRole('table', { name: '隐私模式构建' });
      await waitFor(() => expect(within(zh).getAllByRole('row')[3]).toHaveTextContent('构建 11 个，已就绪 3 个（14 个嵌入和合作伙伴范围）'));
    } finally {
      await i18n.changeLanguage('en');
    }
  });

  it('with none yet, says when the first build comes', async () => {
    server.use(http.get('*/api/rollups/runs', ({ request }) => HttpResponse.json(new URL(request.url).searchParams.get('job') ? [] : [rollup])));
    renderRoute(route, '/data');
    asAnalyst();
    expect(await screen.findByText(/No privacy pattern has been built yet: the first build follows the first rollup run/)).toBeInTheDocument();
    expect(screen.queryByRole('table', { name: 'Privacy pattern builds' })).toBeNull();
  });
});
