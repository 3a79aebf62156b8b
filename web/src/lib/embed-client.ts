import { Client, cacheExchange, fetchExchange, mapExchange } from 'urql';
import { asList, decodeEmbedToken, getEmbedToken, postToHost } from './embed';

/**
 * The embedded app's GraphQL client: the embed token is read per request (so a refreshed token changes nothing
 * else; it is the same embed), the first answer with data tells the host `cx:loaded`, and a 401 is reported.
 */
export function createEmbedClient(onRefused: (expired: boolean) => void): Client {
  let loaded = false;
  return new Client({
    url: new URL('/graphql', window.location.origin).toString(),
    requestPolicy: 'cache-first',
    preferGetMethod: false,
    exchanges: [
      cacheExchange,
      mapExchange({
        onResult(result) {
          const claims = decodeEmbedToken(getEmbedToken() ?? '');
          if (result.data && !result.error && !loaded) {
            loaded = true;
            // The partner view has no unit: it opens on the token's one partner.
            const partner = claims?.view === 'partner' ? asList(claims.scope_partner)[0] : undefined;
            postToHost({ type: 'cx:loaded', view: claims?.view, unit: claims?.lock_unit, partner }, asList(claims?.origin));
          }
          if (result.error?.response?.status === 401) onRefused(!claims || claims.exp * 1000 <= Date.now());
          return result;
        },
      }),
      fetchExchange,
    ],
    fetchOptions: () => {
      const token = getEmbedToken();
      return { headers: token ? { authorization: `Bearer ${token}` } : ({} as Record<string, string>) };
    },
  });
}
