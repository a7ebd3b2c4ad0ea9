import { Entity, Index, OneToOne, OptionalProps, Property, type Ref } from '@mikro-orm/core';
import { Notification } from './notification.entity.js';

export const EmailStatuses = ['PENDING', 'SENT', 'FAILED'] as const;
export type EmailStatus = (typeof EmailStatuses)[number];

/**
 * The e-mail copy of one notification, queued in the notification's own transaction and sent by
 * the Mailer. The content and the address are read from the notification and the recipient when
 * it is sent, so no personal data is copied here. A PENDING row is due at `nextAttemptAt`; a
 * mailer that claims it moves that instant past its lease, so a crashed sender's rows come back.
 */
@Entity({ tableName: 'email_outbox' })
@Index({
  name: 'email_outbox_due_index',
  expression:
    'create index "email_outbox_due_index" on "email_outbox" ("next_attempt_at") where "status" = \'PENDING\'',
})
export class EmailOutbox {
  [OptionalProps]?:
    'status' | 'attempts' | 'nextAttemptAt' | 'lastError' | 'finishedAt' | 'createdAt';

  @OneToOne({
    entity: () => Notification,
    primary: true,
    owner: true,
    ref: true,
    deleteRule: 'cascade',
  })
  notification!: Ref<Notification>;

  @Property({ type: 'string', length: 8, default: 'PENDING' })
  status: EmailStatus = 'PENDING';

  /** Sends started so far; also the claim's fencing token (a stale sender's update matches nothing). */
  @Property({ type: 'integer', default: 0 })
  attempts: number = 0;

  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'current_timestamp' })
  nextAttemptAt: Date = new Date();

  /** Why the last attempt failed, with addresses blanked out. */
  @Property({ type: 'text', nullable: true })
  lastError: string | null = null;

  /** When it was sent (SENT) or given up (FAILED). */
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  finishedAt: Date | null = null;

  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'current_timestamp' })
  createdAt: Date = new Date();
}
