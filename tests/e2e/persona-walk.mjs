// What the session 14 persona walk found (docs: notes/s14/ops.md), each kept from coming back: the analyst signed in
// straight to data and jobs has their top unit's screens in the top bar and sees the privacy-pattern builds beside the
// rollup runs; a department head (no partner in scope) is not offered an always-empty partner league; the company's
// KPI list (a KPI link beside its "shared" mark) passes axe.
import { test, expect, graphql, seriousA11yViolations } from './harness.mjs';

test('the analyst signed in straight to data and jobs gets the unit screens of the company and the privacy-pattern builds', async (page) => {
  await page.goto('/sign-in?next=%2Fdata');
  await page.getByRole('button', { name: 'Continue as analyst' }).click();
  await page.getByRole('heading', { level: 1, name: 'Data and jobs' }).waitFor();
  const company = (await graphql(page, '{ unit(code: "CO") { id } }')).unit.id;
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Scorecard' }).waitFor();
  const href = await nav.getByRole('link', { name: 'Scorecard' }).getAttribute('href');
  expect(href.startsWith(`/units/${company}/scorecard`), `the top bar's scorecard: ${href}`);
  // the api node built the patterns at start (partners and embed hosts): its round is listed with what it built
  const builds = page.getByRole('table', { name: 'Privacy pattern builds' });
  await builds.locator('tbody tr').first().waitFor({ timeout: 40000 });
  const first = await builds.locator('tbody tr').first().innerText();
  expect(/\d+ built, \d+ already ready/.test(first) || /running|failed/.test(first), `a pattern round: ${first}`);
  const a11y = await seriousA11yViolations(page);
  expect(a11y.length === 0, `axe: ${JSON.stringify(a11y)}`);
});

test('a department head, with no partner in scope, is not offered the partner league', async (page) => {
  await page.goto('/sign-in');
  await page.getByRole('button', { name: 'Continue as department head' }).click();
  await page.getByTestId('signed-in-as').waitFor();
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Scorecard' }).waitFor();
  const partners = (await graphql(page, '{ partners { code } }')).partners;
  expect(partners.length === 0, `the department head's partners: ${JSON.stringify(partners)}`);
  await page.waitForLoadState('networkidle');
  expect((await nav.getByRole('link', { name: 'Partners' }).count()) === 0, 'the top bar offers the partner league');
});

test('the company\'s KPI list, with its shared KPIs marked, passes axe', async (page) => {
  await page.goto('/sign-in');
  await page.getByRole('button', { name: 'Continue as analyst' }).click();
  await page.getByTestId('signed-in-as').waitFor();
  const company = (await graphql(page, '{ unit(code: "CO") { id } }')).unit.id;
  await page.goto(`/units/${company}/kpis`);
  await page.locator('.kpi-list .mark--shared').first().waitFor();
  const a11y = await seriousA11yViolations(page);
  expect(a11y.length === 0, `axe: ${JSON.stringify(a11y)}`);
});

test('a host page whose token endpoint gives no token gets a clear error from createEmbed, and no frame', async (page) => {
  // Found on the walk: a host answering {} framed a page the browser refused (frame-ancestors) with no word for the host.
  await page.goto('/sign-in'); // any page of the app's origin: the module is imported from there
  const message = await page.evaluate(async () => {
    const container = document.createElement('div');
    document.body.append(container);
    try {
      const { createEmbed } = await import('/embed/sdk.js');
      await createEmbed({ container, view: 'scorecard', getToken: async () => undefined });
      return 'no error';
    } catch (e) {
      return `${e.message} | frames: ${container.querySelectorAll('iframe').length}`;
    }
  });
  expect(/getToken\(\) gave no token/.test(message) && message.endsWith('frames: 0'), `createEmbed said: ${message}`);
});
