// Browser tests of the verbatims screen (issue 15): keyset pages equal the API's, without duplicates or gaps, for one
// band and for band, channel, journey stage and segment combined.
import { mkdirSync } from 'node:fs';
import { test, expect, signIn, graphql, seriousA11yViolations } from './harness.mjs';

const period = '2026-10';
const shots = new URL('../../docs/screenshots/', import.meta.url).pathname;
mkdirSync(shots, { recursive: true });

const pageQuery = `query($u: ID!, $p: String!, $band: VerbatimBand!, $slices: [SliceInput!], $after: String) { unit(id: $u) {
  verbatims(period: $p, band: $band, slices: $slices, first: 20, after: $after) { items { id nps npsBand channel journeyStage segment } hasNextPage endCursor } } }`;

/** The API's pages of a filter, first to last with its cursors (at most six). */
async function apiPagesOf(page, unit, p, band, slices) {
  const pages = [];
  let after = null;
  for (;;) {
    const v = (await graphql(page, pageQuery, { u: unit, p, band, slices, after })).unit.verbatims;
    pages.push(v.items);
    if (!v.hasNextPage || pages.length >= 6) return pages;
    after = v.endCursor;
  }
}

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
    }
    if (i < apiPages.length - 1) await page.getByRole('button', { name: 'Older →' }).click();
  }
  expect(new Set(seen).size === seen.length, 'a comment appeared twice');
  // Back one page: the previous page again, from the cursor trail in the URL.
  await page.getByRole('button', { name: '← Newer' }).click();
  await page.waitForFunction((first) => document.querySelector('ol.verbatims > li.verbatim')?.dataset.id === first, apiPages[apiPages.length - 2][0]);
  await page.reload();
  await page.waitForFunction((first) => document.querySelector('ol.verbatims > li.verbatim')?.dataset.id === first, apiPages[apiPages.length - 2][0]);
});

test('verbatims page through band, channel, journey stage and segment combined exactly as the API pages them', async (page) => {
  await signIn(page, 'executive');
  await page.waitForURL(/scorecard\?period=2026-10$/);
  await page.getByRole('link', { name: 'Verbatims' }).click();
  await page.locator('ol.verbatims > li.verbatim').first().waitFor();
  const unit = new URL(page.url()).pathname.split('/')[2];
  // A year: a month of the demo data holds at most one page of any band, channel, stage and segment together.
  const year = period.slice(0, 4);
  await page.goto(`/units/${unit}/verbatims?period=${year}`);
  await page.locator('ol.verbatims > li.verbatim').first().waitFor();

  // The first combination of all four filters with at least three API pages in the year (the demo data decides which).
  const candidates = [];
  for (const band of ['NPS_DETRACTORS', 'ALL'])
    for (const channel of ['phone', 'chat', 'app', 'store', 'email'])
      for (const stage of ['service', 'usage', 'purchase', 'onboarding'])
        for (const segment of ['consumer', 'small_business', 'premium', 'enterprise']) candidates.push({ band, channel, stage, segment });
  let chosen = null;
  let apiPages = null;
  for (const c of candidates) {
    const slices = [{ dimension: 'CHANNEL', value: c.channel }, { dimension: 'JOURNEY_STAGE', value: c.stage }, { dimension: 'SEGMENT', value: c.segment }];
    const probe = (await graphql(page, pageQuery, { u: unit, p: year, band: c.band, slices, after: null })).unit.verbatims;
    if (!probe.hasNextPage) continue;
    const pages = await apiPagesOf(page, unit, year, c.band, slices);
    if (pages.length >= 3) {
      chosen = c;
      apiPages = pages;
      break;
    }
  }
  expect(chosen, `no combination of band, channel, stage and segment has three pages of comments in ${year}`);
  for (const items of apiPages) {
    for (const v of items) {
      expect(v.channel === chosen.channel && v.journeyStage === chosen.stage && v.segment === chosen.segment,
        `the API gave ${v.id} (${v.channel}, ${v.journeyStage}, ${v.segment}) for ${JSON.stringify(chosen)}`);
    }
  }

  // Set the filters one by one in the selects: each goes into the URL.
  if (chosen.band !== 'ALL') {
    await page.getByLabel('Score band').selectOption(chosen.band);
    await page.waitForURL(new RegExp(`band=${chosen.band}`));
  }
  await page.getByRole('combobox', { name: 'Channel' }).selectOption(chosen.channel);
  await page.waitForURL(new RegExp(`channel=${chosen.channel}`));
  await page.getByRole('combobox', { name: 'Journey stage' }).selectOption(chosen.stage);
  await page.waitForURL(new RegExp(`stage=${chosen.stage}`));
  await page.getByRole('combobox', { name: 'Segment' }).selectOption(chosen.segment);
  await page.waitForURL(new RegExp(`segment=${chosen.segment}`));
  const search = new URL(page.url()).searchParams;
  expect(search.get('channel') === chosen.channel && search.get('stage') === chosen.stage && search.get('segment') === chosen.segment,
    `the URL lost a filter: ${page.url()}`);

  const seen = [];
  for (let i = 0; i < apiPages.length; i++) {
    const ids = apiPages[i].map((v) => v.id);
    await page.waitForFunction((first) => document.querySelector('ol.verbatims > li.verbatim')?.dataset.id === first, ids[0]);
    const shown = await shownIds(page);
    expect(JSON.stringify(shown) === JSON.stringify(ids), `page ${i + 1}: shown ${shown.join(',')}\n API ${ids.join(',')}`);
    seen.push(...shown);
    if (i === 0) {
      const a11y = await seriousA11yViolations(page);
      expect(a11y.length === 0, `axe: ${JSON.stringify(a11y)}`);
      await page.screenshot({ path: `${shots}verbatims-en.png` });
    }
    if (i < apiPages.length - 1) await page.getByRole('button', { name: 'Older →' }).click();
  }
  expect(new Set(seen).size === seen.length, 'a comment appeared twice');
  expect(seen.length === apiPages.flat().length, `${seen.length} comments shown, the API paged ${apiPages.flat().length}`);

  // A reload restores every select and the page.
  await page.reload();
  await page.waitForFunction((first) => document.querySelector('ol.verbatims > li.verbatim')?.dataset.id === first, apiPages[apiPages.length - 1][0].id);
  expect((await page.getByRole('combobox', { name: 'Channel' }).inputValue()) === chosen.channel, 'the channel select was not restored');
  expect((await page.getByRole('combobox', { name: 'Journey stage' }).inputValue()) === chosen.stage, 'the stage select was not restored');
  expect((await page.getByRole('combobox', { name: 'Segment' }).inputValue()) === chosen.segment, 'the segment select was not restored');
  expect((await page.getByLabel('Score band').inputValue()) === chosen.band, 'the band select was not restored');

  // Changing one filter starts again at the first page.
  await page.getByRole('combobox', { name: 'Segment' }).selectOption('');
  await page.waitForURL((url) => !url.searchParams.has('segment') && !url.searchParams.has('after'));

  await page.getByRole('combobox', { name: 'Segment' }).selectOption(chosen.segment);
  await page.waitForFunction((first) => document.querySelector('ol.verbatims > li.verbatim')?.dataset.id === first, apiPages[0][0].id);
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
