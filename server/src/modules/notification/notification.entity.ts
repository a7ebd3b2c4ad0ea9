import {
  BigIntType,
  Entity,
  Index,
  OptionalProps,
  PrimaryKey,
  Property,
  Unique,
} from '@mikro-orm/core';
import { newId } from '../../core/orm/base.entity.js';

export const NotificationTypes = [
  'TASK_ASSIGNED',
  'TASK_STATUS',
  'TASK_MESSAGE',
  'TASK_OVERDUE',
  'KPI_SHEET',
  'PAYSLIP_PUBLISHED',
  'ANNOUNCEMENT',
  'FILE_UPDATED',
  'ATTESTATION_DUE',
  'MEDICAL_EXAMINATION_DUE',
  'LEAVE_ORDER',
] as const;
export type NotificationType = (typeof NotificationTypes)[number];

/**
 * A notification to one user, written in the transaction of the change that causes it. `seq`
 * numbers a recipient's notifications in commit order (see NotificationCursor): the cursor a
 * reconnecting client resumes from is the seq of the last one it has, named by its id.
 */
@Entity({ tableName: 'notification' })
@Index({ properties: ['recipientUserId', 'id'] })
@Unique({ properties: ['recipientUserId', 'seq'] })
export class Notification {
  [OptionalProps]?: 'id' | 'createdAt' | 'readAt' | 'body' | 'link';

  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @Property({ type: 'uuid' })
  recipientUserId!: string;

  /** 1, 2, 3 … per recipient, without gaps, in the order the writing transactions committed. */
  @Property({ type: new BigIntType('number'), columnType: 'bigint' })
  seq!: number;

  @Property({ type: 'uuid' })
  organizationId!: string;

  @Property({ type: 'string', length: 32 })
  type!: NotificationType;

  @Property({ type: 'string', length: 300 })
  title!: string;

  @Property({ type: 'text', nullable: true })
  body: string | null = null;

  /** Where the client opens it, e.g. `/payslips/<id>`. */
  @Property({ type: 'string', length: 300, nullable: true })
  link: string | null = null;

  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'current_timestamp' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  readAt: Date | null = null;
}

/**
 * The last seq given to a recipient's notifications. A writing transaction bumps it with one
 * upsert and so holds the row lock until it commits: a later writer to the same recipient waits,
 * takes the next numbers and commits after it. Seq order is therefore commit order, without gaps,
 * and "everything after seq k" is a complete answer at any moment.
 */
@Entity({ tableName: 'notification_cursor' })
export class NotificationCursor {
  @PrimaryKey({ type: 'uuid' })
  recipientUserId!: string;

  @Property({ type: new BigIntType('number'), columnType: 'bigint' })
  lastSeq!: number;
}
