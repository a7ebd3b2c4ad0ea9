// Self-hosted GraphiQL 5: everything (Monaco editor, its web workers, CSS, fonts) is bundled
// by Vite into dist/, nothing is loaded from a CDN.
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import './graphiql.css';

import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { createClient } from 'graphql-ws';
import { createRoot } from 'react-dom/client';

const DEFAULT_QUERY = `{
  employees(first: 5) {
    totalCount
    edges {
      node {
        id
        lastName
        firstName
      }
    }
  }
}
`;

const { origin, host, protocol } = window.location;

// Send the session cookie with every HTTP request (the toolkit does not set `credentials`).
const sameOriginFetch: typeof fetch = (input, init) =>
  window.fetch(input, { ...init, credentials: 'same-origin' });

// graphql-ws client for subscriptions: lazy (connects on the first subscription) and keeps
// reconnecting while the server restarts. Browsers send same-host cookies on the WS handshake.
const wsClient = createClient({
  url: `${protocol === 'https:' ? 'wss:' : 'ws:'}//${host}/graphql`,
  retryAttempts: Infinity,
});

const fetcher = createGraphiQLFetcher({
  url: `${origin}/graphql`,
  wsClient,
  fetch: sameOriginFetch,
});

const container = document.getElementById('graphiql');
if (!container) throw new Error('#graphiql container is missing');

createRoot(container).render(<GraphiQL fetcher={fetcher} defaultQuery={DEFAULT_QUERY} />);
