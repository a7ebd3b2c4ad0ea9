import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../core/logger.js';
import { addDays } from '../../core/local-date.js';
import { todayIn } from '../../core/time.js';
import { Task, TaskEvent } from './task.entity.js';
import { sweepOverdueTasks } from './task.overdue.js';
import {
  isWorkingDay,
  type CalendarDayKind,
  type CalendarDays,
} from '../calendar/calendar.rules.js';
import {
  actors,
  collectEvents,
  errorCode,
  publishUntil,
  startTestServer,
  type TestServer,
} from '../../../test/harness.js';

/** Tasks: the status model, the leave and certificate flows, messages, deputies, live events. */

let server: TestServer;
let as: Awaited<ReturnType<typeof actors>>['as'];
let tokens: Record<string, string>;
let fileOf: (who: string) => Promise<string>;
const today = todayIn('Europe/Moscow');

const TASK = `id type title status dueDate deadlineBasis serviceQueue overdue
  assignee { user { name userId } queue } subject { employeeId name }
  actions { action to requiresComment requiresAttachment }
  leave { kind startDate endDate days leaveRecordId } certificate { kind copies delivery }
  history { kind fromStatus toStatus action comment actor { name } assignee { queue user { name } } deputyFor { name } }`;

type TaskView = {
  id: string;
  type: string;
  title: string;
  status: string;
  dueDate: string | null;
  deadlineBasis: string | null;
  serviceQueue: string;
  overdue: boolean;
  assignee: { user: { name: string; userId: string } | null; queue: string | null };
  subject: { employeeId: string; name: string } | null;
  actions: { action: string; to: string; requiresComment: boolean }[];
  leave: {
    kind: string;
    startDate: string;
    endDate: string;
    days: number;
    leaveRecordId: string | null;
  } | null;
  certificate: { kind: string; copies: number; delivery: string } | null;
  history: {
    kind: string;
    fromStatus: string | null;
    toStatus: string | null;
    action: string | null;
    comment: string | null;
    actor: { name: string } | null;
    assignee: { queue: string | null; user: { name: string } | null } | null;
    deputyFor: { name: string } | null;
  }[];
};

const userIdOf = async (who: string) =>
  (await as<{ me: { id: string } }>(who, `{ me { id } }`)).data!.me.id;

const requestLeave = (who: string, input: Record<string, unknown>) =>
  as<{ requestLeave: TaskView }>(
    who,
    `mutation($input: LeaveRequestInput!) { requestLeave(input: $input) { ${TASK} } }`,
    { input },
  );

const transition = (who: string, id: string, action: string, comment?: string) =>
  as<{ transitionTask: TaskView }>(
    who,
    `mutation($id: ID!, $action: String!, $comment: String) {
       transitionTask(id: $id, action: $action, comment: $comment) { ${TASK} } }`,
    { id, action, comment: comment ?? null },
  );

const taskAs = (who: string, id: string) =>
  as<{ task: TaskView }>(who, `query($id: ID!) { task(id: $id) { ${TASK} } }`, { id });

/** A leave window nobody else in these tests uses: `offset` days after the notice period. */
const window = (offset: number, length = 14) => {
  const startDate = addDays(today, 30 + offset);
  return { startDate, endDate: addDays(startDate, length - 1) };
};

beforeAll(async () => {
  server = await startTestServer({ demo: true });
  ({ as, tokens, fileOf } = await actors(server, [
    'hr',
    'accountant',
    'manager',
    'employee',
    'other',
    'admin',
  ]));
});
afterAll(async () => {
  await server?.close();
});

/** The production calendar's days of the years from `from` to `to`, as HR keeps them. */
async function calendarOf(from: string, to: string): Promise<CalendarDays> {
  const days = new Map<string, CalendarDayKind>();
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
    const result = await as<{
      productionCalendar: { days: { date: string; kind: CalendarDayKind }[] };
    }>('employee', `query($y: Int!) { productionCalendar(year: $y) { days { date kind } } }`, {
      y: year,
    });
    for (const day of result.data!.productionCalendar.days) days.set(day.date, day.kind);
  }
  return days;
}

const latestNotification = async (who: string) =>
  (
    await as<{ notifications: { edges: { node: { id: string } }[] } }>(
      who,
      `{ notifications(first: 1) { edges { node { id } } } }`,
    )
  ).data!.notifications.edges[0]?.node.id ?? '00000000-0000-7000-8000-000000000000';

describe('createTask', () => {
  it("reaches the employee's open notificationAdded subscription and not other's", async () => {
    const [employeeCursor, otherCursor] = await Promise.all([
      latestNotification('employee'),
      latestNotification('other'),
    ]);
    const query = (after: string) =>
      `subscription { notificationAdded(after: "${after}") { id type title link } }`;
    type Added = { notificationAdded: { id: string; type: string; title: string; link: string } };
    const employeeEvents = collectEvents<Added>(
      server.wsClient(tokens['employee']),
      query(employeeCursor),
      1,
    );
    const otherEvents = collectEvents<Added>(
      server.wsClient(tokens['other']),
      query(otherCursor),
      1,
    );

    const created = await as<{ createTask: TaskView }>(
      'hr',
      `mutation($input: CreateTaskInput!) { createTask(input: $input) { ${TASK} } }`,
      {
        input: {
          title: 'Ознакомиться с приказом о режиме работы',
          assigneeEmployeeId: await fileOf('employee'),
          dueDate: addDays(today, 5),
        },
      },
    );
    expect(created.errors).toBeUndefined();
    const task = created.data!.createTask;
    expect(task).toMatchObject({ type: 'GENERAL', status: 'NEW', serviceQueue: 'HR' });
    // Something for `other` after the task: the first thing their subscription receives.
    await as('hr', `mutation { announce(title: "Собрание коллектива в пятницу") }`);

    const [employeeGot] = await employeeEvents;
    expect(employeeGot!.notificationAdded).toMatchObject({
      type: 'TASK_ASSIGNED',
      link: `/tasks/${task.id}`,
    });
    expect(employeeGot!.notificationAdded.title).toContain('Ознакомиться с приказом');
    const [otherGot] = await otherEvents;
    expect(otherGot!.notificationAdded.type).toBe('ANNOUNCEMENT');

    // The assignee completes it; `other` cannot see it at all.
    expect((await taskAs('employee', task.id)).data!.task.actions.map((a) => a.action)).toEqual([
      'TAKE',
      'COMPLETE',
    ]);
    expect(errorCode(await taskAs('other', task.id))).toBe('NOT_FOUND');
    const done = await transition('employee', task.id, 'COMPLETE');
    expect(done.data!.transitionTask.status).toBe('DONE');
  });

  it('is for HR and accounting only', async () => {
    const refused = await as(
      'employee',
      `mutation($input: CreateTaskInput!) { createTask(input: $input) { id } }`,
      { input: { title: 'Сделайте что-нибудь', assigneeEmployeeId: await fileOf('other') } },
    );
    expect(errorCode(refused)).toBe('FORBIDDEN');
  });
});

describe('leave request', () => {
  it('goes employee → manager approval → HR → leave record, every step in the history', async () => {
    const leave = window(0);
    const requested = await requestLeave('employee', {
      kind: 'ANNUAL_BASIC',
      ...leave,
      comment: 'Семейная поездка',
    });
    expect(requested.errors).toBeUndefined();
    const task = requested.data!.requestLeave;
    expect(task).toMatchObject({
      type: 'LEAVE_REQUEST',
      status: 'MANAGER_APPROVAL',
      leave: { kind: 'ANNUAL_BASIC', ...leave, leaveRecordId: null },
      assignee: { queue: null },
    });
    // 14 calendar days, less the public holidays inside (ст. 120 ТК).
    const holidays = [...(await calendarOf(leave.startDate, leave.endDate))].filter(
      ([date, kind]) => kind === 'HOLIDAY' && date >= leave.startDate && date <= leave.endDate,
    );
    expect(task.leave!.days).toBe(14 - holidays.length);
    expect(task.dueDate).toBe(addDays(leave.startDate, -3));
    expect(task.deadlineBasis).toContain('ст. 136');
    expect(task.actions.map((a) => a.action)).toEqual(['CANCEL']);

    // The manager has it in their queue and may approve or decline; the employee may not approve.
    const queue = await as<{ tasks: { edges: { node: { id: string } }[] } }>(
      'manager',
      `{ tasks(scope: QUEUE, openOnly: true, first: 50) { edges { node { id } } } }`,
    );
    expect(queue.data!.tasks.edges.map((edge) => edge.node.id)).toContain(task.id);
    expect(errorCode(await transition('employee', task.id, 'APPROVE'))).toBe('FORBIDDEN');
    // An illegal transition (HR cannot register before the manager approved).
    const early = await transition('hr', task.id, 'REGISTER');
    expect(errorCode(early)).toBe('TRANSITION_NOT_ALLOWED');
    expect(early.errors![0]!.extensions!['allowed']).toEqual(['APPROVE', 'DECLINE', 'CANCEL']);
    // HR's queue does not see the request before approval… but HR is the service: it may see it.
    const approved = await transition('manager', task.id, 'APPROVE', 'Согласовано');
    expect(approved.errors).toBeUndefined();
    expect(approved.data!.transitionTask).toMatchObject({
      status: 'NEW',
      assignee: { queue: 'HR', user: null },
    });

    // HR takes and registers it: the leave record appears in the employee's file.
    expect((await transition('hr', task.id, 'TAKE')).data!.transitionTask.status).toBe(
      'IN_PROGRESS',
    );
    const registered = await transition('hr', task.id, 'REGISTER');
    expect(registered.errors).toBeUndefined();
    const done = registered.data!.transitionTask;
    expect(done.status).toBe('DONE');
    expect(done.leave!.leaveRecordId).toMatch(/^[0-9a-f-]{36}$/);
    const file = await as<{
      employee: {
        leave: { records: { id: string; kind: string; startDate: string; days: number }[] };
      };
    }>(
      'employee',
      `query($id: ID!) { employee(id: $id) { leave { records { id kind startDate days } } } }`,
      {
        id: await fileOf('employee'),
      },
    );
    expect(file.data!.employee.leave.records).toContainEqual({
      id: done.leave!.leaveRecordId,
      kind: 'ANNUAL_BASIC',
      startDate: leave.startDate,
      days: task.leave!.days,
    });

    expect(
      done.history.map((event) => [event.kind, event.fromStatus, event.toStatus, event.action]),
    ).toEqual([
      ['CREATED', null, 'MANAGER_APPROVAL', null],
      ['STATUS_CHANGED', 'MANAGER_APPROVAL', 'NEW', 'APPROVE'],
      ['REASSIGNED', null, null, null],
      ['STATUS_CHANGED', 'NEW', 'IN_PROGRESS', 'TAKE'],
      ['STATUS_CHANGED', 'IN_PROGRESS', 'DONE', 'REGISTER'],
    ]);
    expect(done.history[1]!.comment).toBe('Согласовано');
    expect(done.history[2]!.assignee).toEqual({ queue: 'HR', user: null });
    expect(done.history.every((event) => event.actor !== null)).toBe(true);

    // The employee heard of each status change.
    const notes = await as<{
      notifications: { edges: { node: { type: string; link: string } }[] };
    }>('employee', `{ notifications(first: 10) { edges { node { type link } } } }`);
    const statusNotes = notes.data!.notifications.edges.filter(
      (edge) => edge.node.type === 'TASK_STATUS' && edge.node.link === `/tasks/${task.id}`,
    );
    expect(statusNotes).toHaveLength(3);

    // The history is never edited, not even by the server's own database role.
    const db = new pg.Client({ connectionString: server.databaseUrl });
    await db.connect();
    try {
      await expect(
        db.query(`update task_event set comment = 'x' where task_id = $1`, [task.id]),
      ).rejects.toThrow(/append-only/);
      await expect(
        db.query(`delete from task_event where task_id = $1`, [task.id]),
      ).rejects.toThrow(/append-only/);
    } finally {
      await db.end();
    }

    // A closed task takes no more transitions.
    expect(errorCode(await transition('hr', task.id, 'REJECT', 'Поздно'))).toBe(
      'TRANSITION_NOT_ALLOWED',
    );
  });

  it('needs two weeks of notice for annual leave, and no overlap', async () => {
    const soon = await requestLeave('employee', {
      kind: 'ANNUAL_BASIC',
      startDate: addDays(today, 5),
      endDate: addDays(today, 10),
    });
    expect(errorCode(soon)).toBe('LEAVE_NOTICE_TOO_SHORT');
    expect(soon.errors![0]!.extensions!['field']).toEqual(['input', 'startDate']);
    expect(soon.errors![0]!.extensions!['earliest']).toBe(addDays(today, 14));
    // Unpaid leave (ст. 128) has no such notice.
    const unpaid = window(40, 3);
    expect((await requestLeave('employee', { kind: 'UNPAID', ...unpaid })).errors).toBeUndefined();
    const overlapping = await requestLeave('employee', {
      kind: 'ANNUAL_BASIC',
      startDate: addDays(unpaid.startDate, 1),
      endDate: addDays(unpaid.endDate, 5),
    });
    expect(errorCode(overlapping)).toBe('LEAVE_OVERLAP');
  });

  it('declining needs a comment and sends the request back to its author', async () => {
    // Basic, not additional leave: the demo teacher's post gives no additional days, and a request
    // beyond them is refused LEAVE_BALANCE_EXCEEDED (leave.test.ts).
    const task = (await requestLeave('employee', { kind: 'ANNUAL_BASIC', ...window(60, 3) })).data!
      .requestLeave;
    const bare = await transition('manager', task.id, 'DECLINE');
    expect(errorCode(bare)).toBe('COMMENT_REQUIRED');
    expect(bare.errors![0]!.extensions!['field']).toEqual(['comment']);
    expect((await taskAs('employee', task.id)).data!.task.status).toBe('MANAGER_APPROVAL');
    const declined = await transition('manager', task.id, 'DECLINE', 'Пересекается с экзаменами');
    expect(declined.data!.transitionTask).toMatchObject({ status: 'REJECTED' });
    expect(declined.data!.transitionTask.assignee.user!.name).toBe(
      (await taskAs('employee', task.id)).data!.task.subject!.name,
    );
  });

  it("goes to the manager's deputy during the deputy's period", async () => {
    const otherUser = await userIdOf('other');
    const named = await as<{ setDeputy: { id: string; principal: { name: string } } }>(
      'manager',
      `mutation($input: DeputyInput!) { setDeputy(input: $input) { id principal { name } deputy { name } } }`,
      { input: { deputyUserId: otherUser, startDate: today, endDate: addDays(today, 7) } },
    );
    expect(named.errors).toBeUndefined();
    try {
      const task = (await requestLeave('employee', { kind: 'STUDY', ...window(80, 5) })).data!
        .requestLeave;
      expect(task.assignee.user!.userId).toBe(otherUser);
      expect(task.history[0]!.deputyFor!.name).toBe(named.data!.setDeputy.principal.name);
      // The deputy sees it and approves; the manager, away, was not given it.
      expect((await transition('other', task.id, 'APPROVE')).data!.transitionTask.status).toBe(
        'NEW',
      );
    } finally {
      await as('manager', `mutation($id: ID!) { revokeDeputy(id: $id) { revokedAt } }`, {
        id: named.data!.setDeputy.id,
      });
    }
    // After the deputy is revoked, requests go to the manager again.
    const back = (await requestLeave('employee', { kind: 'STUDY', ...window(90, 2) })).data!
      .requestLeave;
    expect(back.assignee.user!.userId).toBe(await userIdOf('manager'));
  });
});

describe('certificate request', () => {
  it('carries the ст. 62 deadline in working days, reaches the queue and needs the certificate', async () => {
    const hrCursor = await latestNotification('hr');
    const requested = await as<{ requestCertificate: TaskView }>(
      'employee',
      `mutation { requestCertificate(input: { kind: EMPLOYMENT, purpose: "В банк", copies: 2 }) { ${TASK} } }`,
    );
    expect(requested.errors).toBeUndefined();
    const task = requested.data!.requestCertificate;
    expect(task).toMatchObject({
      type: 'CERTIFICATE_REQUEST',
      status: 'NEW',
      serviceQueue: 'HR',
      assignee: { queue: 'HR', user: null },
      certificate: { kind: 'EMPLOYMENT', copies: 2, delivery: 'ELECTRONIC' },
      overdue: false,
    });
    expect(task.deadlineBasis).toContain('ст. 62');
    // Exactly 3 working days after today, the last of them the due date.
    const days = await calendarOf(today, task.dueDate!);
    let working = 0;
    for (let day = addDays(today, 1); day <= task.dueDate!; day = addDays(day, 1)) {
      if (isWorkingDay(day, days)) working++;
    }
    expect(working).toBe(3);
    expect(isWorkingDay(task.dueDate!, days)).toBe(true);

    // HR's queue hears of it.
    const [note] = await collectEvents<{ notificationAdded: { type: string; link: string } }>(
      server.wsClient(tokens['hr']),
      `subscription { notificationAdded(after: "${hrCursor}") { type link } }`,
      1,
    );
    expect(note!.notificationAdded).toEqual({ type: 'TASK_ASSIGNED', link: `/tasks/${task.id}` });

    // Issuing needs the certificate attached first.
    const bare = await transition('hr', task.id, 'ISSUE');
    expect(errorCode(bare)).toBe('ATTACHMENT_REQUIRED');
    // Accounting's certificates go to accounting.
    const income = await as<{ requestCertificate: { serviceQueue: string } }>(
      'employee',
      `mutation { requestCertificate(input: { kind: INCOME_TAX }) { serviceQueue } }`,
    );
    expect(income.data!.requestCertificate.serviceQueue).toBe('ACCOUNTANT');
  });
});

describe('messages', () => {
  it('reach the other side, count as unread until read, and are refused to outsiders', async () => {
    const task = (
      await as<{ requestCertificate: { id: string } }>(
        'employee',
        `mutation { requestCertificate(input: { kind: STD_R }) { id } }`,
      )
    ).data!.requestCertificate;
    const posted = await as<{
      postTaskMessage: { id: string; mine: boolean; author: { name: string } };
    }>(
      'employee',
      `mutation($id: ID!) { postTaskMessage(taskId: $id, text: "Нужна на бумаге, пожалуйста") { id mine author { name } } }`,
      { id: task.id },
    );
    expect(posted.errors).toBeUndefined();
    expect(posted.data!.postTaskMessage.mine).toBe(true);
    const unread = () =>
      as<{
        task: {
          unreadMessageCount: number;
          messages: { edges: { node: { text: string; readBy: { name: string }[] } }[] };
        };
      }>(
        'hr',
        `query($id: ID!) { task(id: $id) { unreadMessageCount messages(first: 10) { edges { node { text readBy { name } } } } } }`,
        { id: task.id },
      );
    const first = await unread();
    expect(first.errors).toBeUndefined();
    expect(first.data!.task.unreadMessageCount).toBe(1);
    await as('hr', `mutation($id: ID!) { markTaskMessagesRead(taskId: $id) { id } }`, {
      id: task.id,
    });
    const after = (await unread()).data!.task;
    expect(after.unreadMessageCount).toBe(0);
    expect(after.messages.edges[0]!.node.readBy).toHaveLength(1);

    const outsider = await as(
      'other',
      `mutation($id: ID!) { postTaskMessage(taskId: $id, text: "Я тоже хочу") { id } }`,
      { id: task.id },
    );
    expect(errorCode(outsider)).toBe('NOT_FOUND');
    const messages = await as<{ task: { messages: { edges: unknown[] } } }>(
      'employee',
      `query($id: ID!) { task(id: $id) { messages(first: 10) { edges { node { id } } } } }`,
      { id: task.id },
    );
    expect(messages.data!.task.messages.edges).toHaveLength(1);
  });
});

describe('a task the caller may not see', () => {
  it('answers NOT_FOUND at once to writes on it, and nobody else waits meanwhile', async () => {
    const task = (
      await as<{ requestCertificate: { id: string } }>(
        'employee',
        `mutation { requestCertificate(input: { kind: SENIORITY }) { id } }`,
      )
    ).data!.requestCertificate;
    const timed = async <T>(work: () => Promise<T>) => {
      const started = Date.now();
      const result = await work();
      return { result, ms: Date.now() - started };
    };
    // On the embedded database (one connection) a check outside the write's transaction used to
    // hold every request for the pool's acquire timeout.
    const [message, moved, reader] = await Promise.all([
      timed(() =>
        as(
          'other',
          `mutation($id: ID!) { postTaskMessage(taskId: $id, text: "Чужая задача") { id } }`,
          { id: task.id },
        ),
      ),
      timed(() => transition('other', task.id, 'CANCEL')),
      timed(() => taskAs('hr', task.id)),
    ]);
    expect(errorCode(message.result)).toBe('NOT_FOUND');
    expect(errorCode(moved.result)).toBe('NOT_FOUND');
    expect(reader.result.errors).toBeUndefined();
    for (const { ms } of [message, moved, reader]) expect(ms).toBeLessThan(2_000);
  });
});

describe('subscriptions', () => {
  it('taskChanged and messageAdded deliver to those who may see the task only', async () => {
    const task = (
      await as<{ requestCertificate: { id: string } }>(
        'employee',
        `mutation { requestCertificate(input: { kind: SENIORITY }) { id } }`,
      )
    ).data!.requestCertificate;
    const changes = collectEvents<{ taskChanged: { kind: string; actor: { name: string } } }>(
      server.wsClient(tokens['employee']),
      `subscription { taskChanged(taskId: "${task.id}") { kind actor { name } } }`,
      1,
      10_000,
    );
    const messages = collectEvents<{ messageAdded: { text: string } }>(
      server.wsClient(tokens['hr']),
      `subscription { messageAdded(taskId: "${task.id}") { text } }`,
      1,
      10_000,
    );
    const [[change], [message]] = await publishUntil(Promise.all([changes, messages]), () =>
      as(
        'employee',
        `mutation($id: ID!) { postTaskMessage(taskId: $id, text: "Когда будет готово?") { id } }`,
        {
          id: task.id,
        },
      ),
    );
    expect(change!.taskChanged.kind).toBe('COMMENTED');
    expect(message!.messageAdded.text).toBe('Когда будет готово?');

    // Someone who may not see the task is refused at subscribe time.
    const refused = collectEvents(
      server.wsClient(tokens['other']),
      `subscription { taskChanged(taskId: "${task.id}") { kind } }`,
      1,
    );
    await expect(refused).rejects.toThrow(/NOT_FOUND|not found/);
  });

  it('replays every missed event of a task after a reconnect, however many (it stopped at 500)', async () => {
    const task = (
      await as<{ requestCertificate: { id: string } }>(
        'employee',
        `mutation { requestCertificate(input: { kind: SENIORITY }) { id } }`,
      )
    ).data!.requestCertificate;
    const knex = server.orm.em.getKnex();
    const first: { id: string } = await knex('task_event')
      .where({ task_id: task.id })
      .orderBy('id')
      .first<{ id: string }>('id');
    // 520 comments' events since the client's cursor, written straight into the history.
    const em = server.orm.em.fork();
    for (let i = 0; i < 520; i++) {
      em.create(TaskEvent, { task: em.getReference(Task, task.id), kind: 'COMMENTED' });
    }
    await em.flush();
    const missed = await collectEvents<{ taskChanged: { id: string } }>(
      server.wsClient(tokens['employee']),
      `subscription { taskChanged(taskId: "${task.id}", after: "${first.id}") { id } }`,
      520,
      20_000,
    );
    expect(new Set(missed.map((event) => event.taskChanged.id)).size).toBe(520);
  });
});

describe('reportFileError', () => {
  it("opens a correction task in HR's queue; correcting it resolves the report", async () => {
    const reported = await as<{ reportFileError: { id: string } }>(
      'employee',
      `mutation { reportFileError(section: EDUCATION, comment: "Нет курсов повышения квалификации 2025 года") { id } }`,
    );
    expect(reported.errors).toBeUndefined();
    const queue = await as<{ tasks: { edges: { node: TaskView }[] } }>(
      'hr',
      `{ tasks(scope: QUEUE, type: FILE_CORRECTION, openOnly: true, first: 5) { edges { node { ${TASK} } } } }`,
    );
    const task = queue.data!.tasks.edges[0]!.node;
    expect(task).toMatchObject({ status: 'NEW', assignee: { queue: 'HR' } });
    expect(task.title).toBe('Исправить личное дело: образование');
    expect(task.deadlineBasis).toContain('152-ФЗ');
    const before = await as<{ fileErrorReports: { id: string }[] }>(
      'hr',
      `{ fileErrorReports { id } }`,
    );
    expect(before.data!.fileErrorReports.map((r) => r.id)).toContain(
      reported.data!.reportFileError.id,
    );
    expect((await transition('hr', task.id, 'CORRECT')).data!.transitionTask.status).toBe('DONE');
    const after = await as<{ fileErrorReports: { id: string }[] }>(
      'hr',
      `{ fileErrorReports { id } }`,
    );
    expect(after.data!.fileErrorReports.map((r) => r.id)).not.toContain(
      reported.data!.reportFileError.id,
    );
  });
});

describe('overdue tasks', () => {
  it('are flagged and their queue told once', async () => {
    const task = (
      await as<{ requestCertificate: { id: string } }>(
        'employee',
        `mutation { requestCertificate(input: { kind: WORK_BOOK_COPY }) { id } }`,
      )
    ).data!.requestCertificate;
    // The deadline passed (as if the request were filed a week ago).
    await server.orm.em
      .fork()
      .execute(`update task set due_date = ? where id = ?`, [addDays(today, -1), task.id]);
    expect((await taskAs('employee', task.id)).data!.task.overdue).toBe(true);
    const flagged = await sweepOverdueTasks(server.orm, server.pubSub, createLogger('silent'));
    expect(flagged).toBeGreaterThanOrEqual(1);
    expect(await sweepOverdueTasks(server.orm, server.pubSub, createLogger('silent'))).toBe(0);

    const history = (await taskAs('hr', task.id)).data!.task.history;
    expect(history.map((event) => event.kind)).toEqual(['CREATED', 'OVERDUE']);
    expect(history[1]!.actor).toBeNull();
    const notes = await as<{
      notifications: { edges: { node: { type: string; link: string } }[] };
    }>('hr', `{ notifications(first: 20) { edges { node { type link } } } }`);
    const overdue = notes.data!.notifications.edges.filter(
      (edge) => edge.node.type === 'TASK_OVERDUE' && edge.node.link === `/tasks/${task.id}`,
    );
    expect(overdue).toHaveLength(1);
  });
});

describe('attachments', () => {
  const certificatePdf = Buffer.from(
    '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n' +
      '2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n' +
      'trailer << /Root 1 0 R >>\n%%EOF\n',
  );

  const upload = async (who: string, name: string) => {
    const form = new FormData();
    form.append('file', new Blob([certificatePdf], { type: 'application/pdf' }), name);
    const response = await fetch(`${server.url}/files`, {
      method: 'POST',
      body: form,
      headers: { authorization: `Bearer ${tokens[who]}` },
    });
    expect(response.status).toBe(201);
    return ((await response.json()) as { id: string }).id;
  };

  const download = (who: string, url: string) =>
    fetch(`${server.url}${url}`, { headers: { authorization: `Bearer ${tokens[who]}` } });

  it('HR attaches the certificate and issues it in one step; the employee downloads it, others cannot', async () => {
    const task = (
      await as<{ requestCertificate: { id: string } }>(
        'employee',
        `mutation { requestCertificate(input: { kind: EMPLOYMENT }) { id } }`,
      )
    ).data!.requestCertificate;
    // The employee's own scan does not fulfil the request: the service's document does.
    const scan = await upload('employee', 'Заявление.pdf');
    const withScan = await as<{ postTaskMessage: { attachments: { side: string }[] } }>(
      'employee',
      `mutation($id: ID!, $files: [ID!]!) { postTaskMessage(taskId: $id, text: "Заявление прилагаю", fileIds: $files) { attachments { side } } }`,
      { id: task.id, files: [scan] },
    );
    expect(withScan.data!.postTaskMessage.attachments).toEqual([{ side: 'PARTICIPANT' }]);
    expect(errorCode(await transition('hr', task.id, 'ISSUE'))).toBe('ATTACHMENT_REQUIRED');

    const fileId = await upload('hr', 'Справка с места работы.pdf');
    // Someone else's upload cannot be attached (and a claimed file cannot be attached twice).
    const foreign = await as(
      'employee',
      `mutation($id: ID!, $files: [ID!]!) { attachToTask(taskId: $id, fileIds: $files) { id } }`,
      { id: task.id, files: [fileId] },
    );
    expect(errorCode(foreign)).toBe('BAD_USER_INPUT');
    expect(foreign.errors![0]!.extensions!['field']).toEqual(['fileIds', 0]);

    const issued = await as<{
      attachToTask: {
        status: string;
        attachments: { side: string; file: { id: string; fileName: string; url: string } }[];
        history: { kind: string }[];
      };
    }>(
      'hr',
      `mutation($id: ID!, $files: [ID!]!) {
         attachToTask(taskId: $id, fileIds: $files, action: "ISSUE", comment: "Готово") {
           status attachments { side file { id fileName url } } history { kind } } }`,
      { id: task.id, files: [fileId] },
    );
    expect(issued.errors).toBeUndefined();
    const done = issued.data!.attachToTask;
    expect(done.status).toBe('DONE');
    expect(done.attachments.map((a) => a.side)).toEqual(['PARTICIPANT', 'SERVICE']);
    expect(done.history.map((event) => event.kind)).toEqual([
      'CREATED',
      'COMMENTED',
      'ATTACHED',
      'ATTACHED',
      'STATUS_CHANGED',
    ]);
    const certificate = done.attachments[1]!.file;
    expect(certificate.fileName).toBe('Справка с места работы.pdf');

    const mine = await download('employee', certificate.url);
    expect(mine.status).toBe(200);
    expect(Buffer.from(await mine.arrayBuffer()).equals(certificatePdf)).toBe(true);
    expect((await download('other', certificate.url)).status).toBe(404);
    expect((await download('manager', certificate.url)).status).toBe(404);
    // HR's colleague in the queue may; the download is journalled once, against the employee's
    // file (not a second time against the employee as the uploader).
    const journalAfter = async (act: () => Promise<unknown>) => {
      const entries = () =>
        server.orm.em.fork().execute<
          {
            id: string;
            section: string;
            subject_employee_id: string | null;
            allowed: boolean;
          }[]
        >(`select id, section, subject_employee_id, allowed from access_log`);
      const before = new Set((await entries()).map((entry) => entry.id));
      await act();
      return (await entries())
        .filter((entry) => !before.has(entry.id))
        .map(({ id: _id, ...entry }) => entry);
    };
    const employeeFile = await fileOf('employee');
    expect(
      await journalAfter(async () =>
        expect((await download('hr', `/files/${scan}`)).status).toBe(200),
      ),
    ).toEqual([{ section: 'TASK_DOCUMENT', subject_employee_id: employeeFile, allowed: true }]);
    expect(
      await journalAfter(async () =>
        expect((await download('manager', `/files/${scan}`)).status).toBe(404),
      ),
    ).toEqual([{ section: 'TASK_DOCUMENT', subject_employee_id: employeeFile, allowed: false }]);
    // The employee's own certificate, uploaded by HR: their own file, nothing to journal.
    expect(
      await journalAfter(async () =>
        expect((await download('employee', certificate.url)).status).toBe(200),
      ),
    ).toEqual([]);
  });
});

describe('the task list', () => {
  it('runs a constant number of SQL statements however many tasks it shows', async () => {
    // Enough tasks in HR's queue for a page of 20 to be full.
    for (let i = 0; i < 20; i++) {
      await as('employee', `mutation { requestCertificate(input: { kind: EMPLOYMENT }) { id } }`);
    }
    const query = (first: number) =>
      `{ tasks(scope: QUEUE, first: ${first}) { edges { node {
          id title status overdue unreadMessageCount dueDate
          author { name } subject { name } assignee { queue user { name } }
          actions { action } history { kind actor { name } }
          attachments { side file { fileName } } } } } }`;
    const measure = async (first: number) => {
      const { result, statements } = await server.queries.measure(() => as('hr', query(first)));
      expect(result.errors).toBeUndefined();
      expect((result.data as { tasks: { edges: unknown[] } }).tasks.edges.length).toBe(first);
      return statements;
    };
    const one = await measure(1);
    const twenty = await measure(20);
    expect(twenty).toBe(one);
    expect(twenty).toBeLessThanOrEqual(10);
  });
});
