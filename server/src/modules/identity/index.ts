/**
 * Accounts and sign-in: users, sessions, passwords, limits, registration, integration tokens.
 *
 * The module's public face: other modules and the wiring import only from here.
 */
export { EmployeeAccountResolver } from './employee-account.resolver.js';
export { AdminAccountError, createAdministrator } from './first-admin.js';
export { IdentityResolver } from './identity.resolver.js';
export { RoleValue } from './identity.type.js';
export { IntegrationToken } from './integration-token.entity.js';
export { IntegrationTokenResolver } from './integration-token.resolver.js';
export { integrationActor } from './integration-token.service.js';
export { LoginLimit } from './login-limit.entity.js';
export { LoginLimiter } from './login-limiter.js';
export { hashPassword, PasswordHasher, type PasswordCost } from './password.js';
export { personOf, type Person } from './person.js';
export { RegistrationLimiter } from './registration-limiter.js';
export { Session } from './session.entity.js';
export { hashToken, SessionService } from './session.service.js';
export { User, type StoredRole } from './user.entity.js';
