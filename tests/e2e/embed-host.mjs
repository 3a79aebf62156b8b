// What the embed tests' host application does on its own server, outside CxDashboard: register itself and get an API
// key (as the analyst would), serve its page from another origin, and mint embed tokens with the key on /token.
import { createServer } from 'node:http';
import { baseUrl } from './harness.mjs';

/** GraphQL as the demo analyst (host registration is an analyst's job); throws on any error. */
export async function analystGraphql(query, variables) {
  const analyst = await fetch(new URL('/auth/token', baseUrl), {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ persona: 'analyst' }),
  }).then((r) => r.json());
  const r = await fetch(new URL('/graphql', baseUrl), {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${analyst.access_token}` },
    body: JSON.stringify({ query, variables }),
  }).then((x) => x.json());
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data;
}

/** Registers a host application with these origins and grants, and returns a fresh API key for it. */
export async function registerHost(input) {
  const host = await analystGraphql('mutation($i: HostApplicationInput!) { registerHostApplication(input: $i) { id } }', { i: input });
  const { issueApiKey } = await analystGraphql('mutation($h: ID!) { issueApiKey(host: $h) { key } }', { h: host.registerHostApplication.id });
  return issueApiKey.key;
}

/** POST /embed/token with the host's key, as the host's server does; throws on anything but 200. */
export async function mintToken(key, body) {
  const r = await fetch(new URL('/embed/token', baseUrl), {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: `ApiKey ${key}` }, body: JSON.stringify(body),
  });
  if (r.status !== 200) throw new Error(`token: HTTP ${r.status} ${await r.text()}`);
  return r.json();
}

/**
 * Starts a host server on a free port: /page.html is page(search), /token answers { token } from token(url, state)
 * (a thrown error is a 500; a null result is a 503). state.origin is the server's origin; the test sets state.key.
 */
export function serveHost({ page, token }) {
  return new Promise((resolve) => {
    const state = { key: null, origin: '', issued: 0 };
    const server = createServer(async (req, res) => {
      const url = new URL(req.url, 'http://x');
      if (url.pathname === '/page.html') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(page(url.search));
      } else if (url.pathname === '/token') {
        try {
          const t = await token(url, state);
          if (t === null) {
            res.writeHead(503);
            res.end('{}');
            return;
          }
          state.issued++;
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ token: t }));
        } catch (e) {
          res.writeHead(500);
          res.end(String(e));
        }
      } else {
        res.writeHead(404);
        res.end();
      }
    });
    server.listen(0, '127.0.0.1', () => {
      state.origin = `http://127.0.0.1:${server.address().port}`;
      server.unref();
      resolve(state);
    });
  });
}
