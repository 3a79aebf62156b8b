import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { i18n } from '../../../lib/i18n';
import { saveSession } from '../../../lib/session';
import { server, setupMswServer } from '../../../testing/msw';
import { renderRoute } from '../../../testing/render';
import { DataJobsRoute } from './data-jobs';

setupMswServer();
const route = { path: '/data', element: <DataJobsRoute /> };
const asAnalyst = () => saveSession({ token: 'test-token', persona: 'analyst', name: 'Ana Analyst', role: 'analyst' });
const runs = [
  { id: 12, job: 'rollup-refresh', scope: null, node: 'n1', startedAt: '2026-11-02T10:00:00Z', finishedAt: null, rowsRead: null, cellsWritten: null, outcome: 'running', error: null, progress: null },
  { id: 11, job: 'rollup-rebuild', node: 'n1', startedAt: '2026-11-01T10:00:00Z', finishedAt: '2026-11-01T10:01:32Z', rowsRead: 59936, cellsWritten: 516808, outcome: 'succeeded', error: null, scope: 'full (org tree changed or first run); 396 day(s)' },
  { id: 10, job: 'rollup-refresh', node: 'n1', startedAt: '2026-10-31T10:00:00Z', finishedAt: '2026-10-31T10:00:05Z', rowsRead: 10, cellsWritten: 0, outcome: 'failed', error: 'disk full', scope: 'incremental; 1 day(s)' },
];
const runsHandler = http.get('*/api/rollups/runs', () => HttpResponse.json(runs));

function upload(name: string, text: string) {
  const input = screen.getByLabelText('File (CSV or JSON lines)');
  fireEvent.change(input, { target: { files: [new File([text], name, { type: 'text/csv' })] } });
  fireEvent.click(screen.getByRole('button', { name: 'Upload and import' }));
}

describe('data and jobs', () => {
  it('a rejected file shows its errors by line and column, sortable, with the sort in the URL', async () => {
    let asked: URL | null = null;
    let fileText = '';
    server.use(
      runsHandler,
      http.post('*/api/import/:kind', async ({ request }) => {
        asked = new URL(request.url);
        expect(request.headers.get('authorization')).toBe('Bearer test-token');
        fileText = await ((await request.formData()).get('file') as File).text();
        return HttpResponse.json(
          {
            title: 'The file was rejected',
            detail: '2 error(s) in r.csv; nothing was written.',
            errorCount: 2,
            rowsRead: 3,
            errors: [
              { file: 'r.csv', line: 4, column: 2, field: 'nps', reason: '11 is not 0–10' },
              { file: 'r.csv', line: 2, column: 5, field: 'channel', reason: "unknown channel 'fax'" },
            ],
          },
          { status: 422 },
        );
      }),
    );
    const { router } = renderRoute(route, '/data?kind=responses');
    asAnalyst();
    await screen.findByRole('form', { name: 'Import a file' });
    upload('r.csv', 'id,nps\n1,11\n');

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The file was rejected');
    expect(alert).toHaveTextContent('2 errors in r.csv; nothing was written. Fix them, or tick quarantine to load the good rows.');
    expect(asked!.pathname).toBe('/api/import/responses');
    expect(asked!.search).toBe('');
    expect(fileText).toBe('id,nps\n1,11\n');
    const table = screen.getByRole('table', { name: 'Errors by line and column' });
    const lines = () => within(table).getAllByTestId('line').map((c) => c.textContent);
    expect(lines()).toEqual(['2', '4']);
    expect(within(table).getAllByTestId('column').map((c) => c.textContent)).toEqual(['5', '2']);

    fireEvent.click(within(table).getByRole('button', { name: /Column/ }));
    await waitFor(() => expect(router.state.location.search).toBe('?kind=responses&sort=column'));
    expect(lines()).toEqual(['4', '2']);
    expect(within(table).getByRole('columnheader', { name: /Column/ })).toHaveAttribute('aria-sort', 'ascending');
    fireEvent.click(within(table).getByRole('button', { name: /Column/ }));
    await waitFor(() => expect(router.state.location.search).toBe('?kind=responses&sort=column&dir=desc'));
    expect(lines()).toEqual(['2', '4']);
  });

  it('with quarantine the good rows are counted and the left-out rows are a CSV to download', async () => {
    let asked: URL | null = null;
    server.use(
      runsHandler,
      http.post('*/api/import/:kind', ({ request }) => {
        asked = new URL(request.url);
        return HttpResponse.json({ kind: 'interactions', rowsRead: 3, inserted: 2, updated: 0, unchanged: 0, rejected: 1, errorCount: 1, errors: [{ file: 'i.csv', line: 3, column: 4, field: 'channel', reason: 'unknown' }], rejectedRows: [{ line: 3, text: 'x,"y",z', reasons: ['channel: unknown'] }] });
      }),
    );
    const { router } = renderRoute(route, '/data?kind=interactions');
    asAnalyst();
    fireEvent.click(await screen.findByRole('checkbox', { name: 'Quarantine bad rows (load the good ones)' }));
    await waitFor(() => expect(router.state.location.search).toBe('?kind=interactions&quarantine=1'));
    upload('i.csv', 'a\n');
    expect(await screen.findByText(/3 rows read: 2 new, 0 updated, 0 unchanged\. 1 row left out\./)).toBeInTheDocument();
    expect(asked!.pathname + asked!.search).toBe('/api/import/interactions?mode=quarantine');
    const link = screen.getByTestId('rejects-link');
    expect(link).toHaveTextContent('Download the 1 rows left out (CSV)');
    expect(link).toHaveAttribute('download', 'interactions-rejects.csv');
    const csv = decodeURIComponent(link.getAttribute('href')!.replace('data:text/csv;charset=utf-8,', ''));
    expect(csv).toBe('line,row,reasons\r\n3,"x,""y"",z","channel: unknown"\r\n');
  });

  it('says each import problem in the reader\'s language at its row from its code and params, keeps the API\'s English for an unknown code, and re-says them on a language switch', async () => {
    server.use(
      runsHandler,
      http.post('*/api/import/:kind', () =>
        HttpResponse.json({
          kind: 'responses',
          rowsRead: 4,
          inserted: 1,
          updated: 0,
          unchanged: 0,
          rejected: 3,
          errorCount: 3,
          errors: [
            { file: 'r.csv', line: 3, column: 8, field: 'nps', reason: '11 is out of range 0–10', code: 'OUT_OF_RANGE', params: { value: 11, min: 0, max: 10 } },
            { file: 'r.csv', line: 4, column: 3, field: 'unit_code', reason: "duplicate external id 'r-1' (first on line 2, which is kept)", code: 'DUPLICATE', params: { value: 'r-1', line: 2, kept: true } },
            { file: 'r.csv', line: 5, column: 9, field: 'csat', reason: 'a reason from a newer API', code: 'NEWER_THAN_THIS_WEB', params: {} },
          ],
          rejectedRows: [
            {
              line: 3,
              text: 'r-2,…,11',
              reasons: ['column 8 (nps): 11 is out of range 0–10'],
              problems: [{ file: 'r.csv', line: 3, column: 8, field: 'nps', reason: '11 is out of range 0–10', code: 'OUT_OF_RANGE', params: { value: 11, min: 0, max: 10 } }],
            },
          ],
        }),
      ),
    );
    renderRoute(route, '/data?kind=responses&quarantine=1');
    asAnalyst();
    await i18n.changeLanguage('zh-CN');
    await screen.findByRole('form', { name: '导入文件' });
    const input = screen.getByLabelText('文件（CSV 或 JSON 行）');
    fireEvent.change(input, { target: { files: [new File(['x'], 'r.csv', { type: 'text/csv' })] } });
    fireEvent.click(screen.getByRole('button', { name: '上传并导入' }));

    const table = await screen.findByRole('table', { name: '按行和列列出的错误' });
    const reasonAt = (line: number) => within(table.querySelector<HTMLElement>(`tr[data-line="${line}"]`)!).getByTestId('reason').textContent;
    expect(reasonAt(3)).toBe('11 超出范围 0–10');
    expect(reasonAt(4)).toBe('“r-1”重复（首次出现在第 2 行，该行保留）');
    expect(reasonAt(5)).toBe('a reason from a newer API');
    const csv = () => decodeURIComponent(screen.getByTestId('rejects-link').getAttribute('href')!.replace('data:text/csv;charset=utf-8,', ''));
    expect(csv()).toBe('line,row,reasons\r\n3,"r-2,…,11","第 8 列（nps）: 11 超出范围 0–10"\r\n');

    await i18n.changeLanguage('en');
    await waitFor(() => expect(reasonAt(3)).toBe('11 is out of range 0–10'));
    expect(reasonAt(4)).toBe('duplicate “r-1” (first on line 2, which is kept)');
    expect(reasonAt(5)).toBe('a reason from a newer API');
    expect(csv()).toBe('line,row,reasons\r\n3,"r-2,…,11","column 8 (nps): 11 is out of range 0–10"\r\n');
  });

  it('lists rollup runs with status, duration, rows and error, and starts a refresh', async () => {
    const posts: string[] = [];
    let state = 'enqueued';
    server.use(
      runsHandler,
      http.post('*/api/rollups/:mode', ({ params }) => {
        posts.push(params.mode as string);
        return HttpResponse.json({ enqueued: `rollup-${params.mode}`, state, status: '/api/rollups/runs' }, { status: 202 });
      }),
    );
    renderRoute(route, '/data');
    asAnalyst();
    const table = await screen.findByRole('table', { name: 'Rollup runs' });
    const row = (id: number) => within(table).getAllByRole('row').find((r) => r.getAttribute('data-run') === String(id))!;
    expect(row(11)).toHaveTextContent('succeeded');
    expect(row(11)).toHaveTextContent('1m 32s');
    expect(row(11)).toHaveTextContent('59,936');
    expect(row(11)).toHaveTextContent('516,808');
    expect(row(10)).toHaveTextContent('failed');
    expect(row(10)).toHaveTextContent('disk full');
    expect(row(12)).toHaveTextContent('running');

    fireEvent.click(screen.getByRole('button', { name: 'Start a refresh' }));
    expect(await screen.findByText('rollup-refresh queued; it starts shortly.')).toBeInTheDocument();
    state = 'already-queued';
    fireEvent.click(screen.getByRole('button', { name: 'Start a rebuild' }));
    expect(await screen.findByText('A rollup-rebuild run is already waiting; none was added.')).toBeInTheDocument();
    expect(posts).toEqual(['refresh', 'rebuild']);

    // The engine's scope and the last message are said in the reader's language, again after a switch.
    expect(row(11)).toHaveTextContent('full (org tree changed or first run); 396 days');
    expect(row(10)).toHaveTextContent('incremental; 1 day');
    expect(row(10)).not.toHaveTextContent('day(s)');
    await i18n.changeLanguage('zh-CN');
    expect(await screen.findByText('已有一个 rollup-rebuild 作业在等待，未再添加。')).toBeInTheDocument();
    await waitFor(() => expect(row(10)).toHaveTextContent('增量；1 天'));
  });

  it('a running rebuild shows its progress (steps, the step under way, rows and cells so far), polled until it ends', { timeout: 20000 }, async () => {
    const progress = (stepsDone: number, step: string, rowsRead: number, cellsWritten: number) => ({ step, stepsDone, stepsTotal: 6, rowsRead, cellsWritten, updatedAt: '2026-11-02T10:00:05Z' });
    const answers = [
      [{ ...runs[1], id: 13, finishedAt: null, rowsRead: null, cellsWritten: null, outcome: 'running', progress: progress(1, 'summing the day, week and month cells of every unit and partner, and writing the days', 59936, 0) }],
      [{ ...runs[1], id: 13, finishedAt: null, rowsRead: null, cellsWritten: null, outcome: 'running', progress: progress(2, 'building quarter cells', 59936, 401200) }],
      [{ ...runs[1], id: 13, outcome: 'succeeded', progress: progress(6, 'done', 59936, 516808) }],
    ];
    let calls = 0;
    server.use(
      http.get('*/api/rollups/runs', ({ request }) =>
        // the pattern builds' panel asks on its own (job=privacy-patterns): it does not advance the rollup's answers
        HttpResponse.json(new URL(request.url).searchParams.get('job') ? [] : answers[Math.min(calls++, answers.length - 1)]),
      ),
    );
    renderRoute(route, '/data');
    asAnalyst();
    const bar = await screen.findByRole('progressbar', { name: 'Progress of run 13' });
    expect(bar).toHaveAttribute('value', '1');
    expect(bar).toHaveAttribute('max', '6');
    const row = () => screen.getAllByRole('row').find((r) => r.getAttribute('data-run') === '13')!;
    expect(row()).toHaveTextContent('Step 2 of 6: summing the day, week and month cells of every unit and partner, and writing the days');
    expect(row()).toHaveTextContent('59,936 so far');
    // the next poll: further on
    await waitFor(() => expect(row()).toHaveTextContent('Step 3 of 6: building quarter cells'), { timeout: 8000 });
    expect(screen.getByRole('progressbar', { name: 'Progress of run 13' })).toHaveAttribute('value', '2');
    expect(row()).toHaveTextContent('401,200 so far');
    // ended: no bar, the run's own counts
    await waitFor(() => expect(row()).toHaveTextContent('succeeded'), { timeout: 8000 });
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(row()).toHaveTextContent('516,808');
    expect(row()).not.toHaveTextContent('so far');
  });

  it('a running refresh names its steps by what they do (the change log summed, then added above), in the reader\'s language', { timeout: 20000 }, async () => {
    // The names IncrementalRefresh gives its three steps.
    const progress = (stepsDone: number, step: string) => ({ step, stepsDone, stepsTotal: 3, rowsRead: 0, cellsWritten: 0, updatedAt: '2026-11-02T10:00:05Z' });
    const answers = [
      [{ ...runs[0], progress: progress(0, 'summing the changed rows of 2 day(s)') }],
      [{ ...runs[0], progress: progress(1, 'adding the change to the units and partners above, every grain') }],
      [{ ...runs[0], progress: progress(2, 'adding the change to the driver cells') }],
    ];
    let calls = 0;
    server.use(
      http.get('*/api/rollups/runs', ({ request }) =>
        // the pattern builds' panel asks on its own (job=privacy-patterns): it does not advance the rollup's answers
        HttpResponse.json(new URL(request.url).searchParams.get('job') ? [] : answers[Math.min(calls++, answers.length - 1)]),
      ),
    );
    renderRoute(route, '/data');
    asAnalyst();
    const row = () => screen.getAllByRole('row').find((r) => r.getAttribute('data-run') === '12')!;
    await waitFor(() => expect(row()).toHaveTextContent('Step 1 of 3: summing the changed rows of 2 days'));
    expect(row()).not.toHaveTextContent('day(s)');
    await waitFor(() => expect(row()).toHaveTextContent('Step 2 of 3: adding the change to the units and partners above, every grain'), { timeout: 8000 });
    await waitFor(() => expect(row()).toHaveTextContent('Step 3 of 3: adding the change to the driver cells'), { timeout: 8000 });
    await i18n.changeLanguage('zh-CN');
    try {
      await waitFor(() => expect(row()).toHaveTextContent('把变化计入驱动因素单元'));
    } finally {
      await i18n.changeLanguage('en');
    }
  });

  it('is for analysts only', async () => {
    renderRoute(route, '/data');
    expect(await screen.findByText('Imports and rollup runs are for analysts.')).toBeInTheDocument();
    expect(screen.queryByRole('form')).toBeNull();
  });

  it('says a refused upload (413) from its code in the reader\'s language, and the API\'s English for a code it does not know', async () => {
    let answer = 0;
    server.use(
      runsHandler,
      http.post('*/api/import/:kind', () =>
        // As ImportUpload answers (UploadProblemCodeTests asserts the same code and params over HTTP).
        answer++ === 0
          ? HttpResponse.json(
              { title: 'File too large', detail: 'The upload is larger than the limit: Request body too large.', code: 'FILE_TOO_LARGE', params: { maxMegabytes: 1024 } },
              { status: 413 },
            )
          : HttpResponse.json({ title: 'Something newer', detail: 'A refusal this web does not know.', code: 'NEWER_THAN_THIS_WEB', params: {} }, { status: 400 }),
      ),
    );
    renderRoute(route, '/data?kind=responses');
    asAnalyst();
    await i18n.changeLanguage('zh-CN');
    try {
      const input = await screen.findByLabelText('文件（CSV 或 JSON 行）');
      fireEvent.change(input, { target: { files: [new File(['x'], 'big.csv', { type: 'text/csv' })] } });
      fireEvent.click(screen.getByRole('button', { name: '上传并导入' }));
      const alert = await screen.findByRole('alert');
      expect(alert).toHaveTextContent('文件被拒绝');
      expect(alert).toHaveTextContent('文件超过 1,024 MB 的上传上限：请按期间拆分后分别导入');
      expect(alert).not.toHaveTextContent('Request body too large');
      await i18n.changeLanguage('en');
      await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('the file is larger than the upload limit of 1,024 MB'));

      upload('other.csv', 'x');
      await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('Something newer'));
      expect(screen.getByRole('alert')).toHaveTextContent('A refusal this web does not know.');
    } finally {
      await i18n.changeLanguage('en');
    }
  });
});
