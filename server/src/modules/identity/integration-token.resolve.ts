import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { ResolvedSession } from './session.service.js';

/** Integration tokens start with this, sessions with `kab_`: one look tells which table to ask. */
export const INTEGRATION_TOKEN_PREFIX = 'kabi_';

/** How often a token's last use is written back: not on every request. */
const TOUCH_INTERVAL_MS = 60_000;

export const isIntegrationToken = (token: string): boolean =>
  token.startsWith(INTEGRATION_TOKEN_PREFIX);

interface TokenRow {
  id: string;
  revoked_at: Date | null;
  last_used_at: Date | null;
  user_id: string;
  login: string;
  status: string;
  organization_id: string;
}

/**
 * The viewer behind an integration token: its service account, with the one role INTEGRATION and
 * the token's id as the session id (revoking the token ends it like a session). No expiry.
 */
export async function resolveIntegrationToken(
  em: EntityManager,
  token: string,
): Promise<ResolvedSession> {
  const [row] = await em.execute<TokenRow[]>(
    `select t.id, t.revoked_at, t.last_used_at, u.id as user_id, u.login, u.status, u.organization_id
       from integration_token t join app_user u on u.id = t.user_id
      where t.token_hash = ?`,
    [createHash('sha256').update(token).digest('hex')],
  );
  if (!row) return { viewer: null, failure: 'SESSION_INVALID' };
  if (row.revoked_at || row.status !== 'ACTIVE')
    return { viewer: null, failure: 'SESSION_REVOKED' };
  const now = Date.now();
  if (!row.last_used_at || now - new Date(row.last_used_at).getTime() > TOUCH_INTERVAL_MS) {
    await em.execute('update integration_token set last_used_at = ? where id = ?', [
      new Date(now),
      row.id,
    ]);
  }
  return {
    viewer: {
      userId: row.user_id,
      login: row.login,
      organizationId: row.organization_id,
      employeeId: null,
      sessionId: row.id,
      roles: new Set(['INTEGRATION']),
    },
    failure: null,
  };
}
