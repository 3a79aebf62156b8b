// Browser end-to-end tests against a running host (BASE_URL), in headless Chromium.
import { test, run, expect } from './harness.mjs';

test('home page loads and shows the database healthy', async (page) => {
  await page.goto('/');
  await page.getByRole('heading', { level: 1 }).waitFor();
  const status = page.getByRole('region', { name: 'Service status' });
  await status.getByText('database').waitFor();
  const text = await status.innerText();
  expect(/database\s+healthy/i.test(text), `service status was: ${text}`);
});

test('signing in as the analyst persona shows the signed-in name and survives a reload', async (page) => {
  await page.goto('/sign-in');
  await page.getByRole('button', { name: 'Continue as analyst' }).click();
  await page.getByTestId('signed-in-as').waitFor();
  expect(new URL(page.url()).pathname === '/', `expected to land on /, got ${page.url()}`);
  await page.reload();
  const who = await page.getByTestId('signed-in-as').innerText();
  expect(who.includes('Ana Analyst'), `signed in as: ${who}`);
});

test('signing out returns to the sign-in page', async (page) => {
  await page.goto('/sign-in');
  await page.getByRole('button', { name: 'Continue as executive' }).click();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  expect((await page.getByTestId('signed-in-as').count()) === 0, 'still shows a signed-in user');
});

test('a deep link to an unknown page is served by the app, not a bare 404', async (page) => {
  const response = await page.goto('/reports/does-not-exist');
  expect(response.status() === 200, `status ${response.status()}`);
  await page.getByRole('heading', { name: 'Page not found' }).waitFor();
});

await run();
