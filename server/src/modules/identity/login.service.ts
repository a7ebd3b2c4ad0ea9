import type { AppContext } from '../../app/context.js';
import { inUnit, unitOf } from '../../app/unit-of-work.js';
import { AppError, ErrorCode } from '../../core/errors.js';
import { SessionService } from './session.service.js';
import { User } from './user.entity.js';

const invalidCredentials = () =>
  new AppError(ErrorCode.InvalidCredentials, 'Wrong login or password');

/** Signing in and out: the limiter first, one password check whatever the login, then a session. */
export class LoginService {
  constructor(private readonly ctx: AppContext) {}

  async login(input: { login: string; password: string }) {
    const { em, app } = this.ctx;
    const login = input.login.trim().toLowerCase();
    const ip = this.ctx.ip ?? 'unknown';
    await app.loginLimiter.assertAllowed(login, ip);

    const user = login ? await em.findOne(User, { login }, { populate: ['passwordHash'] }) : null;
    // Unknown logins are verified against a dummy hash: the same time, the same answer.
    const verified = await app.passwords.verify(user?.passwordHash ?? null, input.password);
    if (!user || !verified) {
      await app.loginLimiter.failed(login, ip);
      throw invalidCredentials();
    }
    if (user.status === 'PENDING') {
      throw new AppError(ErrorCode.AccountPending, 'The account is waiting for approval');
    }
    if (user.status !== 'ACTIVE' || user.roles.includes('INTEGRATION')) {
      throw new AppError(ErrorCode.AccountDisabled, 'The account cannot sign in');
    }
    await app.loginLimiter.succeeded(login);
    // The limiter counts outside the unit: a refused attempt must stay counted.
    const { token, session } = await inUnit(this.ctx, (unit) =>
      new SessionService(unit.em, app.config.session).open(user, {
        ip: unit.ip,
        userAgent: unit.userAgent,
      }),
    );
    this.ctx.cookie?.set(token, session.expiresAt);
    this.ctx.signedInUserId = user.id;
    return { accessToken: token, expiresAt: session.expiresAt, user };
  }

  /** Ends the current session, or every session of the account, and closes their sockets. */
  async logout(everywhere: boolean): Promise<number> {
    const { viewer } = this.ctx;
    if (!viewer) return 0;
    const unit = unitOf(this.ctx);
    const revoked = await new SessionService(unit.em, unit.app.config.session).revoke(
      viewer.sessionId,
      everywhere,
    );
    this.ctx.cookie?.clear();
    if (revoked.length > 0) unit.events.publish('SESSIONS_REVOKED', { sessionIds: revoked });
    return revoked.length;
  }
}
