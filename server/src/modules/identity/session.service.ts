import { createHash, randomBytes } from 'node:crypto';
import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { AuthFailure, Role, Viewer } from '../../core/auth/viewer.js';
import { runInUnit } from '../../core/orm/unit-scope.js';
import { joinsWhenRead, type Loaders } from '../../core/orm/loaders.js';
import { rowOfColumns, rowWithJoinedAsJson, withJoined } from '../../core/orm/rows.js';
import { runSql } from '../../core/orm/sql.js';
import { Employee, managedDepartmentsSql, primeManagedDepartments } from '../employee/index.js';
import {
  organizationFactsSql,
  organizationSettingsLoader,
  settingsOfFacts,
  type OrganizationFacts,
} from '../organization/index.js';
import { Session } from './session.entity.js';
import { isIntegrationToken, resolveIntegrationToken } from './integration-token.resolve.js';
import type { StoredRole, User, UserStatus } from './user.entity.js';

export interface SessionPolicy {
  idleMinutes: number;
  maxHours: number;
}

/** How often a session's last use is written back: not on every request. */
const TOUCH_INTERVAL_MS = 60_000;

/** SQL: the employee heads a department or has direct reports (the derived MANAGER role). */
export const managesAnyoneSql = (employeeColumn: string) =>
  `(${employeeColumn} is not null and (
     exists (select 1 from department d where d.head_id = ${employeeColumn} and d.deleted_at is null)
     or exists (select 1 from employee e where e.manager_id = ${employeeColumn}
                  and e.dismissal_date is null and e.deleted_at is null)))`;

/** Whether each employee manages anyone, for many accounts in one query. */
export const managesAnyoneLoader = (em: EntityManager) =>
  new DataLoader<string, boolean>(async (employeeIds) => {
    const rows = await em.execute<{ id: string; manages: boolean }[]>(
      `select x.id, ${managesAnyoneSql('x.id')} as manages from unnest(?::uuid[]) as x(id)`,
      [`{${employeeIds.join(',')}}`],
    );
    const manages = new Map(rows.map((row) => [row.id, row.manages]));
    return employeeIds.map((id) => manages.get(id) ?? false);
  });

export const hashToken = (token: string): string =>
  createHash('sha256').update(token).digest('hex');

interface SessionRow {
  session_id: string;
  expires_at: Date;
  last_seen_at: Date;
  revoked_at: Date | null;
  user_id: string;
  login: string;
  roles: StoredRole[];
  status: UserStatus;
  organization_id: string;
  employee_id: string | null;
  is_manager: boolean;
  employee: Record<string, unknown> | null;
  organization: OrganizationFacts | null;
  managed_departments: string[];
}

export type ResolvedSession =
  { viewer: Viewer; failure: null } | { viewer: null; failure: AuthFailure };

const lookups = new WeakMap<object, string>();

/**
 * The session lookup's statement, written once per metadata (it is the same text on every request):
 * the session and account, with what nearly every request asks next (see `resolve`).
 */
function sessionLookupSql(em: EntityManager): string {
  const metadata = em.getMetadata();
  let sql = lookups.get(metadata);
  if (sql === undefined) {
    const employee = rowWithJoinedAsJson(
      em,
      metadata.get(Employee.name),
      'e',
      joinsWhenRead(Employee),
    );
    sql = `select s.id as session_id, s.expires_at, s.last_seen_at, s.revoked_at,
              u.id as user_id, u.login, u.roles, u.status, u.organization_id, u.employee_id,
              ${managesAnyoneSql('u.employee_id')} as is_manager,
              ${employee} as employee,
              ${organizationFactsSql('u.organization_id')} as organization,
              ${managedDepartmentsSql('u.employee_id')} as managed_departments
         from session s join app_user u on u.id = s.user_id
         left join employee e on e.id = u.employee_id
        where s.token_hash = ?`;
    lookups.set(metadata, sql);
  }
  return sql;
}

/** Server-side sessions: opaque tokens, stored hashed, with idle and absolute timeouts. */
export class SessionService {
  constructor(
    private readonly em: EntityManager,
    private readonly policy: SessionPolicy,
  ) {}

  /** Opens a session for `user`; the token is returned once and never stored. */
  async open(user: User, meta: { ip: string | null; userAgent: string | null }) {
    const token = `kab_${randomBytes(32).toString('base64url')}`;
    const now = new Date();
    const session = this.em.create(Session, {
      user,
      tokenHash: hashToken(token),
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + this.policy.maxHours * 3_600_000),
      ip: meta.ip,
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
    });
    await this.em.flush();
    return { token, session };
  }

  /**
   * The viewer behind a token, in one statement (a second, rarely, to record the session's use);
   * an integration token is looked up among the integration tokens instead. With the request's
   * `loaders`, what nearly every request asks next comes in the same statement and primes them:
   * the viewer's own file (as a row), the organization's settings and time zone, and the
   * departments a manager heads.
   */
  async resolve(token: string, loaders?: Loaders): Promise<ResolvedSession> {
    if (isIntegrationToken(token)) return resolveIntegrationToken(this.em, token);
    const [row] = await runSql<SessionRow>(this.em, sessionLookupSql(this.em), [hashToken(token)]);
    if (!row) return { viewer: null, failure: 'SESSION_INVALID' };
    if (row.revoked_at || row.status !== 'ACTIVE')
      return { viewer: null, failure: 'SESSION_REVOKED' };
    const now = Date.now();
    const idleUntil = new Date(row.last_seen_at).getTime() + this.policy.idleMinutes * 60_000;
    if (new Date(row.expires_at).getTime() <= now || idleUntil <= now) {
      return { viewer: null, failure: 'SESSION_EXPIRED' };
    }
    if (now - new Date(row.last_seen_at).getTime() > TOUCH_INTERVAL_MS) {
      await runInUnit(
        this.em,
        ({ em }) =>
          em.execute('update session set last_seen_at = ? where id = ?', [
            new Date(now),
            row.session_id,
          ]),
        () => undefined,
      );
    }
    // What nearly every request asks next (the organization's settings and clock, the departments
    // a manager heads) came in the same statement: the request's loaders start with it.
    if (loaders) {
      if (row.employee) {
        const meta = this.em.getMetadata().get(Employee.name);
        const own = rowOfColumns<Employee>(meta, row.employee);
        loaders.primeRow(Employee, withJoined(meta, own, row.employee, joinsWhenRead(Employee)));
      }
      loaders
        .get(organizationSettingsLoader)
        .prime(row.organization_id, settingsOfFacts(row.organization));
      if (row.employee_id) {
        primeManagedDepartments(loaders, row.employee_id, row.managed_departments);
      }
    }
    const roles = new Set<Role>(row.roles);
    if (row.is_manager) roles.add('MANAGER');
    return {
      viewer: {
        userId: row.user_id,
        login: row.login,
        organizationId: row.organization_id,
        employeeId: row.employee_id,
        sessionId: row.session_id,
        roles,
      },
      failure: null,
    };
  }

  /** Revokes one session, or every active session of its user; returns the ids revoked. */
  async revoke(sessionId: string, everywhere: boolean): Promise<string[]> {
    const rows = await this.em.execute<{ id: string }[]>(
      everywhere
        ? `update session set revoked_at = now() where revoked_at is null
             and user_id = (select user_id from session where id = ?) returning id`
        : `update session set revoked_at = now() where revoked_at is null and id = ? returning id`,
      [sessionId],
    );
    return rows.map((row) => row.id);
  }
}
