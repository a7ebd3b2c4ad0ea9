import type { SendMailOptions } from 'nodemailer';

/** What an e-mail is made of: the notification it copies and where it goes. */
export interface NotificationMail {
  notificationId: string;
  title: string;
  body: string | null;
  link: string | null;
  address: string;
}

export interface MailOptions {
  from: string;
  /** The portal's base URL, without a trailing slash. */
  publicUrl: string;
}

/** The portal page a notification opens: its own link (a path in the portal) or the portal itself. */
export function portalLink(link: string | null, publicUrl: string): string {
  return link && /^\/(?!\/)/.test(link) ? `${publicUrl}${link}` : `${publicUrl}/`;
}

/**
 * The e-mail copy of a notification, in Russian, as plain text: the title as the subject, the
 * text, and a link into the portal. The Message-ID comes from the notification, so a resend after
 * a crash carries the same one and mail clients can fold the two.
 */
export function composeNotificationMail(mail: NotificationMail, options: MailOptions) {
  const host = new URL(options.publicUrl).hostname;
  const subject = mail.title.replace(/\s+/g, ' ').trim();
  const text = [
    subject,
    ...(mail.body?.trim() ? ['', mail.body.trim()] : []),
    '',
    `Открыть в личном кабинете: ${portalLink(mail.link, options.publicUrl)}`,
    '',
    '-- ',
    'Письмо отправлено автоматически из личного кабинета сотрудника; отвечать на него не нужно.',
    'Какие уведомления приходят на почту, выбирается в личном кабинете, в настройках уведомлений.',
  ].join('\n');
  return {
    from: options.from,
    to: mail.address,
    subject,
    text,
    textEncoding: 'base64',
    messageId: `<${mail.notificationId}@${host}>`,
    // RFC 3834: no out-of-office replies to a robot.
    headers: { 'Auto-Submitted': 'auto-generated', 'X-Auto-Response-Suppress': 'All' },
  } satisfies SendMailOptions;
}
