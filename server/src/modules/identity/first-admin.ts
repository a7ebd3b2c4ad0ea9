import { randomInt } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { inSystemUnit } from '../../core/unit-of-work.js';
import { isUuid } from '../../core/ids.js';
import { Organization } from '../organization/index.js';
import type { PasswordHasher } from './password.js';
import { User } from './user.entity.js';

const loginPattern = /^[a-z0-9._-]{3,64}$/;
const innPattern = /^\d{10}$/;

/** Letters and digits a person can read off a screen and type without mixing up (no 0/O, 1/l/I). */
const PASSWORD_ALPHABET = 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const PASSWORD_LENGTH = 20;

/** A refusal the operator fixes (a taken login, a missing organization): one line, no stack. */
export class AdminAccountError extends Error {
  override readonly name = 'AdminAccountError';
}

export interface AdminAccountRequest {
  login: string;
  /** The organization the account administers: by id, or by ИНН when several are installed. */
  organizationId?: string | undefined;
  organizationInn?: string | undefined;
  /** Creates the organization with this name when the database has none yet. */
  organizationName?: string | undefined;
  email?: string | undefined;
  displayName?: string | undefined;
}

export interface CreatedAdmin {
  login: string;
  /** Generated, shown once: only its argon2id hash is stored. */
  password: string;
  organizationId: string;
  organizationName: string;
  createdOrganization: boolean;
}

/** ~117 bits from a CSPRNG: 20 characters of a 57-character alphabet. */
export function generatePassword(): string {
  let password = '';
  for (let i = 0; i < PASSWORD_LENGTH; i++)
    password += PASSWORD_ALPHABET[randomInt(PASSWORD_ALPHABET.length)];
  return password;
}

/**
 * The first administrator of an installation that was started without the demo (production): an
 * ADMIN account with a generated password, in the one organization there is, the one named by id
 * or ИНН, or a new organization when the database has none. Refuses a login that is taken.
 */
export async function createAdministrator(
  em: EntityManager,
  passwords: PasswordHasher,
  logger: Logger,
  request: AdminAccountRequest,
): Promise<CreatedAdmin> {
  const login = request.login.trim().toLowerCase();
  if (!loginPattern.test(login))
    throw new AdminAccountError(
      '--login must be 3 to 64 lower-case letters, digits, dots, dashes or underscores',
    );
  const email = request.email?.trim() || null;
  if (email !== null && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
    throw new AdminAccountError('--email is not a valid e-mail address');
  const password = generatePassword();
  const passwordHash = await passwords.hash(password);
  return inSystemUnit(em, null, logger, async ({ em: tx }) => {
    // One administrator creation at a time: two operators racing get one organization, not two.
    await tx.execute(`select pg_advisory_xact_lock(hashtext('kabinet:first-admin'))`);
    if (await tx.count(User, { login }))
      throw new AdminAccountError(`The login ${login} is taken; choose another with --login`);
    const { organization, created } = await organizationFor(tx, request);
    tx.create(User, {
      organization,
      login,
      passwordHash,
      displayName: request.displayName?.trim() || 'Администратор',
      email,
      roles: ['ADMIN'],
      status: 'ACTIVE',
    });
    await tx.flush();
    return {
      login,
      password,
      organizationId: organization.id,
      organizationName: organization.name,
      createdOrganization: created,
    };
  });
}

async function organizationFor(
  em: EntityManager,
  request: AdminAccountRequest,
): Promise<{ organization: Organization; created: boolean }> {
  if (request.organizationId) {
    const organization = isUuid(request.organizationId)
      ? await em.findOne(Organization, { id: request.organizationId })
      : null;
    if (!organization)
      throw new AdminAccountError(`No organization has the id ${request.organizationId}`);
    return { organization, created: false };
  }
  if (request.organizationInn) {
    if (!innPattern.test(request.organizationInn))
      throw new AdminAccountError('--inn must be the 10 digits of an organization’s ИНН');
    const found = await em.find(Organization, { inn: request.organizationInn }, { limit: 2 });
    if (found.length === 1) return { organization: found[0]!, created: false };
    if (found.length > 1)
      throw new AdminAccountError(
        `Several organizations have the ИНН ${request.organizationInn}; name one with --organization-id`,
      );
    if (!request.organizationName)
      throw new AdminAccountError(`No organization has the ИНН ${request.organizationInn}`);
  }
  const existing = await em.find(Organization, {}, { limit: 2, orderBy: { createdAt: 'asc' } });
  if (existing.length === 1 && !request.organizationName)
    return { organization: existing[0]!, created: false };
  if (existing.length > 1 && !request.organizationName)
    throw new AdminAccountError(
      'Several organizations are installed; name one with --organization-id or --inn',
    );
  const name = request.organizationName?.trim() ?? '';
  if (existing.length === 0 && name.length < 3)
    throw new AdminAccountError(
      'The database has no organization yet; give its full name with --organization "…"',
    );
  if (name.length < 3 || name.length > 500)
    throw new AdminAccountError('--organization must be 3 to 500 characters');
  const organization = em.create(Organization, { name, inn: request.organizationInn ?? null });
  return { organization, created: true };
}
