// Browser test of the top movers screen (issue 15): the API's movers, significant first, each linking to its scorecard.
import { mkdirSync } from 'node:fs';
import { test, expect, signIn, graphql, seriousA11yViolations } from './harness.mjs';

const period = '2026-10';
const shots = new URL('../../docs/screenshots/', import.meta.url).pathname;
mkdirSync(shots, { recursive: true });

test('top movers under the company: the API\'s units, significant changes first, each opening its scorecard', async (page) => {
  await signIn(page, 'executive');
  await page.waitForURL(/scorecard\?period=2026-10$/);
  await page.getByRole('link', { name: 'Top movers' }).click();
  await page.waitForURL(/\/movers\?period=2026-10$/);
  await page.locator('tr[data-code]').first().waitFor();
  const unit = new URL(page.url()).pathname.split('/')[2];
  const api = (
    await graphql(page, 'query($u: ID!, $p: String!) { unit(id: $u) { topMovers(metric: "nps", period: $p, first: 20) { unit { code } change { difference significant } } } }', { u: unit, p: period })
  ).unit.topMovers;
  expect(api.length > 0, 'the API has no movers under the company');
  const want = [...api]
    .sort((a, b) => Number(!!b.change.significant) - Number(!!a.change.significant) || Math.abs(b.change.difference) - Math.abs(a.change.difference))
    .map((m) => `${m.unit.code} ${m.change.significant ? 'sig' : '-'}`);
  const shown = await page.locator('tr[data-code]').evaluateAll((trs) => trs.map((tr) => `${tr.dataset.code} ${tr.querySelector('[data-testid="significant"]') ? 'sig' : '-'}`));
  expect(JSON.stringify(shown) === JSON.stringify(want), `shown ${shown.join(', ')}\n want ${want.join(', ')}`);
  const a11y = await seriousA11yViolations(page);
  expect(a11y.length === 0, `axe: ${JSON.stringify(a11y)}`);
  await page.screenshot({ path: `${shots}movers-en.png` });
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await page.getByRole('checkbox', { name: '仅显著变化' }).waitFor();
  await page.screenshot({ path: `${shots}movers-zh-CN.png` });
  await page.getByRole('combobox', { name: '语言' }).selectOption('en');

  const first = page.locator('tr[data-code]').first();
  const code = await first.getAttribute('data-code');
  await first.getByRole('link').click();
  await page.waitForURL(/\/scorecard\?period=2026-10$/);
  await page.getByText(code, { exact: true }).waitFor();
});
