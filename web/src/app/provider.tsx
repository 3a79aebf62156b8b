import { useMemo } from 'react';
import { I18nextProvider } from 'react-i18next';
import { Provider as UrqlProvider } from 'urql';
import { createGraphqlClient } from '../lib/graphql-client';
import { i18n } from '../lib/i18n';
import { useSession } from '../lib/session';

/** i18n and a GraphQL client bound to the signed-in session (a new client, and so an empty cache, per session). */
export function AppProvider({ children }: { children: React.ReactNode }) {
  const session = useSession();
  const token = session?.token ?? null;
  const client = useMemo(() => createGraphqlClient(token), [token]);
  return (
    <I18nextProvider i18n={i18n}>
      <UrqlProvider value={client}>{children}</UrqlProvider>
    </I18nextProvider>
  );
}
