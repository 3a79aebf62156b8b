// Front-end benchmark against a running host (BASE_URL) on demo data, in headless Chromium:
//  - JavaScript shipped for the first screen (the company scorecard), raw and gzip;
//  - time from navigation to the company scorecard rendered (median of RUNS, fresh browser context each, cold cache)
//    beside the time of the scorecard's GraphQL request alone (same body, same token, from Node): the ratio is
//    what the front end adds (document, scripts, rendering) on top of the one round trip it needs.
import { chromium } from 'playwright-core';
import { gzipSync } from 'node:zlib';

const base = process.env.BASE_URL ?? 'http://127.0.0.1:5080';
const runs = Number(process.env.RUNS ?? 10);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const fmt = (ms) => `${ms.toFixed(0)} ms`;

const token = await fetch(new URL('/auth/token', base), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"persona":"executive"}' }).then((r) => r.json());
const session = JSON.stringify({ token: token.access_token, persona: token.persona, name: token.name, role: token.role });
const home = await fetch(new URL('/graphql', base), {
  method: 'POST',
  headers: { 'content-type': 'application/json', authorization: `Bearer ${token.access_token}` },
  body: JSON.stringify({ query: '{ me { roots { id } } }' }),
}).then((r) => r.json());
const unit = home.data.me.roots[0].id;
const url = new URL(`/units/${unit}/scorecard?period=2026-10`, base).toString();

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const renders = [];
let scripts = [];
let body = null;
for (let i = 0; i <= runs; i++) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  await context.addInitScript((s) => sessionStorage.setItem('cx.session', s), session);
  const page = await context.newPage();
  page.on('request', (r) => {
    if (r.url().endsWith('/graphql') && r.postDataJSON()?.operationName === 'Scorecard') body = r.postData();
  });
  await page.goto(url, { waitUntil: 'commit' });
  const rendered = await page.waitForFunction(() => document.querySelector('tr[data-metric="nps"] [data-testid="actual"]') && performance.now(), null, { polling: 'raf', timeout: 60_000 });
  const ms = await rendered.jsonValue();
  if (i > 0) renders.push(ms); // the first run warms the host (JIT, caches), as a returning user would find it
  if (i === 0) scripts = await page.evaluate(() => performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.js')).map((e) => e.name));
  await context.close();
}
await browser.close();

let raw = 0;
let gzip = 0;
for (const s of scripts) {
  const bytes = Buffer.from(await fetch(s).then((r) => r.arrayBuffer()));
  raw += bytes.length;
  gzip += gzipSync(bytes, { level: 9 }).length;
}

const requests = [];
for (let i = 0; i <= runs; i++) {
  const t0 = performance.now();
  const r = await fetch(new URL('/graphql', base), { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token.access_token}` }, body });
  await r.text();
  if (i > 0) requests.push(performance.now() - t0);
}

const r = median(renders);
const q = median(requests);
console.log(`first screen JavaScript: ${scripts.length} files, ${(raw / 1024).toFixed(1)} kB raw, ${(gzip / 1024).toFixed(1)} kB gzip`);
console.log(`navigation → company scorecard rendered: median ${fmt(r)} of ${runs} (min ${fmt(Math.min(...renders))}, max ${fmt(Math.max(...renders))})`);
console.log(`scorecard GraphQL request alone:        median ${fmt(q)} of ${runs} (min ${fmt(Math.min(...requests))}, max ${fmt(Math.max(...requests))})`);
console.log(`front-end overhead: ${(r / q).toFixed(2)}x the GraphQL request (${fmt(r - q)} on top)`);
