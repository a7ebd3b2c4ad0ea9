import type { IncomingMessage } from 'node:http';
import { parseCookie } from 'cookie';

export const SESSION_COOKIE = 'kabinet_session';

/** The session token a request carries: `Authorization: Bearer …` first, else the session cookie. */
export function tokenFromRequest(req: IncomingMessage): string | null {
  const header = req.headers.authorization;
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    return match?.[1] ?? null;
  }
  const cookies = req.headers.cookie ? parseCookie(req.headers.cookie) : {};
  return cookies[SESSION_COOKIE] ?? null;
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
