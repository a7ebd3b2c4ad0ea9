/**
 * Notifications: written in commit order per recipient, streamed, and delivered by e-mail through the outbox.
 *
 * The module's public face: other modules and the wiring import only from here.
 */
export { EmailOutbox } from './email-outbox.entity.js';
export { Mailer } from './mailer.js';
export { NotificationPreference } from './notification-preference.entity.js';
export { NotificationPreferenceResolver } from './notification-preference.resolver.js';
export { Notification, NotificationCursor, type NotificationType } from './notification.entity.js';
export { NotificationResolver } from './notification.resolver.js';
export {
  NotificationService,
  writeNotifications,
  type NewNotification,
} from './notification.service.js';
export { NotificationGqlType } from './notification.type.js';
export { enableEmailOutbox } from './outbox.js';
