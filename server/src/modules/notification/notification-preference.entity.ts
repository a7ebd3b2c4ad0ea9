import { Entity, ManyToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import { BaseEntity } from '../../core/orm/base.entity.js';
import { User } from '../identity/index.js';
import type { NotificationType } from './notification.entity.js';

/**
 * A user's own choice for one notification type: whether it also goes by e-mail. Without a row the
 * default applies (`emailByDefault`); a row, once written, outlives any later change of defaults.
 */
@Entity({ tableName: 'notification_preference' })
@Unique({ properties: ['user', 'type'] })
export class NotificationPreference extends BaseEntity {
  @ManyToOne({ entity: () => User, ref: true, deleteRule: 'cascade' })
  user!: Ref<User>;

  @Property({ type: 'string', length: 32 })
  type!: NotificationType;

  @Property({ type: 'boolean' })
  email!: boolean;
}

/**
 * The types that go by e-mail for a user who has not chosen: none. Mail is opt-in, so a new
 * server's first announcement does not land in every inbox, and no personal data leaves the
 * portal by e-mail unless its owner asked for it.
 */
export const emailByDefault: ReadonlySet<NotificationType> = new Set<NotificationType>();
