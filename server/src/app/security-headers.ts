import type express from 'express';
import helmet from 'helmet';

/** A year, in seconds: how long a browser keeps to HTTPS after one Strict-Transport-Security. */
const HSTS_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

/**
 * The Content-Security-Policy of every response. Scripts only from this server (the portal's and
 * GraphiQL's bundles are files, never inline), no plugins, no framing, forms and fetches to this
 * origin only (`'self'` covers the same-origin WebSocket in CSP Level 3). Inline styles are allowed:
 * React's `style` props and GraphiQL's editor set them; they cannot run code.
 */
export const contentSecurityPolicy = (tls: boolean) => ({
  useDefaults: false,
  directives: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:', 'blob:'],
    fontSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    workerSrc: ["'self'", 'blob:'],
    manifestSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
    ...(tls ? { upgradeInsecureRequests: [] } : {}),
  },
});

/**
 * Security headers on every route (the portal, GraphiQL, the API, files, probes) through helmet:
 * the CSP above, `X-Frame-Options: DENY`, `nosniff`, `Referrer-Policy: no-referrer`, same-origin
 * opener and resource policies, and HSTS when the deployment is served over TLS. A route may set a
 * stricter policy of its own (a downloaded file is sandboxed).
 */
export function securityHeaders(options: { hsts: boolean }): express.RequestHandler {
  return helmet({
    contentSecurityPolicy: contentSecurityPolicy(options.hsts),
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: options.hsts
      ? { maxAge: HSTS_MAX_AGE_SECONDS, includeSubDomains: false }
      : false,
  });
}
