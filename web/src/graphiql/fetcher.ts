import type { Fetcher, FetcherOpts, FetcherParams } from '@graphiql/toolkit';
import { loadSession } from '../lib/session';

/**
 * GraphiQL's fetcher: POSTs to the endpoint with the signed-in persona's bearer token, read from the same
 * sessionStorage entry the dashboard keeps (lib/session). A header typed in GraphiQL's Headers tab wins,
 * so another token can be tried without signing in again.
 */
export function createCxFetcher(url: string): Fetcher {
  return async (params: FetcherParams, options?: FetcherOpts) => {
    const headers = new Headers({
      'Content-Type': 'application/json',
      Accept: 'application/graphql-response+json, application/json',
    });
    const token = loadSession()?.token;
    if (token) headers.set('Authorization', `Bearer ${token}`);
    for (const [name, value] of Object.entries(options?.headers ?? {})) {
      if (value !== undefined && value !== null) headers.set(name, String(value));
    }
    const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify(params) });
    const text = await response.text();
    if (response.status === 401) {
      // the endpoint needs a bearer token: say how to get one instead of showing an empty 401
      return { errors: [{ message: notSignedIn }] };
    }
    try {
      return JSON.parse(text);
    } catch {
      return { errors: [{ message: `${response.status} ${response.statusText}: ${text.slice(0, 500)}` }] };
    }
  };
}

export const notSignedIn =
  '401 Unauthorized: sign in to CxDashboard in this tab first (GraphiQL sends the session token), ' +
  'or put {"Authorization": "Bearer <token>"} in the Headers tab.';
