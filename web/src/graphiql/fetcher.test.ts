import { beforeEach, describe, expect, it, vi } from 'vitest';
import { saveSession } from '../lib/session';
import { createCxFetcher, notSignedIn } from './fetcher';

function mockEndpoint(status: number, body: string) {
  const calls: { url: string; headers: Headers; body: string }[] = [];
  vi.stubGlobal('fetch', vi.fn(async (url: string, init: RequestInit) => {
    calls.push({ url, headers: new Headers(init.headers), body: String(init.body) });
    return new Response(body, { status, headers: { 'content-type': 'application/json' } });
  }));
  return calls;
}

describe('GraphiQL fetcher', () => {
  beforeEach(() => sessionStorage.clear());

  it('sends the signed-in session token as a bearer token with the query', async () => {
    saveSession({ token: 'tok-123', persona: 'ceo', name: 'Claire', role: 'executive' });
    const calls = mockEndpoint(200, '{"data":{"__typename":"Query"}}');
    const result = await createCxFetcher('/graphql')({ query: '{ __typename }', operationName: null });
    expect(result).toEqual({ data: { __typename: 'Query' } });
    expect(calls).toHaveLength(1);
    expect(calls[0].url).toBe('/graphql');
    expect(calls[0].headers.get('authorization')).toBe('Bearer tok-123');
    expect(calls[0].headers.get('content-type')).toBe('application/json');
    expect(JSON.parse(calls[0].body)).toEqual({ query: '{ __typename }', operationName: null });
  });

  it('lets a header from the Headers tab replace the session token', async () => {
    saveSession({ token: 'tok-123', persona: 'ceo', name: 'Claire', role: 'executive' });
    const calls = mockEndpoint(200, '{"data":{}}');
    await createCxFetcher('/graphql')({ query: '{ a }' }, { headers: { authorization: 'Bearer other' } });
    expect(calls[0].headers.get('authorization')).toBe('Bearer other');
  });

  it('sends no Authorization without a session and explains a 401', async () => {
    const calls = mockEndpoint(401, '');
    const result = await createCxFetcher('/graphql')({ query: '{ a }' });
    expect(calls[0].headers.has('authorization')).toBe(false);
    expect(result).toEqual({ errors: [{ message: notSignedIn }] });
  });
});
