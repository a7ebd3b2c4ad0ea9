import type { IncomingMessage } from 'node:http';
import { parseCookie } from 'cookie';

export const SESSION_COOKIE = 'kabinet_session';

/** The session token a request carries: `Authorization: Bearer …` first, else the session cookie. */
export function tokenFromRequest(req: IncomingMessage): string | null {
  return credentialsFromRequest(req)?.token ?? null;
}

/**
 * The token and where it came from. A cookie is sent by the browser on its own, so a state-changing
 * request that authenticates by it needs proof it comes from a page of ours; a Bearer header is
 * set by the caller's code, which another site cannot do without a CORS preflight.
 */
export function credentialsFromRequest(
  req: IncomingMessage,
): { token: string; source: 'bearer' | 'cookie' } | null {
  const header = req.headers.authorization;
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    return match?.[1] ? { token: match[1], source: 'bearer' } : null;
  }
  const cookies = req.headers.cookie ? parseCookie(req.headers.cookie) : {};
  const token = cookies[SESSION_COOKIE];
  return token ? { token, source: 'cookie' } : null;
}

/** The token from graphql-ws `connectionParams`: `{ token }` or `{ authorization: 'Bearer …' }`. */
export function tokenFromConnectionParams(
  params: Readonly<Record<string, unknown>> | undefined,
): string | null {
  if (!params) return null;
  if (typeof params['token'] === 'string') return params['token'];
  const authorization = params['authorization'] ?? params['Authorization'];
  if (typeof authorization === 'string')
    return /^Bearer\s+(\S+)$/i.exec(authorization)?.[1] ?? null;
  return null;
}
