import { Entity, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
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
  'LEAVE_ORDER',
] as const;
export type NotificationType = (typeof NotificationTypes)[number];

/**
 * A notification to one user, written in the transaction of the change that causes it. Ids are
 * time-ordered (UUIDv7), so an id is also the cursor a reconnecting client resumes from.
 */
@Entity({ tableName: 'notification' })
@Index({ properties: ['recipientUserId', 'id'] })
export class Notification {
  [OptionalProps]?: 'id' | 'createdAt' | 'readAt' | 'body' | 'link';

  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @Property({ type: 'uuid' })
  recipientUserId!: string;

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
