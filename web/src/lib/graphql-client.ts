import { Client, cacheExchange, fetchExchange } from 'urql';

/**
 * One urql client per session: its document cache is keyed by query and variables, so a new client on
 * sign-in/out means one caller never sees another's cached results.
 */
export function createGraphqlClient(token: string | null): Client {
  return new Client({
    // Absolute, so the same code runs under Node (component tests) and in the browser.
    url: new URL('/graphql', window.location.origin).toString(),
    exchanges: [cacheExchange, fetchExchange],
    requestPolicy: 'cache-first',
    // POST always: the token travels in a header, and the query text stays out of URLs and logs.
    preferGetMethod: false,
    fetchOptions: (): RequestInit => ({ headers: token ? { authorization: `Bearer ${token}` } : ({} as Record<string, string>) }),
  });
}
