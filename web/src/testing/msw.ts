import { graphql, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';

/**
 * One MSW server for the component tests: each test installs the GraphQL/REST answers it needs with server.use. The one
 * answer every test has: the shell's top-bar read (no top unit, one partner; a test that wants other answers overrides it).
 */
export const server = setupServer(graphql.query('TopBar', () => HttpResponse.json({ data: { me: { roots: [] }, partners: [{ code: 'PRT-ACME' }] } })));

export function setupMswServer() {
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
}
