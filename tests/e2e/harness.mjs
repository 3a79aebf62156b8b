// A small browser test harness: one headless Debian Chromium, a fresh context per test,
// a screenshot of the page when a test fails, and a closing "e2e: N passed, N failed, 0 skipped" line (no skips: a
// test that cannot run fails).
import { chromium } from 'playwright-core';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const baseUrl = process.env.BASE_URL ?? 'http://127.0.0.1:5080';
const artifacts = new URL('./artifacts/', import.meta.url).pathname;

const tests = [];
export function test(name, fn) {
  tests.push({ name, fn });
}

export async function run() {
  // E2E_GREP=<regex> runs only the tests whose names match (while working on one screen); matching none fails.
  const grep = process.env.E2E_GREP ? new RegExp(process.env.E2E_GREP, 'i') : null;
  if (grep) tests.splice(0, tests.length, ...tests.filter((t) => grep.test(t.name)));
  if (tests.length === 0) {
    // A runner that registered nothing proves nothing: fail rather than report 0 of 0.
    console.error(grep ? `e2e: no test name matches E2E_GREP=${process.env.E2E_GREP}` : 'e2e: no test registered (test(name, fn) was never called before run())');
    console.log('e2e: 0 passed, 1 failed, 0 skipped');
    process.exit(1);
  }
  if (!existsSync(executablePath)) {
    console.error(`Chromium not found at ${executablePath}: install Debian's chromium package (tests/run.sh does).`);
    console.log(`e2e: 0 passed, ${Math.max(1, tests.length)} failed`);
    process.exit(1);
  }
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      // Playwright gives every launch a fresh, throwaway profile directory.
      '--disable-sync', '--disable-quic', '--no-first-run'],
  });
  let passed = 0;
  let failed = 0;
  for (const t of tests) {
    const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    const consoleErrors = [];
    page.on('pageerror', (e) => consoleErrors.push(e.message));
    try {
      await t.fn(page);
      if (consoleErrors.length) throw new Error(`uncaught page errors: ${consoleErrors.join('; ')}`);
      passed++;
      console.log(`  ✓ ${t.name}`);
    } catch (e) {
      failed++;
      mkdirSync(artifacts, { recursive: true });
      const shot = join(artifacts, `${t.name.replace(/[^a-z0-9]+/gi, '-')}.png`);
      await page.screenshot({ path: shot, fullPage: true }).catch(() => {});
      console.log(`  ✗ ${t.name}\n    ${e.message.split('\n').join('\n    ')}\n    screenshot: ${shot}`);
    } finally {
      await context.close();
    }
  }
  await browser.close();
  console.log(`e2e: ${passed} passed, ${failed} failed, 0 skipped`);
  process.exit(failed === 0 ? 0 : 1);
}

export function expect(condition, message) {
  if (!condition) throw new Error(message);
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe-core (WCAG 2.x A/AA rules) on the page; returns the serious and critical violations. */
export async function seriousA11yViolations(page) {
  // Evaluated through the DevTools protocol, so the page's Content-Security-Policy does not block it.
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
  });
  return result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Signs in through the sign-in page as a demo persona and waits for the landing screen. */
export async function signIn(page, persona) {
  await page.goto('/sign-in');
  await page.getByRole('button', { name: `Continue as ${persona.replace('_', ' ')}` }).click();
  await page.getByTestId('signed-in-as').waitFor();
}

/** Calls /graphql with the page's session token (the same caller as the browser). */
export async function graphql(page, query, variables = {}) {
  const token = await page.evaluate(() => JSON.parse(sessionStorage.getItem('cx.session')).token);
  const response = await fetch(new URL('/graphql', baseUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
  return body.data;
}
