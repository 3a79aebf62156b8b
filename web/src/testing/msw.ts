import { graphql, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';

/**
 * One MSW server for the component tests: each test installs the GraphQL/REST answers it needs with server.use. The one
 * answer every test has: the shell's top-unit lookup on screens off the units (no unit; a test that wants one overrides it).
 */
export const server = setupServer(graphql.query('TopUnit', () => HttpResponse.json({ data: { me: { roots: [] } } })));

export function setupMswServer() {
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
}
