import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  actors,
  createTestDatabase,
  startTestServer,
  type TestServer,
} from '../../../test/harness.js';
import { SmtpSink } from '../../../test/smtp-sink.js';
import { NotificationTypes } from './notification.entity.js';
import { writeNotifications } from './notification.service.js';
import { createLogger } from '../../core/logger.js';
import { inSystemUnit } from '../../core/unit-of-work.js';

const silent = createLogger('silent');

/**
 * E-mail copies of notifications: chosen per type by each user, queued in the notification's
 * transaction, sent by the mailer over real SMTP (an in-process smtp-server) exactly once.
 */

const PUBLIC_URL = 'https://kabinet.school7.example.ru';
const mailEnv = (sink: SmtpSink) => ({
  SMTP_URL: sink.url,
  MAIL_FROM: 'Личный кабинет СОШ № 7 <noreply@school7.example.ru>',
  PUBLIC_URL,
  MAIL_POLL_SECONDS: '0.1',
  MAIL_RETRY_SECONDS: '0.1',
  MAIL_MAX_ATTEMPTS: '3',
});

let sink: SmtpSink;
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let server: TestServer;
let team: Awaited<ReturnType<typeof actors>>;

beforeAll(async () => {
  sink = await SmtpSink.start();
  database = await createTestDatabase({ demo: true });
  server = await startTestServer({ databaseUrl: database.url, env: mailEnv(sink) });
  team = await actors(server, ['hr', 'employee', 'other', 'manager', 'guest']);
});
afterAll(async () => {
  await server?.close();
  await sink?.close();
  await database?.drop();
});

const sql = <T = Record<string, unknown>>(query: string, params: unknown[] = []) =>
  server.orm.em.fork().execute<T[]>(query, params);

/** Waits until the outbox has nothing left to send (sent or failed for good). */
async function settled(timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [row] = await sql<{ pending: number }>(
      `select count(*)::int as pending from email_outbox where status = 'PENDING'`,
    );
    if (row!.pending === 0) return;
    if (Date.now() > deadline) throw new Error(`${row!.pending} e-mails still pending`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const userOf = async (login: string) =>
  (
    await sql<{ id: string; organization_id: string; address: string | null }>(
      `select u.id, u.organization_id, coalesce(e.email, u.email) as address
         from app_user u left join employee e on e.id = u.employee_id where u.login = ?`,
      [login],
    )
  )[0]!;

const setPreference = (who: string, type: string, email: boolean) =>
  team.as<{ setNotificationPreference: Record<string, unknown> }>(
    who,
    `mutation($type: NotificationType!, $email: Boolean!) {
       setNotificationPreference(type: $type, email: $email) {
         type email isDefault emailAvailable emailUnavailableReason } }`,
    { type, email },
  );

const preferencesOf = async (who: string, via: TestServer = server) =>
  (
    await via.gql<{
      notificationPreferences: {
        type: string;
        email: boolean;
        isDefault: boolean;
        emailAvailable: boolean;
        emailUnavailableReason: string | null;
      }[];
    }>(
      `{ notificationPreferences { type email isDefault emailAvailable emailUnavailableReason } }`,
      {},
      team.tokens[who],
    )
  ).data!.notificationPreferences;

const announce = (title: string, body: string | null = null, via: TestServer = server) =>
  via.gql<{ announce: number }>(
    `mutation($title: String!, $body: String) { announce(title: $title, body: $body) }`,
    { title, body },
    team.tokens['hr'],
  );

/** The outbox rows of the notifications with this title. */
const outboxFor = (title: string) =>
  sql<{ recipient: string; status: string; attempts: number; last_error: string | null }>(
    `select u.login as recipient, o.status, o.attempts, o.last_error
       from email_outbox o join notification n on n.id = o.notification_id
       join app_user u on u.id = n.recipient_user_id
      where n.title = ? order by u.login`,
    [title],
  );

beforeEach(async () => {
  await settled();
  sink.reset();
  await sql(`delete from notification_preference`);
});

describe('notificationPreferences', () => {
  it('lists every notification type with e-mail off by default, available to an account with an address', async () => {
    const preferences = await preferencesOf('employee');
    expect(preferences.map((item) => item.type)).toEqual([...NotificationTypes]);
    for (const item of preferences) {
      expect(item).toEqual({
        type: item.type,
        email: false,
        isDefault: true,
        emailAvailable: true,
        emailUnavailableReason: null,
      });
    }
    // An external user's own address counts as well.
    expect((await preferencesOf('guest'))[0]!.emailAvailable).toBe(true);
  });

  it('records a choice, shows it, and turns it off again', async () => {
    const on = await setPreference('employee', 'PAYSLIP_PUBLISHED', true);
    expect(on.data!.setNotificationPreference).toEqual({
      type: 'PAYSLIP_PUBLISHED',
      email: true,
      isDefault: false,
      emailAvailable: true,
      emailUnavailableReason: null,
    });
    const listed = await preferencesOf('employee');
    expect(listed.filter((item) => item.email).map((item) => item.type)).toEqual([
      'PAYSLIP_PUBLISHED',
    ]);
    // Someone else's preferences are their own.
    expect((await preferencesOf('other')).some((item) => item.email)).toBe(false);
    const off = await setPreference('employee', 'PAYSLIP_PUBLISHED', false);
    expect(off.data!.setNotificationPreference).toMatchObject({ email: false, isDefault: false });
    expect((await preferencesOf('employee')).some((item) => item.email)).toBe(false);
  });

  it('refuses e-mail to an account without an address, with EMAIL_UNAVAILABLE on the field', async () => {
    const manager = await userOf('manager');
    await sql(
      `update employee set email = null where id = (select employee_id from app_user where id = ?)`,
      [manager.id],
    );
    try {
      const refused = await setPreference('manager', 'ANNOUNCEMENT', true);
      expect(refused.data).toBeNull();
      expect(refused.errors![0]!.extensions).toMatchObject({
        code: 'EMAIL_UNAVAILABLE',
        field: ['email'],
        reason: 'NO_ADDRESS',
      });
      expect(refused.errors![0]!.path).toEqual(['setNotificationPreference']);
      expect((await preferencesOf('manager'))[0]).toMatchObject({
        emailAvailable: false,
        emailUnavailableReason: 'NO_ADDRESS',
      });
      // Off is always allowed.
      expect((await setPreference('manager', 'ANNOUNCEMENT', false)).errors).toBeUndefined();
    } finally {
      await sql(
        `update employee set email = ? where id = (select employee_id from app_user where id = ?)`,
        [manager.address, manager.id],
      );
    }
  });
});

describe('e-mail delivery', () => {
  it('mails an announcement once to the user who opted in, and to nobody else', async () => {
    await setPreference('employee', 'ANNOUNCEMENT', true);
    await setPreference('other', 'ANNOUNCEMENT', false);
    await setPreference('hr', 'PAYSLIP_PUBLISHED', true);
    const title = 'Собрание трудового коллектива в пятницу';
    const announced = await announce(title, 'В 15:00 в актовом зале. Повестка — на стенде.');
    expect(announced.data!.announce).toBeGreaterThan(5);
    await settled();

    const employee = await userOf('employee');
    expect(employee.address).toMatch(/@school7\.example\.ru$/);
    expect(sink.messages).toHaveLength(1);
    const [mail] = sink.messages;
    expect(mail!.recipients).toEqual([employee.address]);
    expect(mail!.envelopeFrom).toBe('noreply@school7.example.ru');
    expect(mail!.headers.get('from')).toBe('Личный кабинет СОШ № 7 <noreply@school7.example.ru>');
    expect(mail!.headers.get('to')).toBe(employee.address);
    expect(mail!.subject).toBe(title);
    expect(mail!.headers.get('auto-submitted')).toBe('auto-generated');
    expect(mail!.text).toContain(`${title}\n\nВ 15:00 в актовом зале. Повестка — на стенде.\n`);
    expect(mail!.text).toContain(`Открыть в личном кабинете: ${PUBLIC_URL}/\n`);
    // The Message-ID is the notification's, so a duplicate could be told apart.
    const [notification] = await sql<{ id: string }>(
      `select id from notification where title = ? and recipient_user_id = ?`,
      [title, employee.id],
    );
    expect(mail!.headers.get('message-id')).toBe(
      `<${notification!.id}@kabinet.school7.example.ru>`,
    );
    expect(await outboxFor(title)).toEqual([
      { recipient: 'employee', status: 'SENT', attempts: 1, last_error: null },
    ]);
  });

  it('queues nothing for a rolled-back transaction, and mails the same change once committed', async () => {
    await setPreference('employee', 'ANNOUNCEMENT', true);
    const employee = await userOf('employee');
    const item = {
      recipientUserId: employee.id,
      organizationId: employee.organization_id,
      type: 'ANNOUNCEMENT' as const,
      title: 'Изменение, которое откатится',
    };
    let queuedInside = -1;
    await expect(
      inSystemUnit(server.orm.em.fork(), server.pubSub, silent, async (unit) => {
        await writeNotifications(unit, [item]);
        const [row] = await unit.em.execute<{ n: number }[]>(
          `select count(*)::int as n from email_outbox o join notification n on n.id = o.notification_id where n.title = ?`,
          [item.title],
        );
        queuedInside = row!.n;
        throw new Error('the change fails');
      }),
    ).rejects.toThrow('the change fails');
    expect(queuedInside).toBe(1);
    expect(await outboxFor(item.title)).toEqual([]);
    expect(await sql(`select id from notification where title = ?`, [item.title])).toEqual([]);

    await inSystemUnit(server.orm.em.fork(), server.pubSub, silent, (unit) =>
      writeNotifications(unit, [item]),
    );
    await settled();
    expect(sink.messages.map((mail) => mail.subject)).toEqual([item.title]);
  });

  it('retries a temporary SMTP failure with backoff until the message goes through', async () => {
    await setPreference('employee', 'ANNOUNCEMENT', true);
    const employee = await userOf('employee');
    let refusals = 2;
    sink.rule = (address) =>
      address === employee.address && refusals-- > 0
        ? { code: 451, message: '4.3.0 Mailbox temporarily unavailable' }
        : null;
    const title = 'Объявление при сбое почтового сервера';
    const started = Date.now();
    await announce(title);
    await settled();
    expect(sink.attempts.filter((address) => address === employee.address)).toHaveLength(3);
    expect(sink.messages.map((mail) => mail.recipients)).toEqual([[employee.address]]);
    expect(await outboxFor(title)).toEqual([
      { recipient: 'employee', status: 'SENT', attempts: 3, last_error: null },
    ]);
    // Two retries, 0.1 s and then 0.2 s after the failures.
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
  });

  it('gives up at once on a permanent rejection and after MAIL_MAX_ATTEMPTS on temporary ones, keeping the reason without the address', async () => {
    await setPreference('employee', 'ANNOUNCEMENT', true);
    await setPreference('other', 'ANNOUNCEMENT', true);
    const employee = await userOf('employee');
    const other = await userOf('other');
    sink.rule = (address) =>
      address === employee.address
        ? { code: 550, message: `5.1.1 <${address}>: no such user` }
        : address === other.address
          ? { code: 451, message: '4.7.1 Try again later' }
          : null;
    const title = 'Объявление, которое не дойдёт';
    await announce(title);
    await settled();
    expect(sink.messages).toEqual([]);
    const rows = await outboxFor(title);
    expect(
      rows.map(({ recipient, status, attempts }) => ({ recipient, status, attempts })),
    ).toEqual([
      { recipient: 'employee', status: 'FAILED', attempts: 1 },
      { recipient: 'other', status: 'FAILED', attempts: 3 },
    ]);
    expect(rows[0]!.last_error).toMatch(/550/);
    expect(rows[1]!.last_error).toMatch(/451/);
    expect(rows.map((row) => row.last_error).join(' ')).not.toMatch(/@/);
  });

  it('sends each e-mail exactly once with two mailers on one database', async () => {
    const second = await startTestServer({ databaseUrl: database.url, env: mailEnv(sink) });
    try {
      sink.dataDelayMs = 5;
      const recipients = await Promise.all(['employee', 'other', 'hr'].map(userOf));
      for (const who of ['employee', 'other', 'hr']) await setPreference(who, 'ANNOUNCEMENT', true);
      const before = { first: server.mailer!.stats.sent, second: second.mailer!.stats.sent };
      const items = Array.from({ length: 40 }, (_, index) =>
        recipients.map((user) => ({
          recipientUserId: user.id,
          organizationId: user.organization_id,
          type: 'ANNOUNCEMENT' as const,
          title: `Рассылка ${index + 1}`,
        })),
      ).flat();
      // Written through each instance in turn, so both are woken as well as polling.
      for (const [index, via] of [server, second].entries()) {
        await inSystemUnit(via.orm.em.fork(), via.pubSub, silent, (unit) =>
          writeNotifications(
            unit,
            items.filter((_, i) => i % 2 === index),
          ),
        );
      }
      await settled(30_000);
      expect(sink.messages).toHaveLength(items.length);
      const ids = sink.messages.map((mail) => mail.headers.get('message-id'));
      expect(new Set(ids).size).toBe(items.length);
      const [attempts] = await sql<{ rows: number; max: number; sent: number }>(
        `select count(*)::int as rows, max(o.attempts) as max, count(*) filter (where o.status = 'SENT')::int as sent
           from email_outbox o join notification n on n.id = o.notification_id where n.title like 'Рассылка %'`,
      );
      expect(attempts).toEqual({ rows: items.length, max: 1, sent: items.length });
      const sent = {
        first: server.mailer!.stats.sent - before.first,
        second: second.mailer!.stats.sent - before.second,
      };
      expect(sent.first + sent.second).toBe(items.length);
      // Both took part: the test would prove nothing if one instance had sent everything.
      expect(sent.first).toBeGreaterThan(0);
      expect(sent.second).toBeGreaterThan(0);
    } finally {
      await second.close();
    }
  });
});

describe('without SMTP', () => {
  it('offers no e-mail, refuses to turn it on, and queues none even for a choice made before', async () => {
    await setPreference('employee', 'ANNOUNCEMENT', true);
    const plain = await startTestServer({ databaseUrl: database.url });
    try {
      expect(plain.mailer).toBeNull();
      const listed = await preferencesOf('employee', plain);
      expect(listed.find((item) => item.type === 'ANNOUNCEMENT')).toEqual({
        type: 'ANNOUNCEMENT',
        email: false,
        isDefault: false,
        emailAvailable: false,
        emailUnavailableReason: 'NOT_CONFIGURED',
      });
      const refused = await plain.gql(
        `mutation { setNotificationPreference(type: TASK_ASSIGNED, email: true) { email } }`,
        {},
        team.tokens['employee'],
      );
      expect(refused.errors![0]!.extensions).toMatchObject({
        code: 'EMAIL_UNAVAILABLE',
        field: ['email'],
        reason: 'NOT_CONFIGURED',
      });
      const title = 'Объявление с сервера без почты';
      expect((await announce(title, null, plain)).errors).toBeUndefined();
      expect(await sql(`select id from notification where title = ?`, [title])).not.toHaveLength(0);
      expect(await outboxFor(title)).toEqual([]);
    } finally {
      await plain.close();
    }
  });
});
