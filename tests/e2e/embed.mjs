// Embedding in a real browser (issue 17): a host page served from another origin embeds the scorecard with the SDK
// (/embed/sdk.js); figures equal the API's for the token's unit; the token is refreshed in place past its expiry; an
// origin the host did not register is refused by the browser (frame-ancestors); the locked period cannot be changed;
// an expired token ends in a clear message.
import { test, expect, baseUrl } from './harness.mjs';
import { mintToken, registerHost, serveHost } from './embed-host.mjs';

const period = '2026-10';
const unitCode = 'DEP-RETAIL-STORES';
const oneDecimal = (v) => (Math.round(v * 10) / 10).toFixed(1);
const expected = { nps: (v) => oneDecimal(v), csat: (v) => `${oneDecimal(v)}%`, fcr: (v) => `${oneDecimal(v)}%` };

/** The README's host page (docs/embedding.md), with the events kept for the test. */
const hostPage = (query) => `<!doctype html>
<html><head><meta charset="utf-8"><title>Host portal</title></head>
<body>
  <h1>Our portal</h1>
  <div id="cx"></div>
  <script type="module">
    import { createEmbed } from '${baseUrl}/embed/sdk.js';
    window.__events = [];
    const getToken = () => fetch('/token${query}').then((r) => r.json()).then((j) => j.token);
    // ?postmessage: the token goes to the frame by postMessage only, never in its URL
    const tokenInUrl = !new URLSearchParams(location.search).has('postmessage');
    const embed = await createEmbed({ container: document.getElementById('cx'), baseUrl: '${baseUrl}', view: 'scorecard', getToken, tokenInUrl });
    for (const e of ['loaded', 'unitClicked', 'error', 'resize', 'tokenRefreshed']) embed.on(e, (d) => window.__events.push({ e, d }));
  </script>
</body></html>`;

let setup;
/** Registers the host (as the analyst, over GraphQL) and starts two host servers: one allowed origin, one not. */
function hosts() {
  setup ??= (async () => {
    const allowed = await serve();
    const other = await serve();
    allowed.key = other.key = await registerHost({
      name: `e2e portal ${Date.now()}`, origins: [allowed.origin], grantUnits: ['DIV-RETAIL'], views: ['scorecard', 'cascade'], permissions: ['view', 'drill'],
    });
    return { allowed, other, mint };
  })();
  return setup;
}

/** The host's token request: the scorecard of the unit, the locked month. */
const mint = (key, ttlSeconds) => mintToken(key, { view: 'scorecard', locked: { unit: unitCode, period }, ttlSeconds });

/** A host server: /page.html (the host page) and /token (mints with the key; ?ttl=, ?fail-after=N refuses after N). */
const serve = () =>
  serveHost({
    page: hostPage,
    token: async (url, state) => {
      const failAfter = url.searchParams.get('fail-after');
      if (failAfter !== null && state.issued >= Number(failAfter)) return null;
      return (await mint(state.key, Number(url.searchParams.get('ttl') ?? 600))).token;
    },
  });

async function apiFigures(key) {
  const { token } = await mint(key, 60);
  const r = await fetch(new URL('/graphql', baseUrl), {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      query: `query($c: String!, $p: String!) { unit(code: $c) { id nps: value(metric: "nps", period: $p) { value }
        csat: value(metric: "csat", period: $p) { value } fcr: value(metric: "fcr", period: $p) { value } } }`,
      variables: { c: unitCode, p: period },
    }),
  }).then((x) => x.json());
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data.unit;
}

const embedFrame = (page) => page.frameLocator('#cx iframe');

test('a host page on another origin embeds the scorecard with the SDK: figures equal the API, resize and loaded events', async (page) => {
  const { allowed } = await hosts();
  await page.goto(`${allowed.origin}/page.html`);
  const frame = embedFrame(page);
  await frame.locator('tr[data-metric="nps"] [data-testid="actual"]').first().waitFor({ timeout: 30_000 });
  const api = await apiFigures(allowed.key);
  for (const m of ['nps', 'csat', 'fcr']) {
    const shown = (await frame.locator(`tr[data-metric="${m}"] [data-testid="actual"]`).first().innerText()).trim();
    const want = api[m].value === null ? null : expected[m](api[m].value);
    expect(want === null ? !/\d/.test(shown) : shown === want, `${m}: the embed shows ${shown}, the API says ${api[m].value} (${want})`);
  }
  // no app chrome: no top bar, no sign-out
  expect((await frame.locator('.topbar').count()) === 0, 'the embed shows the app bar');
  await page.waitForFunction(() => window.__events.some((x) => x.e === 'loaded') && window.__events.some((x) => x.e === 'resize'));
  const height = await page.locator('#cx iframe').evaluate((f) => f.getBoundingClientRect().height);
  expect(height !== 400, `the frame kept the SDK's first height (${height}px)`);
});

test('the embedded viewer cannot change the locked period (no picker, and the server refuses another)', async (page) => {
  const { allowed } = await hosts();
  await page.goto(`${allowed.origin}/page.html`);
  const frame = embedFrame(page);
  await frame.locator('[data-testid="locked-period"]').waitFor({ timeout: 30_000 });
  expect((await frame.locator('.period-picker select').count()) === 0, 'a period picker is offered');
  expect((await frame.locator('[data-testid="embed-locks"]').innerText()).includes(period), 'the locked period is not shown');
  // Changing the URL inside the frame: the server refuses the other period (LOCKED_FILTER), nothing is shown for it.
  const unit = (await apiFigures(allowed.key)).id;
  const inner = page.frames().find((f) => f.url().includes('/embed/'));
  const refused = page.waitForResponse(async (r) => r.url().endsWith('/graphql') && (await r.text()).includes('LOCKED_FILTER'));
  await inner.evaluate((u) => {
    history.pushState({}, '', `/embed/units/${u}/scorecard?period=2026-09`);
    dispatchEvent(new PopStateEvent('popstate'));
  }, unit);
  await refused;
  expect((await frame.locator('tr[data-metric="nps"] [data-testid="actual"]').count()) === 0, 'figures shown for another period');
});

test('the embed token is refreshed in place past its expiry, without reloading the frame', async (page) => {
  const { allowed } = await hosts();
  const before = allowed.issued;
  await page.goto(`${allowed.origin}/page.html?ttl=8`);
  const frame = embedFrame(page);
  await frame.locator('tr[data-metric="nps"]').first().waitFor({ timeout: 30_000 });
  const inner = page.frames().find((f) => f.url().includes('/embed/'));
  await inner.evaluate(() => (window.__sameDocument = true));
  await page.waitForTimeout(10_000); // past the first token's expiry (8 s; asked again at 80%)
  expect(allowed.issued - before >= 2, `tokens issued: ${allowed.issued - before}`);
  expect(await inner.evaluate(() => window.__sameDocument === true), 'the frame was reloaded');
  expect((await frame.locator('[data-testid="embed-expired"]').count()) === 0, 'the frame says the token expired');
  // A read after the first token's expiry succeeds with the fresh one.
  const unit = (await apiFigures(allowed.key)).id;
  const ok = page.waitForResponse(async (r) => r.url().endsWith('/graphql') && r.status() === 200 && (await r.text()).includes('"data"'));
  await inner.evaluate((u) => {
    history.pushState({}, '', `/embed/units/${u}/cascade?period=2026-10`);
    dispatchEvent(new PopStateEvent('popstate'));
  }, unit);
  await ok;
  expect(await page.evaluate(() => window.__events.filter((x) => x.e === 'tokenRefreshed').length) >= 1, 'no tokenRefreshed event');
});

test('an expired token the host does not renew ends in a clear message and an error event', async (page) => {
  const { allowed } = await hosts();
  await page.goto(`${allowed.origin}/page.html?ttl=4&fail-after=${allowed.issued + 1}`);
  const frame = embedFrame(page);
  await frame.locator('[data-testid="embed-expired"]').waitFor({ timeout: 20_000 });
  await page.waitForFunction(() => window.__events.some((x) => x.e === 'error'));
});

test('an origin the host did not register cannot frame the embed (frame-ancestors)', async (page) => {
  const { allowed, other } = await hosts();
  const { token } = await mint(allowed.key, 60);
  const head = await fetch(new URL(`/embed/scorecard?token=${encodeURIComponent(token)}`, baseUrl));
  const csp = head.headers.get('content-security-policy') ?? '';
  expect(csp.includes(`frame-ancestors ${allowed.origin}`), `CSP: ${csp}`);
  expect(!csp.includes(other.origin), `CSP names the other origin: ${csp}`);
  await page.goto(`${other.origin}/page.html`);
  await page.locator('#cx iframe').waitFor();
  await page.waitForTimeout(4_000);
  const frame = page.frames().find((f) => f !== page.mainFrame());
  const embedded = frame ? await frame.locator('[data-testid="embed"]').count().catch(() => 0) : 0;
  expect(embedded === 0, 'the embed rendered inside a page from an origin the host did not register');
  expect(await page.evaluate(() => !window.__events.some((x) => x.e === 'loaded')), 'the embed reported loaded');
});

test('postMessage mode: the frame gets its token by postMessage only, no URL ever holds it, and it renders the API\'s figures', async (page) => {
  const { allowed } = await hosts();
  const urls = [];
  const bearers = [];
  page.on('request', (r) => {
    urls.push(r.url());
    if (r.url().endsWith('/graphql') && /^Bearer eyJ/.test(r.headers().authorization ?? '')) bearers.push(r.url());
  });
  page.on('framenavigated', (f) => urls.push(f.url()));
  await page.goto(`${allowed.origin}/page.html?postmessage=1`);
  const frame = embedFrame(page);
  await frame.locator('tr[data-metric="nps"] [data-testid="actual"]').first().waitFor({ timeout: 30_000 });
  const src = await page.locator('#cx iframe').getAttribute('src');
  expect(/[?&]host=\d+/.test(src) && !src.includes('token='), `iframe src: ${src}`);
  const api = await apiFigures(allowed.key);
  for (const m of ['nps', 'csat', 'fcr']) {
    const shown = (await frame.locator(`tr[data-metric="${m}"] [data-testid="actual"]`).first().innerText()).trim();
    const want = api[m].value === null ? null : expected[m](api[m].value);
    expect(want === null ? !/\d/.test(shown) : shown === want, `${m}: the embed shows ${shown}, the API says ${api[m].value} (${want})`);
  }
  // Every URL the browser requested or navigated to, frames included: none carries a token (a JWT starts "eyJ").
  const inner = page.frames().find((f) => f.url().includes('/embed/'));
  urls.push(await inner.evaluate(() => location.href));
  const leaking = urls.filter((u) => /token=|eyJ/.test(u));
  expect(urls.some((u) => u.includes('/embed/')) && urls.some((u) => u.endsWith('/graphql')), `no embed traffic seen: ${urls.join(' ')}`);
  expect(leaking.length === 0, `a URL holds the token: ${leaking.join(' ')}`);
  // the frame's reads carried it as a bearer header instead
  expect(bearers.length > 0, 'no GraphQL request carried the token as a bearer header');
});
