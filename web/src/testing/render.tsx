import { render } from '@testing-library/react';
import { useMemo } from 'react';
import { I18nextProvider } from 'react-i18next';
import { createMemoryRouter, RouterProvider, type RouteObject } from 'react-router';
import { Provider as UrqlProvider } from 'urql';
import { createGraphqlClient } from '../lib/graphql-client';
import { i18n } from '../lib/i18n';
import { saveSession } from '../lib/session';

function Providers({ children }: { children: React.ReactNode }) {
  const client = useMemo(() => createGraphqlClient('test-token'), []);
  return (
    <I18nextProvider i18n={i18n}>
      <UrqlProvider value={client}>{children}</UrqlProvider>
    </I18nextProvider>
  );
}

/** Renders one feature route at a URL, signed in, with a real router, i18n and GraphQL client (MSW answers). */
export function renderRoute(route: RouteObject, url: string, extra: RouteObject[] = []) {
  saveSession({ token: 'test-token', persona: 'executive', name: 'Eve Executive', role: 'executive' });
  const router = createMemoryRouter([route, ...extra, { path: '*', element: <p>elsewhere</p> }], { initialEntries: [url] });
  const view = render(
    <Providers>
      <RouterProvider router={router} />
    </Providers>,
  );
  return { ...view, router };
}
