// The partner view embedded in a real browser (issue 17): a host page served from another origin embeds PRT-ACME's
// partner page with the SDK; its figures equal the API's for that partner; with drill the viewer opens an engagement's
// scorecard inside the frame, without drill there is no way in; another partner, by the SDK's argument or by a URL
// inside the frame, is "not in your scope" with no data; the locked period cannot be changed.
import { test, expect, baseUrl } from './harness.mjs';
import { analystGraphql, mintToken, registerHost, serveHost } from './embed-host.mjs';

const period = '2026-10';
const partnerCode = 'PRT-ACME';
const otherPartner = 'PRT-SWIFT';
const oneDecimal = (v) => (Math.round(v * 10) / 10).toFixed(1);
const formatted = { nps: (v) => oneDecimal(v), csat: (v) => `${oneDecimal(v)}%`, fcr: (v) => `${oneDecimal(v)}%` };

/** A host page: the SDK embeds the partner view; ?perms= and ?partner= go to the host's token endpoint and the SDK. */
const hostPage = (query) => `<!doctype html>
<html><head><meta charset="utf-8"><title>Partner portal</title></head>
<body>
  <h1>Our partner portal</h1>
  <div id="cx"></div>
  <script type="module">
    import { createEmbed } from '${baseUrl}/embed/sdk.js';
    window.__events = [];
    const params = new URLSearchParams(location.search);
    const getToken = () => fetch('/token${query}').then((r) => r.json()).then((j) => j.token);
    const embed = await createEmbed({ container: document.getElementById('cx'), baseUrl: '${baseUrl}', view: 'partner', getToken,
      partner: params.get('partner') ?? undefined });
    for (const e of ['loaded', 'unitClicked', 'error', 'resize', 'tokenRefreshed']) embed.on(e, (d) => window.__events.push({ e, d }));
  </script>
</body></html>`;

let setup;
/** Registers a partner host granted PRT-ACME (as the analyst, over GraphQL) and starts its server on another origin. */
function partnerHost() {
  setup ??= (async () => {
    const server = await serveHost({
      page: hostPage,
      token: async (url, state) => (await mint(state.key, (url.searchParams.get('perms') ?? 'view,drill').split(','))).token,
    });
    server.key = await registerHost({
      name: `e2e partner portal ${Date.now()}`, origins: [server.origin], grantUnits: [], grantPartners: [partnerCode], views: ['partner'], permissions: ['view', 'drill'],
    });
    return server;
  })();
  return setup;
}

/** The host's token request: the partner view, its partner, the locked month. */
const mint = (key, permissions = ['view', 'drill']) =>
  mintToken(key, { view: 'partner', scope: { partners: [partnerCode] }, locked: { period }, permissions });

/** What the API gives an embed token of this host for the partner and its engagements. */
async function apiPartner(key) {
  const { token } = await mint(key);
  const r = await fetch(new URL('/graphql', baseUrl), {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      query: `query($c: String!, $p: String!) { partner(code: $c) { name
        nps: value(metric: "nps", period: $p) { value suppressed } csat: value(metric: "csat", period: $p) { value suppressed }
        fcr: value(metric: "fcr", period: $p) { value suppressed }
        engagements { id code name nps: value(metric: "nps", period: $p) { value suppressed } } } }`,
      variables: { c: partnerCode, p: period },
    }),
  }).then((x) => x.json());
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data.partner;
}

const shownAs = (m, v) => (v.suppressed ? 'suppressed' : v.value === null ? null : formatted[m](v.value));
const frameOf = (page) => page.frameLocator('#cx iframe');
const innerFrame = (page) => page.frames().find((f) => f.url().includes('/embed/'));

test('a host page on another origin embeds the partner view with the SDK: PRT-ACME\'s figures equal the API\'s, locks shown, no chrome', async (page) => {
  const host = await partnerHost();
  await page.goto(`${host.origin}/page.html`);
  const frame = frameOf(page);
  const figures = frame.locator('table.partner-figures');
  await figures.locator('tr[data-metric="nps"] [data-testid="value"]').first().waitFor({ timeout: 30_000 });
  const api = await apiPartner(host.key);
  for (const m of ['nps', 'csat', 'fcr']) {
    const shown = (await figures.locator(`tr[data-metric="${m}"] [data-testid="value"]`).first().innerText()).trim();
    const want = shownAs(m, api[m]);
    expect(want === null ? !/\d/.test(shown) : shown === want, `${m}: the embed shows ${shown}, the API says ${JSON.stringify(api[m])} (${want})`);
  }
  expect((await frame.getByRole('heading', { level: 1 }).innerText()).includes(api.name), 'the partner\'s name is not the heading');
  const engagements = await frame.locator('[data-engagement]').evaluateAll((els) => els.map((e) => e.dataset.engagement).sort());
  expect(JSON.stringify(engagements) === JSON.stringify(api.engagements.map((e) => e.code).sort()), `engagements shown: ${engagements}`);
  // embed mode: no app bar, no league, the partner and period locked and shown, no period to pick
  expect((await frame.locator('.topbar').count()) === 0, 'the embed shows the app bar');
  expect((await frame.locator('a[href^="/partners"]').count()) === 0, 'the embed links to the partner league');
  const locks = await frame.locator('[data-testid="embed-locks"]').innerText();
  expect(locks.includes(partnerCode) && locks.includes(period), `locks shown: ${locks}`);
  await frame.locator('[data-testid="locked-period"]').waitFor();
  expect((await frame.locator('.period-picker select, select').count()) === 0, 'a period picker is offered');
  await page.waitForFunction(() => window.__events.some((x) => x.e === 'loaded'));
  const loaded = await page.evaluate(() => window.__events.find((x) => x.e === 'loaded').d);
  expect(loaded.view === 'partner' && loaded.partner === partnerCode, `the host heard loaded ${JSON.stringify(loaded)}`);
});

test('with drill the viewer opens an engagement\'s scorecard inside the frame (the API\'s figures), the host hears unitClicked, and goes back', async (page) => {
  const host = await partnerHost();
  await page.goto(`${host.origin}/page.html`);
  const frame = frameOf(page);
  const api = await apiPartner(host.key);
  const target = api.engagements[0];
  await frame.getByRole('link', { name: `Open the scorecard of ${target.name}` }).click({ timeout: 30_000 });
  await frame.locator('tr[data-metric="nps"] [data-testid="actual"]').first().waitFor({ timeout: 30_000 });
  const inner = innerFrame(page);
  expect(new URL(inner.url()).pathname === `/embed/units/${target.id}/scorecard`, `the frame is at ${inner.url()}`);
  const shown = (await frame.locator('tr[data-metric="nps"] [data-testid="actual"]').first().innerText()).trim();
  const want = shownAs('nps', target.nps);
  expect(want === null ? !/\d/.test(shown) : shown === want, `engagement NPS: the embed shows ${shown}, the API says ${JSON.stringify(target.nps)}`);
  await page.waitForFunction((id) => window.__events.some((x) => x.e === 'unitClicked' && x.d.unit === id), target.id);
  await frame.getByRole('link', { name: new RegExp(`Back to the page of ${partnerCode}`) }).click();
  await frame.locator('table.partner-figures').waitFor();
  expect(new URL(innerFrame(page).url()).pathname === `/embed/partners/${partnerCode}`, `back at ${innerFrame(page).url()}`);
});

test('without drill the embedded partner page shows its engagements but offers no way into them', async (page) => {
  const host = await partnerHost();
  await page.goto(`${host.origin}/page.html?perms=view`);
  const frame = frameOf(page);
  await frame.locator('[data-engagement]').first().waitFor({ timeout: 30_000 });
  expect((await frame.locator('[data-engagement] a, .engagements a').count()) === 0, 'an engagement or department link is offered without drill');
});

test('another partner, by the SDK\'s argument or by a URL inside the frame, is "not in your scope" with no data', async (page) => {
  const host = await partnerHost();
  const { partners } = await analystGraphql('{ partners { code name } }');
  const other = partners.find((p) => p.code === otherPartner);
  expect(other, `the demo data has ${otherPartner}`);
  const refusals = [];
  page.on('response', async (r) => r.url().endsWith('/graphql') && refusals.push(await r.text()));

  await page.goto(`${host.origin}/page.html?partner=${otherPartner}`);
  const frame = frameOf(page);
  await frame.getByRole('heading', { name: 'Not in your scope' }).waitFor({ timeout: 30_000 });
  expect((await frame.locator('table').count()) === 0, 'a table is shown for another partner');
  expect(!(await innerFrame(page).content()).includes(other.name), `${other.name} appears in the frame`);
  expect(refusals.some((t) => t.includes('NOT_FOUND')) && !refusals.some((t) => t.includes(other.name)), `answers: ${refusals.join(' | ')}`);

  // the frame on its own partner, then a URL inside it naming the other
  await page.goto(`${host.origin}/page.html`);
  await frameOf(page).locator('table.partner-figures').waitFor({ timeout: 30_000 });
  await innerFrame(page).evaluate((code) => {
    history.pushState({}, '', `/embed/partners/${code}?period=2026-10`);
    dispatchEvent(new PopStateEvent('popstate'));
  }, otherPartner);
  await frameOf(page).getByRole('heading', { name: 'Not in your scope' }).waitFor();
  expect((await frameOf(page).locator('table').count()) === 0, 'a table is shown for another partner (URL)');
  expect(!(await innerFrame(page).content()).includes(other.name), `${other.name} appears in the frame (URL)`);
});

test('the embedded partner view\'s locked period cannot be changed: no picker, and another period in the URL is refused by the server', async (page) => {
  const host = await partnerHost();
  await page.goto(`${host.origin}/page.html`);
  const frame = frameOf(page);
  await frame.locator('[data-testid="locked-period"]').waitFor({ timeout: 30_000 });
  const refused = page.waitForResponse(async (r) => r.url().endsWith('/graphql') && (await r.text()).includes('LOCKED_FILTER'));
  await innerFrame(page).evaluate((code) => {
    history.pushState({}, '', `/embed/partners/${code}?period=2026-09`);
    dispatchEvent(new PopStateEvent('popstate'));
  }, partnerCode);
  await refused;
  expect((await frame.locator('table.partner-figures').count()) === 0, 'figures shown for another period');
});
