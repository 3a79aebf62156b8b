// Browser end-to-end tests against a running host (BASE_URL) on demo data, in headless Chromium.
// Figures are compared with what /graphql returns for the same caller, formatted here independently of the app.
import { mkdirSync, readFileSync } from 'node:fs';
import { test, run, expect, baseUrl, signIn, graphql, seriousA11yViolations } from './harness.mjs';
import './embed.mjs';
import './embed-admin.mjs';
import './embed-partner.mjs';
import './partners.mjs';
import './breakdowns.mjs';
import './verbatims.mjs';
import './movers.mjs';
import './persona-walk.mjs';

const period = '2026-10';
const shots = new URL('../../docs/screenshots/', import.meta.url).pathname;
mkdirSync(shots, { recursive: true });

const oneDecimal = (v) => (Math.round(v * 10) / 10).toFixed(1);
const expected = { nps: (v) => oneDecimal(v), csat: (v) => `${oneDecimal(v)}%`, fcr: (v) => `${oneDecimal(v)}%` };

async function rowActual(page, metric) {
  return (await page.locator(`tr[data-metric="${metric}"] [data-testid="actual"]`).first().innerText()).trim();
}

async function idOf(page, code) {
  return (await graphql(page, 'query($c: String!) { unit(code: $c) { id } }', { c: code })).unit.id;
}

test('the executive lands on the company scorecard for 2026-10 and its NPS, CSAT and FCR equal the API', async (page) => {
  const requests = [];
  page.on('request', (r) => r.url().endsWith('/graphql') && requests.push(r.postDataJSON()?.operationName));
  await signIn(page, 'executive');
  await page.waitForURL(/\/units\/\d+\/scorecard\?period=2026-10$/);
  await page.locator('tr[data-metric="nps"]').waitFor();
  const unit = new URL(page.url()).pathname.split('/')[2];
  const api = await graphql(
    page,
    `query($u: ID!, $p: String!) { unit(id: $u) { code nps: value(metric: "nps", period: $p) { value } csat: value(metric: "csat", period: $p) { value }
       fcr: value(metric: "fcr", period: $p) { value } } }`,
    { u: unit, p: period },
  );
  expect(api.unit.code === 'CO', `landed on ${api.unit.code}, not the company`);
  for (const m of ['nps', 'csat', 'fcr']) {
    const shown = await rowActual(page, m);
    const want = expected[m](api.unit[m].value);
    expect(shown === want, `${m}: page shows ${shown}, the API says ${api.unit[m].value} (${want})`);
  }
  // One request for the landing decision, one for the whole scorecard; besides them the top bar's one small read per
  // session (TopBar: the top unit and whether a partner is in scope, no figures).
  const screen = requests.filter((r) => r !== 'TopBar');
  expect(JSON.stringify(screen) === JSON.stringify(['Home', 'Scorecard']), `GraphQL requests: ${requests.join(', ')}`);
  expect(requests.filter((r) => r === 'TopBar').length <= 1, `the top bar asked more than once: ${requests.join(', ')}`);
  const a11y = await seriousA11yViolations(page);
  expect(a11y.length === 0, `axe: ${JSON.stringify(a11y)}`);
  await page.screenshot({ path: `${shots}scorecard-en.png` });
});

test('the executive exports the scorecard\'s unit and month as an Excel workbook from the Export button', async (page) => {
  await signIn(page, 'executive');
  await page.locator('tr[data-metric="nps"]').waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export to Excel' }).click()]);
  const name = download.suggestedFilename();
  expect(/CO.*2026-10.*\.xlsx$/.test(name), `download named ${name}`);
  const bytes = readFileSync(await download.path());
  // A zip whose entry names (stored uncompressed) show a workbook with sheets and native charts.
  const text = bytes.toString('latin1');
  expect(text.startsWith('PK'), 'the download is not a zip package');
  expect(/xl\/drawings\/drawing\d+\.xml/.test(text), 'no drawing part in the workbook');
  for (const part of ['xl/workbook.xml', 'xl/worksheets/sheet1.xml']) expect(text.includes(part), `no ${part} in the workbook`);
  expect(/charts\/chart\d+\.xml/.test(text), 'no chart part in the workbook');
  const personas = await page.getByRole('button', { name: 'Export to Excel' }).count();
  expect(personas === 1, 'one Export button');
});

test('the executive drills from the company down to ENG-PRT-ACME-CARE-CONTACT in the cascade', async (page) => {
  await signIn(page, 'executive');
  await page.getByRole('link', { name: 'Cascade' }).click();
  const tree = page.getByRole('treegrid');
  await tree.waitFor();
  const target = (await graphql(page, '{ unit(code: "ENG-PRT-ACME-CARE-CONTACT") { name breadcrumb { name unit { id } } } }')).unit;
  // The company row is open; open each ancestor below it by its expand button, as a user would.
  for (const crumb of target.breadcrumb.slice(1)) {
    await tree.getByRole('button', { name: `Expand ${crumb.name}`, exact: true }).click();
  }
  const row = tree.locator('tr[data-code="ENG-PRT-ACME-CARE-CONTACT"]');
  await row.waitFor();
  expect((await row.getAttribute('aria-level')) === String(target.breadcrumb.length + 1), 'wrong depth in the tree');
  const a11y = await seriousA11yViolations(page);
  expect(a11y.length === 0, `axe: ${JSON.stringify(a11y)}`);
  await page.screenshot({ path: `${shots}cascade-en.png` });
  await row.getByRole('link').click();
  await page.getByText('ENG-PRT-ACME-CARE-CONTACT', { exact: true }).waitFor();
  const crumbs = await page.getByRole('navigation', { name: 'Breadcrumbs' }).innerText();
  expect(crumbs.includes('Customer Care') && crumbs.includes('Contact Centre'), `breadcrumbs: ${crumbs}`);
});

test('the department head cannot reach DIV-CARE by clicking or by URL', async (page) => {
  await signIn(page, 'department_head');
  await page.waitForURL(/scorecard/);
  await page.locator('tr[data-metric]').first().waitFor();
  // Ancestors outside the scope are names, never links.
  const crumbs = page.getByRole('navigation', { name: 'Breadcrumbs' });
  expect((await crumbs.getByRole('link').count()) === 0, 'a breadcrumb above the department is a link');
  await page.getByRole('link', { name: 'Cascade' }).click();
  await page.getByRole('treegrid').waitFor();
  expect((await page.locator('tr[data-code="DIV-CARE"]').count()) === 0, 'DIV-CARE appears in the tree');
  expect((await page.getByRole('link', { name: /Customer Care/ }).count()) === 0, 'a link to Customer Care is on the page');

  const analyst = await fetch(new URL('/auth/token', baseUrl), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"persona":"analyst"}' }).then((r) => r.json());
  const care = await fetch(new URL('/graphql', baseUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${analyst.access_token}` },
    body: JSON.stringify({ query: '{ unit(code: "DIV-CARE") { id } }' }),
  }).then((r) => r.json());
  for (const screen of ['scorecard', 'cascade', 'process']) {
    await page.goto(`/units/${care.data.unit.id}/${screen}?period=${period}`);
    await page.getByRole('heading', { name: 'Not in your scope' }).waitFor();
    expect((await page.locator('table').count()) === 0, `${screen}: a table is shown outside the scope`);
  }
});

test('the partner manager sees suppressed marks exactly where the API hides a value (every n under the floor among them)', async (page) => {
  await signIn(page, 'partner_manager');
  // They land on their partner's page (partners.mjs); the first engagement's scorecard is one click away.
  await page.waitForURL(/\/partners\/PRT-ACME/);
  await page.getByRole('link', { name: /^Open the scorecard of / }).first().click();
  await page.waitForURL(/scorecard/);
  await page.locator('tr[data-metric]').first().waitFor();
  const unit = new URL(page.url()).pathname.split('/')[2];
  const metrics = ['nps', 'csat', 'fcr', 'sla', 'response_time', 'repeat_rate', 'transfer_rate', 'channel_switch', 'containment'];
  const fields = metrics.map((m) => `${m}: value(metric: "${m}", period: $p) { n suppressed }`).join(' ');
  const api = (await graphql(page, `query($u: ID!, $p: String!) { unit(id: $u) { ${fields} } }`, { u: unit, p: period })).unit;
  const suppressed = metrics.filter((m) => api[m].suppressed);
  expect(suppressed.length > 0, `precondition: no value under the floor at this unit: ${JSON.stringify(api)}`);
  for (const m of metrics) {
    const row = page.locator(`tr[data-metric="${m}"]`);
    if ((await row.count()) === 0) continue;
    const marks = await row.first().getByTestId('suppressed-mark').count();
    expect(api[m].suppressed ? marks === 1 : marks === 0, `${m}: n=${api[m].n}, API suppressed=${api[m].suppressed}, marks shown=${marks}`);
    // Under the floor is always hidden; at or above it a value can be hidden as a complement (it would give a small one away).
    if (api[m].n > 0 && api[m].n < 5) expect(api[m].suppressed, `${m} shown with n=${api[m].n}`);
    // A hidden KPI line says "Suppressed" where its status would be, not "No data" (issue 14).
    const status = row.first().getByTestId('suppressed-status');
    if (api[m].suppressed && (await row.first().locator('.status-badge').count()) > 0) {
      expect((await status.innerText()).trim() === 'Suppressed', `${m}: status reads ${await row.first().locator('td').nth(3).innerText()}`);
    }
  }
  await page.screenshot({ path: `${shots}partner-scorecard-en.png` });
});

test('process next to outcome and drivers render with synced charts, data tables and no serious a11y issue', async (page) => {
  await signIn(page, 'executive');
  await page.getByRole('link', { name: 'Process & outcome' }).click();
  await page.getByRole('region', { name: 'NPS' }).waitFor();
  await page.locator('.echart svg').first().waitFor();
  expect((await page.locator('.echart').count()) === 12, 'expected 3 outcome + 9 process charts');
  expect((await page.locator('details.chart-table table').count()) === 12, 'every chart needs its data table');
  // Hovering one chart shows the axis pointer in the others (echarts.connect).
  const first = page.locator('.echart').first();
  const box = await first.boundingBox();
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height / 2);
  await page.waitForTimeout(300);
  const tooltips = await page.locator('.echart >> css=div[style*="z-index"]').count();
  expect(tooltips >= 2, `hover not synced across charts (${tooltips} tooltips)`);
  await page.mouse.move(0, 0);
  let a11y = await seriousA11yViolations(page);
  expect(a11y.length === 0, `axe (trends): ${JSON.stringify(a11y)}`);
  await page.screenshot({ path: `${shots}process-en.png` });

  await page.getByRole('tab', { name: 'Drivers' }).click();
  await page.getByRole('rowheader', { name: /Resolved at first contact/ }).waitFor({ timeout: 60_000 });
  expect(new URL(page.url()).searchParams.get('tab') === 'drivers', 'tab is not in the URL');
  a11y = await seriousA11yViolations(page);
  expect(a11y.length === 0, `axe (drivers): ${JSON.stringify(a11y)}`);
  await page.screenshot({ path: `${shots}drivers-en.png` });
});

test('switching to 简体中文 changes labels and number and date formatting, and is remembered', async (page) => {
  await signIn(page, 'executive');
  await page.locator('tr[data-metric="response_time"]').waitFor();
  const before = await rowActual(page, 'response_time');
  expect(/^\d+m \d+s$/.test(before), `English duration: ${before}`);
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await page.getByRole('columnheader', { name: '实际值' }).waitFor();
  const after = await rowActual(page, 'response_time');
  expect(/^\d+分钟\d+秒$/.test(after), `Chinese duration: ${after}`);
  const month = await page.getByRole('combobox', { name: '期间', exact: true }).locator('option:checked').innerText();
  expect(month === '2026年10月', `month: ${month}`);
  expect((await page.locator('html').getAttribute('lang')) === 'zh-CN', 'html lang not switched');
  await page.screenshot({ path: `${shots}scorecard-zh-CN.png` });
  await page.reload();
  await page.getByRole('columnheader', { name: '实际值' }).waitFor();

  const unit = new URL(page.url()).pathname.split('/')[2];
  await page.goto(`/units/${unit}/cascade?period=${period}`);
  await page.getByRole('treegrid').waitFor();
  await page.screenshot({ path: `${shots}cascade-zh-CN.png` });
  await page.goto(`/units/${unit}/process?period=${period}`);
  await page.locator('.echart svg').first().waitFor();
  await page.screenshot({ path: `${shots}process-zh-CN.png` });
  await page.goto(`/units/${unit}/process?period=${period}&tab=drivers`);
  await page.getByRole('rowheader', { name: /首次联络解决/ }).waitFor({ timeout: 60_000 });
  await page.screenshot({ path: `${shots}drivers-zh-CN.png` });
});

test('the scorecard fits a tablet (1024×768) without horizontal scrolling', async (page) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await signIn(page, 'executive');
  await page.locator('tr[data-metric="nps"]').waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow <= 0, `page is ${overflow}px wider than the viewport`);
  await page.screenshot({ path: `${shots}scorecard-tablet-en.png` });
});

test('signing out returns to the sign-in page and screens need signing in again', async (page) => {
  await signIn(page, 'executive');
  await page.waitForURL(/scorecard/);
  const screenUrl = page.url();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  await page.goto(screenUrl);
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  expect(new URL(page.url()).searchParams.get('next')?.includes('/scorecard'), `no way back: ${page.url()}`);
});

test('a deep link to an unknown page is served by the app, not a bare 404', async (page) => {
  const response = await page.goto('/reports/does-not-exist');
  expect(response.status() === 200, `status ${response.status()}`);
  await page.getByRole('heading', { name: 'Page not found' }).waitFor();
});

test('GraphiQL at /graphql runs a query with the signed-in session token', async (page) => {
  await signIn(page, 'analyst');
  await page.waitForLoadState('networkidle'); // so nothing of the previous page is cut off by the navigation below
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  // A request the page itself cancels (net::ERR_ABORTED: a navigation or a superseded fetch) is not a failure.
  page.on('requestfailed', (r) => { if (r.failure()?.errorText !== 'net::ERR_ABORTED') problems.push(`failed: ${r.url()} (${r.failure()?.errorText})`); });
  const response = await page.goto('/graphql');
  expect(response.status() === 200, `status ${response.status()}`);
  const editor = page.locator('.graphiql-query-editor .CodeMirror');
  await editor.waitFor();
  await editor.evaluate((node) => node.CodeMirror.setValue('{ __typename }'));
  await page.getByRole('button', { name: /Execute query/ }).click();
  const result = page.locator('.graphiql-response');
  await result.getByText('"__typename": "Query"').waitFor();
  const assets = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
  expect(assets.every((url) => new URL(url).origin === new URL(baseUrl).origin), `assets from elsewhere: ${assets.join(', ')}`);
  expect(problems.length === 0, `browser errors: ${problems.join(' | ')}`);
});

test('each child row of the cascade carries the status the unit\'s scorecard gives that child\'s NPS KPI', async (page) => {
  await signIn(page, 'executive');
  await page.getByRole('link', { name: 'Cascade' }).click();
  const tree = page.getByRole('treegrid');
  await tree.waitFor();
  const shown = new URL(page.url());
  const unit = shown.pathname.split('/')[2];
  const card = (
    await graphql(
      page,
      `query($u: ID!, $p: String!) { unit(id: $u) { scorecard(period: $p) { kpis { kpi { metric { code } sliceDimension }
         children { kpi { unit { code } sliceDimension } status } } } } }`,
      { u: unit, p: shown.searchParams.get('period') },
    )
  ).unit.scorecard;
  const nps = card.kpis.find((l) => l.kpi.metric.code === 'nps' && !l.kpi.sliceDimension);
  const children = (nps?.children ?? []).filter((c) => !c.kpi.sliceDimension);
  expect(children.length > 0, 'the company NPS KPI has no cascade children to compare');
  for (const c of children) {
    // NPS is the first heat column; its class names the status (heat--on_track, …)
    const cell = tree.locator(`tr[data-code="${c.kpi.unit.code}"] td`).first();
    await cell.waitFor();
    const css = await cell.getAttribute('class');
    expect(css.split(' ').includes(`heat--${c.status.toLowerCase()}`), `${c.kpi.unit.code}: cell "${css}", the API says ${c.status}`);
  }
});

// These two change the data (a KPI with a target of 1 on the company, imported rows): registered last, so that the
// screens above and their screenshots show the demo set as a new user finds it.
await import('./kpi-admin.mjs');
await import('./data-jobs.mjs');

await run();
