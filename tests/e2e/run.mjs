// Browser end-to-end tests against a running host (BASE_URL), in headless Chromium.
import { test, run, expect, baseUrl } from './harness.mjs';

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

test('GraphiQL at /graphql runs a query with the signed-in session token', async (page) => {
  await page.goto('/sign-in');
  await page.getByRole('button', { name: 'Continue as analyst' }).click();
  await page.getByTestId('signed-in-as').waitFor();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  page.on('requestfailed', (r) => problems.push(`failed: ${r.url()}`));
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

await run();
