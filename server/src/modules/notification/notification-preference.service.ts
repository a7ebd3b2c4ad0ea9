import { viewerOf, type AppContext } from '../../core/context.js';
import { AppError, badInput, ErrorCode } from '../../core/errors.js';
import { newId } from '../../core/orm/base.entity.js';
import { emailAddressOf } from './outbox.js';
import { NotificationTypes, type NotificationType } from './notification.entity.js';
import { emailByDefault, NotificationPreference } from './notification-preference.entity.js';
import type { EmailUnavailableReason } from './notification-preference.type.js';

export interface NotificationPreferenceView {
  type: NotificationType;
  email: boolean;
  isDefault: boolean;
  emailAvailable: boolean;
  emailUnavailableReason: EmailUnavailableReason | null;
}

const unavailableMessages: Record<EmailUnavailableReason, string> = {
  NOT_CONFIGURED: 'This server does not send e-mail',
  NO_ADDRESS: 'Your account has no e-mail address; ask HR to add one to your file',
};

/** The signed-in user's choice, per notification type, of what also comes by e-mail. */
export class NotificationPreferenceService {
  constructor(private readonly ctx: AppContext) {}

  /** Every notification type, with the user's choice or the default. */
  async list(): Promise<NotificationPreferenceView[]> {
    const viewer = viewerOf(this.ctx);
    const unavailable = await this.emailUnavailable(viewer.userId);
    const rows = await this.ctx.em.find(NotificationPreference, { user: viewer.userId });
    const chosen = new Map(rows.map((row) => [row.type, row.email]));
    return NotificationTypes.map((type) => view(type, chosen.get(type), unavailable));
  }

  /** Records the choice; turning e-mail on where it cannot go is refused with EMAIL_UNAVAILABLE. */
  async set(type: NotificationType, email: boolean): Promise<NotificationPreferenceView> {
    const viewer = viewerOf(this.ctx);
    if (!(NotificationTypes as readonly string[]).includes(type))
      throw badInput(['type'], 'Not a notification type');
    const unavailable = await this.emailUnavailable(viewer.userId);
    if (email && unavailable) {
      throw new AppError(ErrorCode.EmailUnavailable, unavailableMessages[unavailable], {
        field: ['email'],
        details: { reason: unavailable },
      });
    }
    await this.ctx.em.execute(
      `insert into notification_preference (id, user_id, type, email) values (?, ?, ?, ?)
       on conflict (user_id, type) do update set email = excluded.email, updated_at = now()`,
      [newId(), viewer.userId, type, email],
    );
    return view(type, email, unavailable);
  }

  private async emailUnavailable(userId: string): Promise<EmailUnavailableReason | null> {
    if (!this.ctx.app.config.mail) return 'NOT_CONFIGURED';
    return (await emailAddressOf(this.ctx.em, userId)) ? null : 'NO_ADDRESS';
  }
}

function view(
  type: NotificationType,
  chosen: boolean | undefined,
  unavailable: EmailUnavailableReason | null,
): NotificationPreferenceView {
  return {
    type,
    email: !unavailable && (chosen ?? emailByDefault.has(type)),
    isDefault: chosen === undefined,
    emailAvailable: !unavailable,
    emailUnavailableReason: unavailable,
  };
}
