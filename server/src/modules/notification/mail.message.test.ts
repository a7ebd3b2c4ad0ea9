import { describe, expect, it } from 'vitest';
import { composeNotificationMail, portalLink } from './mail.message.js';
import { describeSendError, isPermanentRejection } from './mailer.js';

const options = {
  from: 'Кабинет <noreply@kabinet.example.ru>',
  publicUrl: 'https://kabinet.example.ru',
};

describe('composeNotificationMail', () => {
  it('puts the title in the subject, the text and a portal link in the body, and ids the message by the notification', () => {
    const mail = composeNotificationMail(
      {
        notificationId: '01936a6e-0000-7000-8000-000000000001',
        title: 'Расчётный листок за июнь 2025 г. готов',
        body: '  Сумма к выплате указана в листке.  ',
        link: '/payslips/42',
        address: 'i.ivanova@school.example.ru',
      },
      options,
    );
    expect(mail).toMatchObject({
      from: options.from,
      to: 'i.ivanova@school.example.ru',
      subject: 'Расчётный листок за июнь 2025 г. готов',
      messageId: '<01936a6e-0000-7000-8000-000000000001@kabinet.example.ru>',
      headers: { 'Auto-Submitted': 'auto-generated' },
    });
    expect(mail.text.split('\n').slice(0, 5)).toEqual([
      'Расчётный листок за июнь 2025 г. готов',
      '',
      'Сумма к выплате указана в листке.',
      '',
      'Открыть в личном кабинете: https://kabinet.example.ru/payslips/42',
    ]);
  });

  it('leaves out an empty body and keeps the subject on one line', () => {
    const mail = composeNotificationMail(
      {
        notificationId: 'n',
        title: 'Собрание\r\nколлектива',
        body: ' ',
        link: null,
        address: 'a@b.ru',
      },
      options,
    );
    expect(mail.subject).toBe('Собрание коллектива');
    expect(mail.text.split('\n').slice(0, 3)).toEqual([
      'Собрание коллектива',
      '',
      'Открыть в личном кабинете: https://kabinet.example.ru/',
    ]);
  });
});

describe('portalLink', () => {
  it.each([
    ['/tasks/7', 'https://kabinet.example.ru/tasks/7'],
    [null, 'https://kabinet.example.ru/'],
    ['', 'https://kabinet.example.ru/'],
    // Only paths inside the portal: never a link that leaves it.
    ['https://evil.example.com/', 'https://kabinet.example.ru/'],
    ['//evil.example.com/x', 'https://kabinet.example.ru/'],
    ['tasks/7', 'https://kabinet.example.ru/'],
  ])('%j opens %s', (link, expected) => {
    expect(portalLink(link, options.publicUrl)).toBe(expected);
  });
});

describe('isPermanentRejection', () => {
  const smtpError = (fields: Record<string, unknown>) =>
    Object.assign(new Error('refused'), fields);
  it.each([
    [
      'a 550 to RCPT TO',
      { code: 'EENVELOPE', command: 'RCPT TO', responseCode: 550, permanent: true },
      true,
    ],
    [
      'a 554 to DATA',
      { code: 'EMESSAGE', command: 'DATA', responseCode: 554, permanent: true },
      true,
    ],
    ['an address that cannot be sent to', { code: 'EENVELOPE', command: 'API' }, true],
    [
      'a 451 to RCPT TO',
      { code: 'EENVELOPE', command: 'RCPT TO', responseCode: 451, permanent: false },
      false,
    ],
    [
      'a 550 to MAIL FROM (the sender setup)',
      { code: 'EENVELOPE', command: 'MAIL FROM', responseCode: 550, permanent: true },
      false,
    ],
    [
      'a failed login',
      { code: 'EAUTH', command: 'AUTH PLAIN', responseCode: 535, permanent: true },
      false,
    ],
    ['a refused connection', { code: 'ESOCKET', originalCode: 'ECONNREFUSED' }, false],
  ])('%s: %s', (_name, fields, permanent) => {
    expect(isPermanentRejection(smtpError(fields))).toBe(permanent);
  });
});

describe('describeSendError', () => {
  it('keeps the code and reply and blanks out every address', () => {
    const error = Object.assign(
      new Error(
        "Can't send mail - all recipients were rejected: 550 5.1.1 <i.ivanova@school.example.ru>: no such user",
      ),
      { code: 'EENVELOPE', responseCode: 550 },
    );
    const described = describeSendError(error);
    expect(described).toBe(
      "EENVELOPE 550: Can't send mail - all recipients were rejected: 550 5.1.1 <<address>>: no such user",
    );
    expect(described).not.toMatch(/ivanova/);
  });
});
