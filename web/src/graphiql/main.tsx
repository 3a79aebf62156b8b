import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import 'graphiql/style.css';
import './graphiql.css';
import { loadSession } from '../lib/session';
import { createCxFetcher } from './fetcher';

// Served by the API on a browser GET of /graphql, so the page's own path is the endpoint.
const fetcher = createCxFetcher(window.location.pathname);

const session = loadSession();
const defaultQuery = session
  ? `# Signed in as ${session.name} (${session.role}); queries see that persona's scope.\n{\n  __typename\n}\n`
  : `# Not signed in: sign in to CxDashboard in this tab first, or add\n# {"Authorization": "Bearer <token>"} in the Headers tab below.\n{\n  __typename\n}\n`;

createRoot(document.getElementById('graphiql')!).render(
  <StrictMode>
    <GraphiQL fetcher={fetcher} defaultQuery={defaultQuery} />
  </StrictMode>,
);
