// Browser test of data and jobs (issue 15): an import with one bad row shows its line and column and writes
// nothing; with quarantine the good rows are counted; rollup runs are listed and a refresh can be started.
import { mkdirSync } from 'node:fs';
import { test, expect, signIn, graphql, seriousA11yViolations } from './harness.mjs';

const shots = new URL('../../docs/screenshots/', import.meta.url).pathname;
mkdirSync(shots, { recursive: true });

test('an analyst imports a file with one bad row: line and column shown, nothing written; with quarantine the good rows count', async (page) => {
  await signIn(page, 'analyst');
  await page.waitForURL(/scorecard/);
  const team = (await graphql(page, '{ units { children { children { code kind } } } }')).units[0].children.flatMap((d) => d.children)[0].code;
  const tag = `e2e-${Date.now()}`;
  // Line 3 (after the header) has an NPS of 11: column 7. Dated in an old month, so that the current month stays
  // rolled up for the other tests (the monthly review export refuses a month whose facts wait for a refresh).
  const csv = [
    'external_id,responded_at,unit_code,channel,journey_stage,segment,nps,csat,comment',
    `${tag}-1,2025-11-10T10:00:00Z,${team},phone,service,consumer,9,5,fine`,
    `${tag}-2,2025-11-10T11:00:00Z,${team},phone,service,consumer,11,5,too high`,
    `${tag}-3,2025-11-10T12:00:00Z,${team},chat,service,consumer,3,2,slow`,
  ].join('\n') + '\n';
  const file = { name: 'responses.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) };

  await page.getByRole('link', { name: 'Data & jobs' }).click();
  await page.getByRole('form', { name: 'Import a file' }).waitFor();
  await page.getByLabel('What the file holds').selectOption('responses');
  await page.getByLabel('File (CSV or JSON lines)').setInputFiles(file);
  await page.getByRole('button', { name: 'Upload and import' }).click();
  const table = page.getByRole('table', { name: 'Errors by line and column' });
  await table.waitFor();
  const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.querySelector('[data-testid="line"]').innerText, tr.querySelector('[data-testid="column"]').innerText, tr.querySelector('[data-testid="field"]').innerText]));
  expect(JSON.stringify(rows) === JSON.stringify([['3', '7', 'nps']]), `errors shown: ${JSON.stringify(rows)}`);
  const reason = await table.getByTestId('reason').first().innerText();
  expect(reason === '11 is out of range 0–10', `the problem shown: "${reason}"`);
  expect((await page.getByRole('alert').innerText()).includes('nothing was written'), 'the refusal does not say nothing was written');
  const written = async () => {
    const v = (await graphql(page, 'query($c: String!) { unit(code: $c) { id } }', { c: team })).unit.id;
    return (await graphql(page, 'query($u: ID!) { unit(id: $u) { verbatims(period: "2025-11-10", first: 100) { items { comment } } } }', { u: v })).unit.verbatims.items.filter((i) => ['fine', 'slow', 'too high'].includes(i.comment)).length;
  };
  const before = await written();
  let a11y = await seriousA11yViolations(page);
  expect(a11y.length === 0, `axe: ${JSON.stringify(a11y)}`);
  await page.screenshot({ path: `${shots}data-jobs-en.png`, fullPage: true });

  await page.getByRole('checkbox', { name: 'Quarantine bad rows (load the good ones)' }).click();
  await page.waitForURL(/quarantine=1/);
  await page.getByLabel('File (CSV or JSON lines)').setInputFiles(file);
  await page.getByRole('button', { name: 'Upload and import' }).click();
  const done = page.getByTestId('import-result').getByRole('status');
  await done.waitFor();
  const text = await done.innerText();
  expect(/3 rows read: 2 new/.test(text) && /1 row left out/.test(text), `quarantine result: ${text}`);
  expect((await page.getByTestId('rejects-link').innerText()).includes('1'), 'no rejects file to download');
  expect((await written()) === before + 2, `comments of the good rows: ${before} before, ${await written()} after`);

  // Rollup runs: listed with their outcome; a refresh can be started.
  const runs = page.getByRole('table', { name: 'Rollup runs' });
  await runs.locator('tbody tr').first().waitFor();
  await page.getByRole('button', { name: 'Start a refresh' }).click();
  await page.getByText(/rollup-refresh (queued|run is already waiting)|A rollup-refresh run is already waiting/).waitFor();
  a11y = await seriousA11yViolations(page);
  expect(a11y.length === 0, `axe (quarantine, runs): ${JSON.stringify(a11y)}`);
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await page.getByRole('heading', { level: 1, name: '数据与作业' }).waitFor();
  // the problem of the quarantined row, said again in Chinese from its code and params
  const reasonZh = await page.getByRole('table', { name: '按行和列列出的错误' }).getByTestId('reason').first().innerText();
  expect(reasonZh === '11 超出范围 0–10', `the problem in Chinese: "${reasonZh}"`);
  await page.screenshot({ path: `${shots}data-jobs-zh-CN.png`, fullPage: true });
});
