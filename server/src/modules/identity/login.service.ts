import type { AppContext } from '../../core/context.js';
import { inUnit, unitOf } from '../../core/unit-of-work.js';
import { AppError, ErrorCode } from '../../core/errors.js';
import { SessionService } from './session.service.js';
import { User } from './user.entity.js';

const invalidCredentials = () =>
  new AppError(ErrorCode.InvalidCredentials, 'Wrong login or password');

/**
 * Signing in and out: the limiter takes the attempt first, then one password check whatever the
 * login, then a session.
 */
export class LoginService {
  constructor(private readonly ctx: AppContext) {}

  async login(input: { login: string; password: string }) {
    const { em, app } = this.ctx;
    const login = input.login.trim().toLowerCase();
    const ip = this.ctx.ip ?? 'unknown';
    const attempt = await app.loginLimiter.attempt(login, ip);

    const user = login ? await em.findOne(User, { login }, { populate: ['passwordHash'] }) : null;
    // Unknown logins are verified against a dummy hash: the same time, the same answer.
    const verified = await app.passwords.verify(user?.passwordHash ?? null, input.password);
    // A wrong password leaves its attempt counted.
    if (!user || !verified) throw invalidCredentials();
    if (user.status !== 'ACTIVE' || user.roles.includes('INTEGRATION')) {
      await app.loginLimiter.passed(attempt);
      if (user.status === 'PENDING') {
        throw new AppError(ErrorCode.AccountPending, 'The account is waiting for approval');
      }
      throw new AppError(ErrorCode.AccountDisabled, 'The account cannot sign in');
    }
    await app.loginLimiter.succeeded(attempt);
    // The limiter works outside the unit: its counts must not roll back with it.
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
