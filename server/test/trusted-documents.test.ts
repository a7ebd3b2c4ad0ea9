import fs from 'node:fs';
import path from 'node:path';
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import {
  DEMO_PASSWORD,
  startTestServer,
  type GraphQLResponse,
  type TestServer,
} from './harness.js';

/**
 * Trusted documents (issue 16): the portal's operations are extracted at build by codegen; where
 * they are enforced (production) a browser session runs only those, by hash, and a token client
 * sends its own only where its organization allows. An anonymous caller in production learns
 * nothing of the schema from a refusal.
 */

const manifestFile = path.resolve(
  import.meta.dirname,
  '../../client/src/gql/persisted-documents.json',
);
const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as Record<string, string>;

/** The hash and text of the portal's operation of that name. */
const operation = (name: string) => {
  const entry = Object.entries(manifest).find(([, text]) =>
    new RegExp(`^(query|mutation|subscription) ${name}\\b`).test(text),
  );
  if (!entry) throw new Error(`no trusted document ${name}`);
  return { hash: entry[0].replace(/^sha256:/, ''), text: entry[1] };
};
const byHash = (hash: string) => ({ persistedQuery: { version: 1, sha256Hash: hash } });

let enforced: TestServer;
let relaxed: TestServer;

beforeAll(async () => {
  [enforced, relaxed] = await Promise.all([
    startTestServer({
      demo: true,
      env: {
        NODE_ENV: 'production',
        SEED_DEMO: 'true',
        COOKIE_SECURE: 'false',
        TRUSTED_DOCUMENTS_FILE: manifestFile,
      },
    }),
    startTestServer({ demo: true, env: { TRUSTED_DOCUMENTS_FILE: manifestFile } }),
  ]);
});
afterAll(async () => {
  await Promise.all([enforced?.close(), relaxed?.close()]);
});

type Credentials = { cookie: string } | { bearer: string } | null;

/** POST /graphql as a browser (the session cookie), a token client, or no one. */
async function post(
  server: TestServer,
  body: Record<string, unknown>,
  credentials: Credentials,
): Promise<{ result: GraphQLResponse; setCookie: string | null }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (credentials && 'cookie' in credentials) headers['cookie'] = credentials.cookie;
  if (credentials && 'bearer' in credentials)
    headers['authorization'] = `Bearer ${credentials.bearer}`;
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers,
    body: JSON.stringify(body),
  });
  return {
    result: (await response.json()) as GraphQLResponse,
    setCookie: response.headers.get('set-cookie'),
  };
}

const codeOf = (result: GraphQLResponse) => result.errors?.[0]?.extensions?.['code'];

/** Signs in as the portal does (the SignIn document, by hash) and returns the session cookie. */
async function browserSession(server: TestServer, login: string): Promise<{ cookie: string }> {
  const signIn = operation('SignIn');
  const { result, setCookie } = await post(
    server,
    {
      extensions: byHash(signIn.hash),
      variables: { input: { login, password: DEMO_PASSWORD } },
    },
    null,
  );
  expect(result.errors).toBeUndefined();
  return { cookie: setCookie!.split(';')[0]! };
}

describe('trusted documents, enforced (production)', () => {
  it('runs the portal’s operations by hash for a browser session, and refuses any text', async () => {
    const browser = await browserSession(enforced, 'employee');
    const session = operation('Session');
    const trusted = await post(enforced, { extensions: byHash(session.hash) }, browser);
    expect(trusted.result.errors).toBeUndefined();
    expect(trusted.result.data).toMatchObject({ me: { __typename: 'User' } });

    // The very same document as text, and any other: refused before anything runs.
    for (const query of [session.text, '{ me { login } }']) {
      const adHoc = await post(enforced, { query }, browser);
      expect(codeOf(adHoc.result)).toBe('TRUSTED_DOCUMENT_REQUIRED');
      expect(adHoc.result.data ?? null).toBeNull();
    }
    // A hash the build does not know: named as such without text, treated as text with it.
    const unknown = 'f'.repeat(64);
    expect(codeOf((await post(enforced, { extensions: byHash(unknown) }, browser)).result)).toBe(
      'PERSISTED_QUERY_NOT_FOUND',
    );
    expect(
      codeOf(
        (await post(enforced, { query: '{ me { login } }', extensions: byHash(unknown) }, browser))
          .result,
      ),
    ).toBe('TRUSTED_DOCUMENT_REQUIRED');
  });

  it('runs a trusted document’s own text whatever text comes with its hash', async () => {
    const browser = await browserSession(enforced, 'employee');
    const session = operation('Session');
    const { result } = await post(
      enforced,
      { query: '{ organization { name } }', extensions: byHash(session.hash) },
      browser,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toHaveProperty('me');
    expect(result.data).not.toHaveProperty('organization');
  });

  it('lets a token client send its own documents until the organization says no', async () => {
    const admin = await enforced.login('admin');
    const token = await enforced.login('hr');
    const ask = () => post(enforced, { query: '{ me { login } }' }, { bearer: token });
    const settings = (allow: boolean) =>
      post(
        enforced,
        {
          query: `mutation($allow: Boolean) { updateOrganizationSettings(input: { allowApiDocuments: $allow }) { allowApiDocuments } }`,
          variables: { allow },
        },
        { bearer: admin },
      );
    expect((await ask()).result.data).toEqual({ me: { login: 'hr' } });
    expect((await settings(false)).result.errors).toBeUndefined();
    try {
      expect(codeOf((await ask()).result)).toBe('TRUSTED_DOCUMENT_REQUIRED');
      // The portal's own operations still run by hash for a token client.
      const byToken = await post(
        enforced,
        { extensions: byHash(operation('Session').hash) },
        { bearer: token },
      );
      expect(byToken.result.errors).toBeUndefined();
    } finally {
      // An admin's token always may: the setting is theirs to turn back.
      expect((await settings(true)).result.errors).toBeUndefined();
    }
    expect((await ask()).result.data).toEqual({ me: { login: 'hr' } });
  });

  it('holds over the WebSocket: a browser socket subscribes by hash only', async () => {
    const browser = await browserSession(enforced, 'employee');
    const client = createClient({
      url: `${enforced.url.replace(/^http/, 'ws')}/graphql`,
      retryAttempts: 0,
      webSocketImpl: class extends WebSocket {
        constructor(address: string, protocols?: string | string[]) {
          super(address, protocols, {
            headers: { cookie: browser.cookie, origin: enforced.url },
          });
        }
      },
    });
    const first = (payload: { query: string; extensions?: Record<string, unknown> }) =>
      new Promise<unknown>((resolve) => {
        const stop = client.subscribe(payload, {
          next: (value) => {
            resolve(value);
            stop();
          },
          error: (error) => resolve(error),
          complete: () => resolve('complete'),
        });
      });
    try {
      const session = operation('Session');
      const adHoc = (await first({ query: session.text })) as { extensions?: { code?: string } }[];
      expect(adHoc[0]?.extensions?.code).toBe('TRUSTED_DOCUMENT_REQUIRED');
      const trusted = (await first({ query: '', extensions: byHash(session.hash) })) as {
        data?: { me?: unknown };
        errors?: unknown;
      };
      expect(trusted.errors).toBeUndefined();
      expect(trusted.data?.me).toBeTruthy();
    } finally {
      await client.dispose();
    }
  });

  it('tells an anonymous caller nothing of the schema, and a signed-in one what went wrong', async () => {
    const probe = '{ me { logn } }';
    const anonymous = await post(enforced, { query: probe }, null);
    expect(anonymous.result.errors).toEqual([
      {
        message: 'The operation is not valid',
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      },
    ]);
    const signedIn = await post(enforced, { query: probe }, { bearer: await enforced.login('hr') });
    expect(signedIn.result.errors?.[0]?.message).toMatch(
      /Cannot query field "logn" on type "User"\.$/,
    );
    // …without "Did you mean" in production.
    expect(signedIn.result.errors?.[0]?.message).not.toMatch(/Did you mean/);
  });
});

describe('trusted documents, not enforced (development, GraphiQL)', () => {
  it('runs a browser session’s text and its hashes alike', async () => {
    const browser = await browserSession(relaxed, 'employee');
    const adHoc = await post(relaxed, { query: '{ me { login } }' }, browser);
    expect(adHoc.result.data).toEqual({ me: { login: 'employee' } });
    const trusted = await post(relaxed, { extensions: byHash(operation('Session').hash) }, browser);
    expect(trusted.result.errors).toBeUndefined();
  });
});
