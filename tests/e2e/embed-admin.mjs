// The embedding admin screen in a real browser (issue 17 §1): the analyst registers a host application, issues an API
// key shown once, the key really obtains an embed token from POST /embed/token, and once revoked on the screen it is refused.
import { test, expect, baseUrl, signIn, seriousA11yViolations } from './harness.mjs';

const tokenWith = (key) =>
  fetch(new URL('/embed/token', baseUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `ApiKey ${key}` },
    body: JSON.stringify({ view: 'scorecard', locked: { unit: 'DEP-RETAIL-STORES', period: '2026-10' }, ttlSeconds: 60 }),
  });

test('the analyst registers a host on the embedding screen, its key (shown once) obtains a token, and revoked it is refused', async (page) => {
  await signIn(page, 'analyst');
  await page.getByRole('link', { name: 'Embedding' }).click();
  await page.getByRole('heading', { name: 'Embedding: host applications' }).waitFor();
  const name = `e2e admin ${Date.now()}`;
  const form = page.getByRole('form', { name: 'Register a host application' });
  await form.getByLabel('Name of the host application').fill(name);
  await form.getByLabel('Allowed origins (one per line)').fill('https://portal.e2e.test');
  await form.getByLabel('Org units it may grant (codes, comma-separated)').fill('DIV-RETAIL');
  await form.getByRole('button', { name: 'Register' }).click();
  const card = page.getByRole('region', { name, exact: true });
  await card.waitFor();
  expect((await card.innerText()).includes('https://portal.e2e.test'), 'the new host does not list its origin');

  await card.getByRole('button', { name: 'Issue an API key' }).click();
  const secret = (await page.getByTestId('new-key-secret').innerText()).trim();
  expect(secret.length > 20, `key shown: ${secret}`);
  const a11y = await seriousA11yViolations(page);
  expect(a11y.length === 0, `axe: ${JSON.stringify(a11y)}`);

  const issued = await tokenWith(secret);
  const answer = await issued.text();
  expect(issued.status === 200, `POST /embed/token with the new key: HTTP ${issued.status} ${answer}`);
  const { token } = JSON.parse(answer);
  expect(typeof token === 'string' && token.split('.').length === 3, 'no token in the answer');

  await page.getByRole('button', { name: 'I have stored it' }).click();
  expect(!(await page.content()).includes(secret), 'the secret is still on the page after it was dismissed');

  page.once('dialog', (d) => d.accept());
  const row = card.locator('tbody tr').filter({ has: page.getByRole('button', { name: /^Revoke / }) }).first();
  await row.getByRole('button', { name: /^Revoke / }).click();
  await card.getByText(/^revoked /).waitFor();
  const refused = await tokenWith(secret);
  expect(refused.status === 401, `POST /embed/token with the revoked key: HTTP ${refused.status}`);
});

test('a refused registration names each field in the reader’s language (zh-CN) and writes nothing', async (page) => {
  await signIn(page, 'analyst');
  await page.getByRole('link', { name: 'Embedding' }).click();
  await page.getByRole('heading', { name: 'Embedding: host applications' }).waitFor();
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  const form = page.getByRole('form', { name: '注册宿主应用' });
  const name = `e2e refused ${Date.now()}`;
  await form.getByLabel('名称').fill(name);
  await form.getByLabel('允许的来源（每行一个）').fill('ftp://portal.e2e.test');
  await form.getByLabel('可授权的组织单位（代码，逗号分隔）').fill('NO-SUCH-UNIT');
  await form.getByRole('button', { name: '注册' }).click();
  const alert = page.getByRole('alert');
  await alert.waitFor();
  const lines = (await alert.getByRole('listitem').allInnerTexts()).map((l) => l.trim());
  expect(lines.includes('允许的来源：“ftp://portal.e2e.test”不是来源（scheme://host[:port]，须为 https，localhost 可用 http）'), `lines: ${JSON.stringify(lines)}`);
  expect(lines.includes('可授权的组织单位：没有代码为“NO-SUCH-UNIT”的组织单位'), `lines: ${JSON.stringify(lines)}`);
  expect((await page.getByRole('region', { name, exact: true }).count()) === 0, 'the refused host is listed');
  await page.getByRole('combobox', { name: '语言' }).selectOption('en');
});
