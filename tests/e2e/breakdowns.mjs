// Browser tests of the breakdowns screen (issue 15): every key's value, interval and n equal /graphql's.
import { mkdirSync } from 'node:fs';
import { test, expect, signIn, graphql, seriousA11yViolations } from './harness.mjs';

const period = '2026-10';
const shots = new URL('../../docs/screenshots/', import.meta.url).pathname;
mkdirSync(shots, { recursive: true });
const oneDecimal = (v) => (Math.round(v * 10) / 10).toFixed(1);

test('a breakdown of CSAT by channel, journey stage and segment shows the API\'s values, intervals and n, and the comparison', async (page) => {
  await signIn(page, 'executive');
  await page.waitForURL(/scorecard\?period=2026-10$/);
  await page.getByRole('link', { name: 'Breakdowns' }).click();
  await page.waitForURL(/\/breakdowns\?period=2026-10$/);
  await page.getByLabel('Metric').selectOption('csat');
  await page.waitForURL(/metric=csat/);
  const unit = new URL(page.url()).pathname.split('/')[2];
  const api = (
    await graphql(
      page,
      `query($u: ID!, $p: String!) { unit(id: $u) {
         channel: breakdown(metric: "csat", period: $p, by: CHANNEL) { key value { value n low high suppressed } }
         journey_stage: breakdown(metric: "csat", period: $p, by: JOURNEY_STAGE) { key value { value n low high suppressed } }
         segment: breakdown(metric: "csat", period: $p, by: SEGMENT) { key value { value n low high suppressed } } } }`,
      { u: unit, p: period },
    )
  ).unit;
  let compared = 0;
  for (const dim of ['channel', 'journey_stage', 'segment']) {
    const section = page.locator(`section[data-dimension="${dim}"]`);
    await section.locator('tr[data-key]').first().waitFor();
    await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
    const shown = await section.locator('tr[data-key]').evaluateAll((trs) =>
      trs.map((tr) => ({
        key: tr.dataset.key,
        value: tr.querySelector('[data-testid="value"]').innerText.trim(),
        interval: tr.querySelector('[data-testid="interval"]').innerText.trim(),
        n: tr.querySelector('[data-testid="n"]').innerText.replace(/[^\d]/g, ''),
      })),
    );
    const want = api[dim].map((r) => ({
      key: r.key,
      value: r.value.suppressed ? 'suppressed' : r.value.value == null ? '–' : `${oneDecimal(r.value.value)}%`,
      interval: r.value.suppressed || r.value.low == null ? '–' : `${oneDecimal(r.value.low)}%–${oneDecimal(r.value.high)}%`,
      n: String(r.value.n),
    }));
    expect(want.length > 1, `${dim}: the API has ${want.length} keys`);
    expect(JSON.stringify(shown) === JSON.stringify(want), `${dim}: page ${JSON.stringify(shown)}\n API ${JSON.stringify(want)}`);
    compared += want.length;
    expect((await section.locator('.echart svg').count()) === 1, `${dim}: no chart`);
  }
  expect(compared >= 10, `only ${compared} keys compared`);
  let a11y = await seriousA11yViolations(page);
  expect(a11y.length === 0, `axe: ${JSON.stringify(a11y)}`);
  await page.screenshot({ path: `${shots}breakdowns-en.png`, fullPage: true });

  await page.getByRole('checkbox', { name: 'Compare with the previous period' }).click();
  await page.waitForURL(/compare=previous/);
  await page.locator('section[data-dimension="channel"] [data-testid="change"]').first().waitFor();
  a11y = await seriousA11yViolations(page);
  expect(a11y.length === 0, `axe (compare): ${JSON.stringify(a11y)}`);
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await page.getByRole('heading', { name: '按渠道' }).waitFor();
  await page.screenshot({ path: `${shots}breakdowns-zh-CN.png`, fullPage: true });
});
