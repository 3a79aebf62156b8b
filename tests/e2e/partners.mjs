// Browser tests of the partner screens (issue 15): the league and the partner page, against /graphql's answers.
import { mkdirSync } from 'node:fs';
import { test, expect, baseUrl, signIn, graphql, seriousA11yViolations } from './harness.mjs';

const period = '2026-10';
const shots = new URL('../../docs/screenshots/', import.meta.url).pathname;
mkdirSync(shots, { recursive: true });
const oneDecimal = (v) => (Math.round(v * 10) / 10).toFixed(1);

async function tokenOf(persona) {
  const r = await fetch(new URL('/auth/token', baseUrl), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ persona }) });
  return (await r.json()).access_token;
}

async function graphqlAs(persona, query, variables = {}) {
  const r = await fetch(new URL('/graphql', baseUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await tokenOf(persona)}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = await r.json();
  if (body.errors) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
  return body.data;
}

test('the partner manager lands on PRT-ACME, sees its figures as the API gives them, and cannot open another partner by URL', async (page) => {
  await signIn(page, 'partner_manager');
  await page.waitForURL(/\/partners\/PRT-ACME\?period=2026-10$/);
  await page.getByRole('heading', { level: 1, name: /Partner: / }).waitFor();
  const api = (
    await graphql(
      page,
      `query($p: String!) { partner(code: "PRT-ACME") { name nps: value(metric: "nps", period: $p) { value n suppressed } fcr: value(metric: "fcr", period: $p) { value n suppressed }
         engagements { code } } partners { code } }`,
      { p: period },
    )
  );
  expect(api.partners.length === 1 && api.partners[0].code === 'PRT-ACME', `the partner manager's scope: ${JSON.stringify(api.partners)}`);
  const figures = page.getByRole('table', { name: 'Outcomes and the process metrics that drive them' });
  for (const m of ['nps', 'fcr']) {
    const shown = (await figures.locator(`tr[data-metric="${m}"] [data-testid="value"]`).first().innerText()).trim();
    const v = api.partner[m];
    const want = v.suppressed ? 'suppressed' : m === 'nps' ? oneDecimal(v.value) : `${oneDecimal(v.value)}%`;
    expect(shown === want, `${m}: page shows ${shown}, the API says ${JSON.stringify(v)} (${want})`);
  }
  for (const e of api.partner.engagements) {
    expect((await page.locator(`[data-engagement="${e.code}"]`).count()) === 1, `engagement ${e.code} not shown`);
  }
  const a11y = await seriousA11yViolations(page);
  expect(a11y.length === 0, `axe: ${JSON.stringify(a11y)}`);
  await page.screenshot({ path: `${shots}partner-en.png`, fullPage: true });

  // Another partner, by URL: not in scope, no data (its code read as the analyst, who sees every partner).
  const all = (await graphqlAs('analyst', '{ partners { code name } }')).partners;
  const other = all.find((p) => p.code !== 'PRT-ACME');
  expect(other, 'the demo data has a second partner');
  await page.goto(`/partners/${other.code}?period=${period}`);
  await page.getByRole('heading', { name: 'Not in your scope' }).waitFor();
  expect((await page.locator('table').count()) === 0, 'a table is shown for another partner');
  expect(!(await page.content()).includes(other.name), `${other.name} appears on the page`);

  // The league shows their partner only.
  await page.goto(`/partners?period=${period}`);
  await page.locator('tr[data-partner]').first().waitFor();
  const codes = await page.locator('tr[data-partner]').evaluateAll((rows) => rows.map((r) => r.dataset.partner));
  expect(JSON.stringify(codes) === '["PRT-ACME"]', `league rows: ${codes}`);
});

test('the partner league ranks partners as the API does, with value, interval and n, in English and Chinese', async (page) => {
  await signIn(page, 'executive');
  // Home's redirect first, or a click during it is overtaken by the landing on the scorecard.
  await page.waitForURL(/scorecard\?period=2026-10$/);
  await page.getByRole('link', { name: 'Partners' }).click();
  await page.waitForURL(/\/partners\?period=2026-10$/);
  await page.locator('tr[data-partner]').first().waitFor();
  const api = (
    await graphql(page, 'query($p: String!) { partnerLeague(metric: "csat", period: $p) { rank partner { code } value { value n low high suppressed } } }', { p: period })
  ).partnerLeague;
  await page.getByLabel('Metric').selectOption('csat');
  await page.waitForURL(/metric=csat/);
  await page.locator('tr[data-partner]').first().waitFor();
  await page.waitForFunction((n) => document.querySelectorAll('tr[data-partner]').length === n && !document.querySelector('[aria-busy="true"]'), api.length);
  const rows = await page.locator('tr[data-partner]').evaluateAll((trs) =>
    trs.map((tr) => ({
      code: tr.dataset.partner,
      rank: tr.querySelector('[data-testid="rank"]').innerText.trim(),
      value: tr.querySelector('[data-testid="value"]').innerText.trim(),
      interval: tr.querySelector('[data-testid="interval"]').innerText.trim(),
      n: tr.querySelector('[data-testid="n"]').innerText.replace(/[^\d]/g, ''),
    })),
  );
  expect(rows.length === api.length && api.length > 1, `${rows.length} rows shown, ${api.length} from the API`);
  api.forEach((r, i) => {
    const s = rows[i];
    const want = {
      code: r.partner.code,
      rank: r.rank == null ? '–' : String(r.rank),
      value: r.value.suppressed ? 'suppressed' : r.value.value == null ? '–' : `${oneDecimal(r.value.value)}%`,
      interval: r.value.low == null ? '–' : `${oneDecimal(r.value.low)}%–${oneDecimal(r.value.high)}%`,
      n: String(r.value.n),
    };
    expect(JSON.stringify(s) === JSON.stringify(want), `row ${i + 1}: page ${JSON.stringify(s)}, API ${JSON.stringify(want)}`);
  });
  const a11y = await seriousA11yViolations(page);
  expect(a11y.length === 0, `axe: ${JSON.stringify(a11y)}`);
  await page.screenshot({ path: `${shots}partner-league-en.png` });

  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await page.getByRole('columnheader', { name: '排名' }).waitFor();
  await page.screenshot({ path: `${shots}partner-league-zh-CN.png` });
  await page.locator('tr[data-partner="PRT-ACME"] a').click();
  await page.getByRole('heading', { level: 1, name: /合作伙伴：/ }).waitFor();
  await page.locator('[data-engagement]').first().waitFor();
  const a11yZh = await seriousA11yViolations(page);
  expect(a11yZh.length === 0, `axe (zh-CN partner page): ${JSON.stringify(a11yZh)}`);
  await page.screenshot({ path: `${shots}partner-zh-CN.png`, fullPage: true });
});
