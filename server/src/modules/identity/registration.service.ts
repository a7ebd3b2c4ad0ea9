import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { viewerOf, type AppContext } from '../../core/context.js';
import { inUnit, unitOf } from '../../core/unit-of-work.js';
import { authorize } from '../../core/policy.js';
import { identityActions } from './identity.policy.js';
import { AppError, ErrorCode, badInput, notFound } from '../../core/errors.js';
import { isUuid } from '../../core/ids.js';
import { Organization } from '../organization/index.js';
import { User } from './user.entity.js';

const loginPattern = /^[a-z0-9._-]{3,64}$/;
const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MIN_PASSWORD = 10;

export interface Registration {
  login: string;
  password: string;
  displayName: string;
  email: string;
  organizationId?: string | null;
}

/** What `register` answers: the same whether the login was free or taken. */
export interface RegistrationReceipt {
  login: string;
  receivedAt: Date;
}

/** Third parties register themselves; an ADMIN of the organization approves or rejects them. */
export class RegistrationService {
  constructor(private readonly ctx: AppContext) {}

  /**
   * Creates a PENDING external account, which cannot sign in until approved. A taken login creates
   * nothing and answers the same, after the same password hash: neither the answer nor its time says
   * whether a login exists. Each request takes its place in the per-address and per-day limits first.
   * Opens its own unit: the limits count outside it.
   */
  async register(input: Registration): Promise<RegistrationReceipt> {
    const { login, displayName, email } = validRegistration(input);
    const organization = await this.organization(input.organizationId);
    await this.ctx.app.registrationLimiter.take(this.ctx.ip ?? 'unknown', organization.id);
    const passwordHash = await this.ctx.app.passwords.hash(input.password);
    try {
      await inUnit(this.ctx, async (unit) => {
        if ((await unit.em.count(User, { login })) > 0) return;
        unit.em.create(User, {
          organization: unit.em.getReference(Organization, organization.id),
          login,
          passwordHash,
          displayName,
          email,
          roles: ['EXTERNAL'],
          status: 'PENDING',
        });
        await unit.em.flush();
      });
    } catch (error) {
      // The same login registered at the same moment: taken, and answered as such.
      if (!(error instanceof UniqueConstraintViolationException)) throw error;
    }
    return { login, receivedAt: new Date() };
  }

  /** ADMIN: the registrations waiting in the viewer's organization. */
  pending(): Promise<User[]> {
    const viewer = viewerOf(this.ctx);
    authorize(viewer, identityActions.reviewRegistrations);
    return this.ctx.em.find(
      User,
      { organization: viewer.organizationId, status: 'PENDING' },
      { orderBy: { createdAt: 'asc' } },
    );
  }

  /** ADMIN: approves or rejects a pending registration; journalled with the change. */
  async review(userId: string, approve: boolean): Promise<User> {
    const viewer = viewerOf(this.ctx);
    authorize(viewer, identityActions.reviewRegistrations);
    const user = isUuid(userId)
      ? await this.ctx.em.findOne(User, { id: userId, organization: viewer.organizationId })
      : null;
    if (!user) throw notFound('User', userId);
    if (user.status !== 'PENDING') {
      throw new AppError(ErrorCode.Conflict, 'The account is not waiting for approval', {
        field: ['userId'],
      });
    }
    const tx = unitOf(this.ctx).em;
    user.status = approve ? 'ACTIVE' : 'REJECTED';
    user.reviewedAt = new Date();
    user.reviewedBy = tx.getReference(User, viewer.userId, { wrapped: true });
    tx.persist(user);
    await this.ctx.access.writeNow(tx, {
      subjectUserId: user.id,
      section: 'ACCOUNT',
      action: 'CHANGE',
      allowed: true,
      operation: approve ? 'approveUser' : 'rejectUser',
    });
    return user;
  }

  private async organization(id: string | null | undefined): Promise<Organization> {
    if (id) {
      const organization = isUuid(id) ? await this.ctx.em.findOne(Organization, { id }) : null;
      if (!organization) throw badInput(['input', 'organizationId'], 'Unknown organization');
      return organization;
    }
    const all = await this.ctx.em.find(Organization, {}, { limit: 2 });
    if (all.length !== 1) {
      throw badInput(['input', 'organizationId'], 'Choose the organization to register with');
    }
    return all[0]!;
  }
}

/** The registration's fields, trimmed; BAD_USER_INPUT with the field's path when one is not valid. */
function validRegistration(input: Registration) {
  const login = input.login.trim().toLowerCase();
  const displayName = input.displayName.trim();
  const email = input.email.trim();
  if (!loginPattern.test(login)) {
    throw badInput(
      ['input', 'login'],
      'Login must be 3 to 64 letters, digits, dots, dashes or underscores',
    );
  }
  if (input.password.length < MIN_PASSWORD || input.password.length > 256) {
    throw badInput(['input', 'password'], `Password must be ${MIN_PASSWORD} to 256 characters`);
  }
  if (displayName.length < 3 || displayName.length > 300) {
    throw badInput(['input', 'displayName'], 'Name must be 3 to 300 characters');
  }
  if (!emailPattern.test(email) || email.length > 254) {
    throw badInput(['input', 'email'], 'E-mail is not valid');
  }
  return { login, displayName, email };
}
