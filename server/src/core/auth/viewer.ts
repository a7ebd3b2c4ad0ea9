import { AppError, ErrorCode } from '../errors.js';

export const Roles = [
  'EMPLOYEE',
  'MANAGER',
  'HR',
  'ACCOUNTANT',
  'ADMIN',
  'EXTERNAL',
  'INTEGRATION',
] as const;
export type Role = (typeof Roles)[number];

/** The signed-in account a request acts for; MANAGER is already derived into `roles`. */
export interface Viewer {
  userId: string;
  login: string;
  organizationId: string;
  employeeId: string | null;
  sessionId: string;
  roles: ReadonlySet<Role>;
}

/** Why a request is anonymous when it carried credentials: each has its own code. */
export type AuthFailure = 'SESSION_EXPIRED' | 'SESSION_REVOKED' | 'SESSION_INVALID';

export const hasRole = (viewer: Viewer, ...roles: Role[]): boolean =>
  roles.some((role) => viewer.roles.has(role));

/** The viewer, or UNAUTHENTICATED (or the precise reason the presented session failed). */
export function requireViewer(viewer: Viewer | null, failure: AuthFailure | null): Viewer {
  if (viewer) return viewer;
  if (failure) throw new AppError(failure, sessionFailureMessages[failure]);
  throw new AppError(ErrorCode.Unauthenticated, 'Sign in to continue');
}

export const sessionFailureMessages: Record<AuthFailure, string> = {
  SESSION_EXPIRED: 'The session has expired; sign in again',
  SESSION_REVOKED: 'The session was ended; sign in again',
  SESSION_INVALID: 'The session token is not valid; sign in again',
};

export const forbidden = (message = 'You do not have access to this'): AppError =>
  new AppError(ErrorCode.Forbidden, message);

/** FORBIDDEN unless the viewer holds one of `roles`. */
export function requireRole(viewer: Viewer, ...roles: Role[]): void {
  if (!hasRole(viewer, ...roles)) throw forbidden();
}
