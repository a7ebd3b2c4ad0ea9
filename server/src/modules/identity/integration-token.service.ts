import { randomBytes } from 'node:crypto';
import { viewerOf, type AppContext } from '../../core/context.js';
import { unitOf } from '../../core/unit-of-work.js';
import { authorize } from '../../core/policy.js';
import { identityActions } from './identity.policy.js';
import { badInput, notFound } from '../../core/errors.js';
import { isUuid } from '../../core/ids.js';
import { newId } from '../../core/orm/base.entity.js';
import { hashToken } from './session.service.js';
import { User } from './user.entity.js';
import { IntegrationToken } from './integration-token.entity.js';
import { INTEGRATION_TOKEN_PREFIX } from './integration-token.resolve.js';

/**
 * ADMIN's tokens for the system of record: each is its own INTEGRATION service account (no
 * password, no personal file), shown once at creation, stored hashed, revoked for good. Every
 * creation and revocation is journalled.
 */
export class IntegrationTokenService {
  constructor(private readonly ctx: AppContext) {}

  list(): Promise<IntegrationToken[]> {
    const viewer = viewerOf(this.ctx);
    authorize(viewer, identityActions.manageIntegrationTokens);
    return this.ctx.em.find(
      IntegrationToken,
      { organization: viewer.organizationId },
      { orderBy: { createdAt: 'desc', id: 'desc' } },
    );
  }

  async create(name: string): Promise<{ token: string; integrationToken: IntegrationToken }> {
    const viewer = viewerOf(this.ctx);
    authorize(viewer, identityActions.manageIntegrationTokens);
    const label = name.trim();
    if (label.length < 1 || label.length > 200)
      throw badInput(['name'], 'A name of 1 to 200 characters');
    const token = `${INTEGRATION_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
    const tx = unitOf(this.ctx).em;
    const id = newId();
    const user = tx.create(User, {
      id: newId(),
      organization: viewer.organizationId,
      login: `integration.${id}`,
      roles: ['INTEGRATION'],
      displayName: label,
      passwordHash: null,
      status: 'ACTIVE',
    });
    const row = tx.create(IntegrationToken, {
      id,
      organization: viewer.organizationId,
      name: label,
      user,
      tokenHash: hashToken(token),
      hint: token.slice(-4),
      createdBy: viewer.userId,
    });
    await tx.flush();
    await this.ctx.access.writeNow(tx, {
      subjectUserId: user.id,
      section: 'INTEGRATION',
      action: 'CHANGE',
      allowed: true,
      operation: 'createIntegrationToken',
    });
    const integrationToken = row;
    return { token, integrationToken };
  }

  /** Revokes a token and disables its account; requests with it fail from then on. Idempotent. */
  async revoke(id: string): Promise<IntegrationToken> {
    const viewer = viewerOf(this.ctx);
    authorize(viewer, identityActions.manageIntegrationTokens);
    const row = isUuid(id)
      ? await this.ctx.em.findOne(IntegrationToken, { id, organization: viewer.organizationId })
      : null;
    if (!row) throw notFound('Integration token', id);
    if (row.revokedAt) return row;
    const tx = unitOf(this.ctx).em;
    tx.persist(row);
    row.revokedAt = new Date();
    row.revokedBy = tx.getReference(User, viewer.userId, { wrapped: true });
    await tx.nativeUpdate(User, { id: row.user.id }, { status: 'DISABLED' });
    await this.ctx.access.writeNow(tx, {
      subjectUserId: row.user.id,
      section: 'INTEGRATION',
      action: 'CHANGE',
      allowed: true,
      operation: 'revokeIntegrationToken',
    });
    unitOf(this.ctx).events.publish('SESSIONS_REVOKED', { sessionIds: [row.id] });
    return row;
  }
}

/** How an import names the caller: the token's name, the service account for the journal. */
export async function integrationActor(ctx: AppContext) {
  const viewer = viewerOf(ctx);
  const token = await ctx.em.findOne(IntegrationToken, { id: viewer.sessionId });
  return { userId: viewer.userId, label: token?.name ?? viewer.login, login: viewer.login };
}
