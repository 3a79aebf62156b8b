// A small browser test harness: one headless Debian Chromium, a fresh context per test,
// a screenshot of the page when a test fails, and a closing "e2e: N passed, N failed, 0 skipped" line (no skips: a
// test that cannot run fails).
import { chromium } from 'playwright-core';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const baseUrl = process.env.BASE_URL ?? 'http://127.0.0.1:5080';
const artifacts = new URL('./artifacts/', import.meta.url).pathname;

const tests = [];
export function test(name, fn) {
  tests.push({ name, fn });
}

export async function run() {
  if (tests.length === 0) {
    // A runner that registered nothing proves nothing: fail rather than report 0 of 0.
    console.error('e2e: no test registered (test(name, fn) was never called before run())');
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
    const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1280, height: 800 } });
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
