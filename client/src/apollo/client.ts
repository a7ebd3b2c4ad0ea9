import { ApolloClient, ApolloLink, HttpLink } from '@apollo/client';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { ErrorLink } from '@apollo/client/link/error';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { OperationTypeNode } from 'graphql';

import { SessionDocument } from '../gql/graphql';
import { createCache } from './cache';
import { sessionEndOf, sessionEvents } from './session-events';
import { createWsClient } from './ws-client';

/** Listeners for the socket coming back after a drop (to refresh what may have changed meanwhile). */
const reconnectListeners = new Set<() => void>();
export function onReconnect(listener: () => void): () => void {
  reconnectListeners.add(listener);
  return () => reconnectListeners.delete(listener);
}

/**
 * The hash GraphQL Code Generator gave an operation at build (its trusted document): the server
 * runs the document it holds under that hash, and in production runs nothing else for a browser.
 */
export function trustedHashOf(document: unknown): string {
  const hash = (document as { __meta__?: { hash?: unknown } }).__meta__?.hash;
  if (typeof hash !== 'string') throw new Error('An operation without a trusted-document hash');
  return hash.replace(/^sha256:/, '');
}

/**
 * Apollo Client over two links: HTTP for queries and mutations (the session cookie, same origin),
 * graphql-ws for subscriptions; every operation goes by its trusted-document hash. A response
 * saying the session ended signs the portal out.
 */
export function createApolloClient(): ApolloClient {
  const http = new HttpLink({ uri: '/graphql', credentials: 'same-origin' });

  const ws = new GraphQLWsLink(
    createWsClient({
      onConnected: (wasRetry) => {
        if (wasRetry) for (const listener of reconnectListeners) listener();
      },
      // A refused socket says nothing about why; ask over HTTP, whose error names the reason.
      onForbidden: () => {
        client
          .query({ query: SessionDocument, fetchPolicy: 'network-only' })
          .catch(() => undefined);
      },
    }),
  );

  const sessionGuard = new ErrorLink(({ error, operation }) => {
    if (!CombinedGraphQLErrors.is(error)) return;
    for (const { extensions } of error.errors) {
      const reason = sessionEndOf(extensions?.['code']);
      // Signing in is allowed to be refused without that meaning anything ended.
      if (reason && operation.operationName !== 'SignIn') {
        sessionEvents.ended(reason);
        return;
      }
    }
  });

  const client: ApolloClient = new ApolloClient({
    cache: createCache(),
    link: ApolloLink.from([
      sessionGuard,
      new PersistedQueryLink({ generateHash: trustedHashOf }),
      ApolloLink.split(
        ({ operationType }) => operationType === OperationTypeNode.SUBSCRIPTION,
        ws,
        http,
      ),
    ]),
    defaultOptions: {
      watchQuery: { fetchPolicy: 'cache-and-network', nextFetchPolicy: 'cache-first' },
    },
  });
  return client;
}
