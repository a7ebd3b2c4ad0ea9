import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.js';

/**
 * Security headers on every route, through helmet (issue 16): the portal, GraphiQL, the API, file
 * downloads, the probes and a 404 alike. The browser suite runs the portal and GraphiQL under this
 * policy and fails on any violation.
 */

let server: TestServer;
let tls: TestServer;

beforeAll(async () => {
  [server, tls] = await Promise.all([
    startTestServer(),
    startTestServer({ env: { PUBLIC_URL: 'https://kabinet.school.example' } }),
  ]);
});
afterAll(async () => {
  await Promise.all([server?.close(), tls?.close()]);
});

const requests: [string, RequestInit | undefined][] = [
  ['/', undefined],
  ['/graphiql', undefined],
  ['/payslips', undefined],
  [
    '/graphql',
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    },
  ],
  ['/healthz', undefined],
  ['/readyz', undefined],
  ['/files/00000000-0000-0000-0000-000000000000', undefined],
  ['/no/such/route.js', undefined],
];

describe('security headers', () => {
  it.each(requests)('sets the policy on %s', async (route, init) => {
    const response = await fetch(`${server.url}${route}`, init);
    const csp = response.headers.get('content-security-policy') ?? '';
    const directives = new Map(
      csp.split(';').map((part) => {
        const [name, ...values] = part.trim().split(/\s+/);
        return [name!, values.join(' ')];
      }),
    );
    // (A file's own download is sandboxed harder still: files.route sets `default-src 'none'`.)
    expect(directives.get('script-src')).toBe("'self'");
    expect(directives.get('frame-ancestors')).toBe("'none'");
    expect(directives.get('object-src')).toBe("'none'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(directives.has('upgrade-insecure-requests')).toBe(false);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    // Plain HTTP here: no HSTS, which would lock a browser out of an http:// deployment for a year.
    expect(response.headers.get('strict-transport-security')).toBeNull();
    expect(response.headers.get('x-powered-by')).toBeNull();
  });

  it('sends HSTS and upgrades requests when PUBLIC_URL says the deployment is behind TLS', async () => {
    for (const [route, init] of requests) {
      const response = await fetch(`${tls.url}${route}`, init);
      expect(response.headers.get('strict-transport-security')).toBe('max-age=31536000');
    }
    const portal = await fetch(`${tls.url}/`);
    expect(portal.headers.get('content-security-policy')).toContain('upgrade-insecure-requests');
  });
});
