import type { IncomingMessage } from 'node:http';

/**
 * The request's `Origin` is this server's own host or one configured in ALLOWED_ORIGINS. The
 * session cookie is ambient: whatever sends it from a page this server does not trust (a WebSocket
 * upgrade, an upload) is refused, so no other site can act with a signed-in user's session.
 */
export function originAllowed(request: IncomingMessage, allowed: readonly string[]): boolean {
  const origin = request.headers.origin;
  if (!origin) return false;
  try {
    const { host } = new URL(origin);
    return host === request.headers.host || allowed.includes(origin);
  } catch {
    return false;
  }
}
