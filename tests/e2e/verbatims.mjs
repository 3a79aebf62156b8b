// Browser tests of the verbatims screen (issue 15): keyset pages equal the API's, without duplicates or gaps.
import { mkdirSync } from 'node:fs';
import { test, expect, signIn, graphql, seriousA11yViolations } from './harness.mjs';

const period = '2026-10';
const shots = new URL('../../docs/screenshots/', import.meta.url).pathname;
mkdirSync(shots, { recursive: true });

const pageQuery = `query($u: ID!, $p: String!, $band: VerbatimBand!, $after: String) { unit(id: $u) {
  verbatims(period: $p, band: $band, first: 20, after: $after) { items { id nps npsBand } hasNextPage endCursor } } }`;

async function shownIds(page) {
  return page.locator('ol.verbatims > li.verbatim').evaluateAll((lis) => lis.map((li) => li.dataset.id));
}

test('verbatims page through the detractors' + "'" + ' comments exactly as the API pages them: no duplicates, no gaps', async (page) => {
  await signIn(page, 'executive');
  await page.waitForURL(/scorecard\?period=2026-10$/);
  await page.getByRole('link', { name: 'Verbatims' }).click();
  await page.locator('ol.verbatims > li.verbatim').first().waitFor();
  await page.getByLabel('Score band').selectOption('NPS_DETRACTORS');
  await page.waitForURL(/band=NPS_DETRACTORS/);
  const unit = new URL(page.url()).pathname.split('/')[2];

  // The API's pages, read first to last with its cursors.
  const apiPages = [];
  let after = null;
  for (;;) {
    const v = (await graphql(page, pageQuery, { u: unit, p: period, band: 'NPS_DETRACTORS', after })).unit.verbatims;
    apiPages.push(v.items.map((i) => i.id));
    if (!v.hasNextPage || apiPages.length >= 6) break;
    after = v.endCursor;
  }
  expect(apiPages.length >= 3, `only ${apiPages.length} API pages of detractors: not enough to test paging`);

  const seen = [];
  for (let i = 0; i < apiPages.length; i++) {
    await page.waitForFunction((first) => document.querySelector('ol.verbatims > li.verbatim')?.dataset.id === first, apiPages[i][0]);
    const ids = await shownIds(page);
    expect(JSON.stringify(ids) === JSON.stringify(apiPages[i]), `page ${i + 1}: shown ${ids.join(',')}\n API ${apiPages[i].join(',')}`);
    seen.push(...ids);
    if (i === 0) {
      const a11y = await seriousA11yViolations(page);
      expect(a11y.length === 0, `axe: ${JSON.stringify(a11y)}`);
      await page.screenshot({ path: `${shots}verbatims-en.png` });
    }
    if (i < apiPages.length - 1) await page.getByRole('button', { name: 'Older →' }).click();
  }
  expect(new Set(seen).size === seen.length, 'a comment appeared twice');
  // Back one page: the previous page again, from the cursor trail in the URL.
  await page.getByRole('button', { name: '← Newer' }).click();
  await page.waitForFunction((first) => document.querySelector('ol.verbatims > li.verbatim')?.dataset.id === first, apiPages[apiPages.length - 2][0]);
  await page.reload();
  await page.waitForFunction((first) => document.querySelector('ol.verbatims > li.verbatim')?.dataset.id === first, apiPages[apiPages.length - 2][0]);

  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await page.getByRole('heading', { level: 1, name: /客户原声/ }).waitFor();
  await page.screenshot({ path: `${shots}verbatims-zh-CN.png` });
});

test('the partner manager sees bands, never scores the API withholds, on an engagement' + "'" + 's verbatims', async (page) => {
  await signIn(page, 'partner_manager');
  await page.waitForURL(/\/partners\/PRT-ACME/);
  // The first engagement with comments in the month (the floor hides scores at engagements of a few responses).
  const engagements = (
    await graphql(page, 'query($p: String!) { partner(code: "PRT-ACME") { engagements { id code verbatims(period: $p, first: 1) { items { id } } } } }', { p: period })
  ).partner.engagements;
  const unit = engagements.find((e) => e.verbatims.items.length > 0)?.id;
  expect(unit, `no engagement of PRT-ACME has comments in ${period}`);
  await page.goto(`/units/${unit}/verbatims?period=${period}`);
  await page.locator('ol.verbatims > li.verbatim').first().waitFor();
  const api = (await graphql(page, pageQuery, { u: unit, p: period, band: 'ALL', after: null })).unit.verbatims.items;
  const shown = await page.locator('ol.verbatims > li.verbatim').evaluateAll((lis) =>
    lis.map((li) => ({ id: li.dataset.id, nps: li.querySelector('[data-testid="nps-band"]')?.innerText.trim() ?? null })),
  );
  expect(JSON.stringify(shown.map((s) => s.id)) === JSON.stringify(api.map((a) => a.id)), 'the page differs from the API page');
  let withheld = 0;
  api.forEach((a, i) => {
    if (a.nps == null && a.npsBand) {
      withheld++;
      expect(!/\d/.test(shown[i].nps), `${a.id}: the API withholds the score, the page shows "${shown[i].nps}"`);
    }
  });
  expect(withheld > 0, 'precondition: the API withheld no score for the partner manager here');
});
