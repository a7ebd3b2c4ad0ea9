import type { EntityManager } from '@mikro-orm/postgresql';
import type { Orm } from '../../core/orm/orm.js';
import { emailByDefault } from './notification-preference.entity.js';

/**
 * Where a user's e-mail goes, over `app_user u left join employee e`: the employee's own work
 * address, else the account's (external users). Blank counts as none.
 */
export const recipientAddressSql = `coalesce(nullif(trim(e.email), ''), nullif(trim(u.email), ''))`;

const OUTBOX_EXTENSION = 'kabinet:email-outbox';

/**
 * Marks this ORM as belonging to a process that sends e-mail (SMTP_URL set): only then do
 * notifications queue e-mails, so a server without SMTP never fills an outbox nobody empties.
 */
export function enableEmailOutbox(orm: Orm): void {
  orm.config.registerExtension(OUTBOX_EXTENSION, () => true);
}

const outboxEnabled = (em: EntityManager): boolean =>
  em.config.getExtension<boolean>(OUTBOX_EXTENSION) === true;

/** A PostgreSQL array literal of simple values (uuids, enum names), bound as one parameter. */
const arrayLiteral = (values: Iterable<string>): string => `{${[...values].join(',')}}`;

/**
 * Queues the e-mail copy of each of these (flushed, uncommitted) notifications whose recipient is
 * active, has an address and has e-mail on for its type: one statement however many there are.
 * Returns how many were queued.
 */
export async function queueEmails(tx: EntityManager, notificationIds: readonly string[]) {
  if (notificationIds.length === 0 || !outboxEnabled(tx)) return 0;
  const result = await tx.execute<{ affectedRows: number }>(
    `insert into email_outbox (notification_id)
     select n.id from notification n
       join app_user u on u.id = n.recipient_user_id and u.status = 'ACTIVE'
       left join employee e on e.id = u.employee_id
       left join notification_preference p on p.user_id = u.id and p.type = n.type
      where n.id = any(?::uuid[])
        and coalesce(p.email, n.type = any(?::text[]))
        and ${recipientAddressSql} is not null`,
    [arrayLiteral(notificationIds), arrayLiteral(emailByDefault)],
    'run',
  );
  return result.affectedRows;
}

/** A claimed e-mail with what it is made of, read at claim time. */
export interface ClaimedEmail {
  notificationId: string;
  /** This attempt's number: the fencing token for finishing it. */
  attempts: number;
  title: string;
  body: string | null;
  link: string | null;
  createdAt: Date;
  /** Null when the recipient has no address any more or is no longer active. */
  address: string | null;
}

interface ClaimedRow {
  notification_id: string;
  attempts: number;
  title: string;
  body: string | null;
  link: string | null;
  created_at: Date;
  address: string | null;
}

/**
 * Claims up to `limit` due e-mails for this sender: rows another sender holds are skipped, and a
 * claimed row is due again only after `leaseMs`, when its sender is presumed dead.
 */
export async function claimEmails(
  em: EntityManager,
  limit: number,
  leaseMs: number,
): Promise<ClaimedEmail[]> {
  const rows = await em.execute<ClaimedRow[]>(
    `with due as (
       select notification_id from email_outbox
        where status = 'PENDING' and next_attempt_at <= now()
        order by next_attempt_at
        limit ? for update skip locked)
     update email_outbox o
        set attempts = o.attempts + 1, next_attempt_at = now() + ? * interval '1 millisecond'
       from due
       join notification n on n.id = due.notification_id
       join app_user u on u.id = n.recipient_user_id
       left join employee e on e.id = u.employee_id
      where o.notification_id = due.notification_id
     returning o.notification_id, o.attempts, n.title, n.body, n.link, n.created_at,
       case when u.status = 'ACTIVE' then ${recipientAddressSql} end as address`,
    [limit, leaseMs],
  );
  return rows.map((row) => ({
    notificationId: row.notification_id,
    attempts: row.attempts,
    title: row.title,
    body: row.body,
    link: row.link,
    createdAt: new Date(row.created_at),
    address: row.address,
  }));
}

/** Marks a claimed e-mail sent; false when the claim had lapsed and another sender took it. */
export async function markSent(em: EntityManager, claim: ClaimedEmail): Promise<boolean> {
  const result = await em.execute<{ affectedRows: number }>(
    `update email_outbox set status = 'SENT', finished_at = now(), last_error = null
      where notification_id = ? and attempts = ? and status = 'PENDING'`,
    [claim.notificationId, claim.attempts],
    'run',
  );
  return result.affectedRows === 1;
}

/** Records a failed attempt: due again after `retryInMs`, or FAILED for good when that is null. */
export async function markFailed(
  em: EntityManager,
  claim: ClaimedEmail,
  error: string,
  retryInMs: number | null,
): Promise<boolean> {
  const result = await em.execute<{ affectedRows: number }>(
    retryInMs === null
      ? `update email_outbox set status = 'FAILED', finished_at = now(), last_error = ?
          where notification_id = ? and attempts = ? and status = 'PENDING'`
      : `update email_outbox set next_attempt_at = now() + ? * interval '1 millisecond', last_error = ?
          where notification_id = ? and attempts = ? and status = 'PENDING'`,
    retryInMs === null
      ? [error, claim.notificationId, claim.attempts]
      : [retryInMs, error, claim.notificationId, claim.attempts],
    'run',
  );
  return result.affectedRows === 1;
}

/** Deletes what was sent or given up more than `days` ago; returns how many. */
export async function purgeFinishedEmails(em: EntityManager, days: number): Promise<number> {
  const result = await em.execute<{ affectedRows: number }>(
    `delete from email_outbox where status <> 'PENDING' and finished_at < now() - ? * interval '1 day'`,
    [days],
    'run',
  );
  return result.affectedRows;
}

/** A user's e-mail address as mail would be sent to it, or null. */
export async function emailAddressOf(em: EntityManager, userId: string): Promise<string | null> {
  const [row] = await em.execute<{ address: string | null }[]>(
    `select ${recipientAddressSql} as address
       from app_user u left join employee e on e.id = u.employee_id
      where u.id = ?`,
    [userId],
  );
  return row?.address ?? null;
}
