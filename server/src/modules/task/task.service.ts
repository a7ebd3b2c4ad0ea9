import { LockMode, ref, type FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { viewerOf, type AppContext } from '../../app/context.js';
import { forbidden, hasRole, type Viewer } from '../../core/auth/viewer.js';
import { AppError, badInput, ErrorCode, notFound } from '../../core/errors.js';
import { checkPageSize, type Connection } from '../../core/graphql/connection.js';
import { isLocalDate } from '../../core/graphql/scalars.js';
import { isUuid } from '../../core/ids.js';
import { addDays } from '../../core/local-date.js';
import { pageOf } from '../../core/orm/pagination.js';
import { addWorkingDays } from '../calendar/calendar.rules.js';
import { calendarDays } from '../calendar/calendar.service.js';
import { Employee } from '../employee/employee.entity.js';
import { managerOf } from '../employee/employee.service.js';
import { User } from '../identity/user.entity.js';
import { LeaveRecord } from '../leave/leave.entity.js';
import { leaveDays } from '../leave/leave.rules.js';
import { claimUploads } from '../files/files.service.js';
import { FileErrorReport } from '../personal-data/file-error-report.entity.js';
import { queueMembers, standIn, TaskChange, type Publish } from './task.change.js';
import {
  Deputy,
  Task,
  TaskAttachment,
  TaskMessage,
  type CertificateRequestDetails,
  type LeaveRequestDetails,
  type TaskPriority,
} from './task.entity.js';
import { queuesOf, TaskPolicy } from './task.policy.js';
import {
  isTerminal,
  statusLabels,
  transitionOf,
  workflows,
  type TaskQueue,
  type TaskStatus,
  type TaskType,
  type Transition,
} from './task.workflows.js';

/** Leave kinds an employee requests through the portal; sick and maternity leave come from records. */
export const RequestableLeaveKinds = [
  'ANNUAL_BASIC',
  'ANNUAL_ADDITIONAL',
  'UNPAID',
  'STUDY',
] as const;
export type RequestableLeaveKind = (typeof RequestableLeaveKinds)[number];

/** Days of notice an annual leave request needs (ст. 123 ТК: the employee is told 2 weeks ahead). */
export const ANNUAL_LEAVE_NOTICE_DAYS = 14;

/** Certificates an employee may order, the service that issues each, and the law that sets 3 working days. */
export const certificateKinds = {
  EMPLOYMENT: { queue: 'HR', basis: 'ст. 62 ТК РФ', ru: 'Справка с места работы' },
  INCOME_TAX: {
    queue: 'ACCOUNTANT',
    basis: 'ст. 62 ТК РФ',
    ru: 'Справка о доходах и суммах налога физического лица',
  },
  EARNINGS_2Y: {
    queue: 'ACCOUNTANT',
    basis: 'ст. 62 ТК РФ',
    ru: 'Справка о сумме заработка за два календарных года',
  },
  STD_R: {
    queue: 'HR',
    basis: 'ст. 66.1 ТК РФ',
    ru: 'Сведения о трудовой деятельности (СТД-Р)',
  },
  WORK_BOOK_COPY: { queue: 'HR', basis: 'ст. 62 ТК РФ', ru: 'Копия трудовой книжки' },
  ORDER_COPY: { queue: 'HR', basis: 'ст. 62 ТК РФ', ru: 'Копия приказа' },
  SENIORITY: { queue: 'HR', basis: 'ст. 62 ТК РФ', ru: 'Справка о стаже' },
} as const satisfies Record<string, { queue: TaskQueue; basis: string; ru: string }>;
export type CertificateKind = keyof typeof certificateKinds;

const CERTIFICATE_WORKING_DAYS = 3;
/** 152-ФЗ ст. 21 ч. 3: inaccurate personal data is corrected within 7 working days. */
const CORRECTION_WORKING_DAYS = 7;

export type TaskScope = 'MINE' | 'QUEUE' | 'ALL';

export interface TaskListFilter {
  scope: TaskScope;
  openOnly: boolean;
  type: TaskType | null;
}

export interface GeneralTaskInput {
  title: string;
  description?: string | null;
  assigneeEmployeeId?: string | null;
  assigneeUserId?: string | null;
  dueDate?: string | null;
  priority?: TaskPriority | null;
}

export interface LeaveRequestInput {
  kind: RequestableLeaveKind;
  startDate: string;
  endDate: string;
  comment?: string | null;
}

export interface CertificateRequestInput {
  kind: CertificateKind;
  purpose?: string | null;
  copies?: number | null;
  delivery?: 'PAPER' | 'ELECTRONIC' | null;
}

const ru = (date: string) => date.split('-').reverse().join('.');

const text = (value: string | null | undefined, path: string[], min: number, max: number) => {
  const trimmed = value?.trim() ?? '';
  if (trimmed.length < min || trimmed.length > max) {
    throw badInput(path, `Between ${min} and ${max} characters`);
  }
  return trimmed;
};

const optionalText = (value: string | null | undefined, path: string[], max: number) => {
  const trimmed = value?.trim() ?? '';
  if (trimmed.length > max) throw badInput(path, `At most ${max} characters`);
  return trimmed || null;
};

/** The user account of an employee, if they have an active one. */
async function userOfEmployee(em: EntityManager, employeeId: string): Promise<User | null> {
  return em.findOne(User, { employee: { id: employeeId, deletedAt: null }, status: 'ACTIVE' });
}

/** Tasks: listed, read, created, moved through their status model, discussed. */
export class TaskService {
  constructor(private readonly ctx: AppContext) {}

  private get viewer(): Viewer {
    return viewerOf(this.ctx);
  }

  policy(): TaskPolicy {
    return new TaskPolicy(this.viewer, this.ctx);
  }

  async list(
    filter: TaskListFilter,
    page: { first: number; after?: string | null },
  ): Promise<Connection<Task>> {
    const visible = await this.policy().scope();
    const narrowed: FilterQuery<Task>[] = [visible];
    if (filter.scope === 'MINE') narrowed.push(this.mine());
    else if (filter.scope === 'QUEUE') narrowed.push(await this.waitingForMe());
    if (filter.openOnly) narrowed.push({ closedAt: null });
    if (filter.type) narrowed.push({ type: filter.type });
    return pageOf(
      this.ctx.em,
      Task,
      { $and: narrowed },
      { first: checkPageSize(page.first), after: page.after ?? null, orderBy: { id: 'desc' } },
    );
  }

  /**
   * The viewer's open tasks at a glance: how many of theirs (filed by, about or assigned to them)
   * are open, the nearest due of them, and how many wait in their queues (assigned to them, their
   * queues or whom they stand in for).
   */
  async openSummary(): Promise<{ mine: number; nearestDue: Task | null; waiting: number }> {
    const visible = await this.policy().scope();
    const mine: FilterQuery<Task> = { $and: [visible, { closedAt: null }, this.mine()] };
    const waiting: FilterQuery<Task> = {
      $and: [visible, { closedAt: null }, await this.waitingForMe()],
    };
    const [count, nearest, queued] = await Promise.all([
      this.ctx.em.count(Task, mine),
      this.ctx.em.findOne(
        Task,
        { $and: [mine, { dueDate: { $ne: null } }] },
        { orderBy: { dueDate: 'asc', id: 'asc' } },
      ),
      this.ctx.em.count(Task, waiting),
    ]);
    return { mine: count, nearestDue: nearest, waiting: queued };
  }

  /** Tasks filed by, about or assigned to the viewer. */
  private mine(): FilterQuery<Task> {
    const viewer = this.viewer;
    return {
      $or: [
        { author: viewer.userId },
        { assigneeUser: viewer.userId },
        ...(viewer.employeeId ? [{ subject: viewer.employeeId }] : []),
      ],
    };
  }

  /** Tasks assigned to the viewer, to whom they stand in for, or to their queues. */
  private async waitingForMe(): Promise<FilterQuery<Task>> {
    const viewer = this.viewer;
    const queues = queuesOf(viewer);
    const principals = await this.policy().actingFor();
    return {
      $or: [
        { assigneeUser: { $in: [viewer.userId, ...principals] } },
        ...(queues.length > 0 ? [{ assigneeQueue: { $in: queues } }] : []),
      ],
    };
  }

  /** A task the viewer may see; NOT_FOUND otherwise, so a task's existence is not disclosed. */
  async get(id: string, em: EntityManager = this.ctx.em, lock = false): Promise<Task> {
    if (!isUuid(id)) throw notFound('Task', id);
    const task = await em.findOne(
      Task,
      { id },
      lock ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {},
    );
    if (!task || !(await this.policy().canSee(task))) throw notFound('Task', id);
    return task;
  }

  /** HR or accounting gives an employee (or a colleague) a task, e.g. to read an order. */
  async create(input: GeneralTaskInput): Promise<Task> {
    const viewer = this.viewer;
    const queues = queuesOf(viewer);
    if (queues.length === 0) throw forbidden('Only HR and accounting give tasks');
    const title = text(input.title, ['input', 'title'], 3, 300);
    const description = optionalText(input.description, ['input', 'description'], 10_000);
    const today = await this.policy().today();
    if (
      input.dueDate !== null &&
      input.dueDate !== undefined &&
      (!isLocalDate(input.dueDate) || input.dueDate < today)
    ) {
      throw badInput(['input', 'dueDate'], 'A date from today on');
    }
    const { task, publish } = await this.write(async (tx) => {
      const assignee = await this.assigneeOf(tx, input);
      const subjectId = assignee.employee?.id ?? null;
      const task = tx.create(Task, {
        organization: viewer.organizationId,
        type: 'GENERAL',
        title,
        description,
        author: tx.getReference(User, viewer.userId),
        subject: subjectId ? tx.getReference(Employee, subjectId) : null,
        assigneeUser: assignee,
        serviceQueue: queues[0]!,
        status: workflows.GENERAL.initial,
        priority: input.priority ?? 'NORMAL',
        dueDate: input.dueDate ?? null,
        participants: [],
      });
      const change = new TaskChange(tx, task, viewer.userId);
      change.join(viewer.userId, assignee.id);
      change.event('CREATED', { toStatus: task.status, data: { assigneeUserId: assignee.id } });
      await change.notifyAssignee(`Новая задача: ${title}`, description);
      return { task, publish: await change.done() };
    });
    publish(this.ctx.app.pubSub);
    return task;
  }

  /** An employee asks for leave: to their manager first (or their deputy), then HR registers it. */
  async requestLeave(input: LeaveRequestInput): Promise<Task> {
    const viewer = this.viewer;
    if (!viewer.employeeId) throw forbidden('Only employees request leave');
    if (!(RequestableLeaveKinds as readonly string[]).includes(input.kind)) {
      throw badInput(['input', 'kind'], 'A leave kind an employee may request');
    }
    if (!isLocalDate(input.startDate)) throw badInput(['input', 'startDate'], 'Not a date');
    if (!isLocalDate(input.endDate)) throw badInput(['input', 'endDate'], 'Not a date');
    if (input.endDate < input.startDate) {
      throw badInput(['input', 'endDate'], 'The leave ends before it starts');
    }
    const today = await this.policy().today();
    if (input.startDate <= today) {
      throw badInput(['input', 'startDate'], 'A leave is requested before it starts');
    }
    if (input.endDate > addDays(input.startDate, 365)) {
      throw badInput(['input', 'endDate'], 'A leave of at most a year');
    }
    const annual = input.kind === 'ANNUAL_BASIC' || input.kind === 'ANNUAL_ADDITIONAL';
    const earliest = addDays(today, ANNUAL_LEAVE_NOTICE_DAYS);
    if (annual && input.startDate < earliest) {
      throw new AppError(
        ErrorCode.LeaveNoticeTooShort,
        `Annual leave is requested at least ${ANNUAL_LEAVE_NOTICE_DAYS} days ahead: from ${earliest}`,
        { field: ['input', 'startDate'], details: { earliest } },
      );
    }
    const comment = optionalText(input.comment, ['input', 'comment'], 2000);
    const employeeId = viewer.employeeId;
    const { task, publish } = await this.write(async (tx) => {
      const employee = await tx.findOneOrFail(Employee, { id: employeeId });
      await this.checkNoOverlap(tx, employeeId, input.startDate, input.endDate, null);
      const calendar = await calendarDays(tx, input.startDate, input.endDate);
      const holidays = new Set(
        [...calendar].filter(([, kind]) => kind === 'HOLIDAY').map(([date]) => date),
      );
      const days = leaveDays(
        { kind: input.kind, start: input.startDate, end: input.endDate },
        holidays,
      );
      const details: LeaveRequestDetails = {
        kind: input.kind,
        startDate: input.startDate,
        endDate: input.endDate,
        days,
      };
      const manager = await managerOf(employee, this.ctx.loaders);
      const managerUser = manager ? await userOfEmployee(tx, manager.id) : null;
      const approver =
        managerUser && managerUser.id !== viewer.userId
          ? await standIn(tx, managerUser.id, today)
          : null;
      // Holiday pay is due 3 days before the leave (ст. 136 ТК): HR must finish by then.
      const payBy = addDays(input.startDate, -3);
      const task = tx.create(Task, {
        organization: viewer.organizationId,
        type: 'LEAVE_REQUEST',
        title: `Отпуск с ${ru(input.startDate)} по ${ru(input.endDate)} (${days} дн.)`,
        description: comment,
        author: tx.getReference(User, viewer.userId),
        subject: employee,
        assigneeUser: approver ? tx.getReference(User, approver.userId) : null,
        assigneeQueue: approver ? null : 'HR',
        serviceQueue: 'HR',
        status: approver ? workflows.LEAVE_REQUEST.initial : workflows.LEAVE_REQUEST.fallback,
        dueDate: payBy < today ? today : payBy,
        deadlineBasis: 'ст. 136 ТК РФ: отпускные выплачиваются не позднее чем за 3 дня до отпуска',
        details: { leave: details },
        participants: [],
      });
      const change = new TaskChange(tx, task, viewer.userId);
      change.join(viewer.userId, approver?.userId);
      change.event('CREATED', {
        toStatus: task.status,
        comment,
        data: approver
          ? { assigneeUserId: approver.userId, deputyFor: approver.deputyFor }
          : { assigneeQueue: 'HR' },
      });
      await change.notifyAssignee(
        approver ? `Согласуйте отпуск: ${task.title}` : `Новое заявление: ${task.title}`,
        comment,
      );
      return { task, publish: await change.done() };
    });
    publish(this.ctx.app.pubSub);
    return task;
  }

  /** An employee orders a certificate; the service owes it within 3 working days. */
  async requestCertificate(input: CertificateRequestInput): Promise<Task> {
    const viewer = this.viewer;
    if (!viewer.employeeId) throw forbidden('Only employees order certificates');
    const kind = certificateKinds[input.kind];
    if (!kind) throw badInput(['input', 'kind'], 'Unknown certificate');
    const copies = input.copies ?? 1;
    if (!Number.isInteger(copies) || copies < 1 || copies > 10) {
      throw badInput(['input', 'copies'], 'From 1 to 10 copies');
    }
    const purpose = optionalText(input.purpose, ['input', 'purpose'], 500);
    const today = await this.policy().today();
    const employeeId = viewer.employeeId;
    const { task, publish } = await this.write(async (tx) => {
      const dueDate = await workingDaysFrom(tx, today, CERTIFICATE_WORKING_DAYS);
      const details: CertificateRequestDetails = {
        kind: input.kind,
        purpose,
        copies,
        delivery: input.delivery ?? 'ELECTRONIC',
      };
      const task = tx.create(Task, {
        organization: viewer.organizationId,
        type: 'CERTIFICATE_REQUEST',
        title: kind.ru,
        description: purpose,
        author: tx.getReference(User, viewer.userId),
        subject: tx.getReference(Employee, employeeId),
        assigneeQueue: kind.queue,
        serviceQueue: kind.queue,
        status: workflows.CERTIFICATE_REQUEST.initial,
        dueDate,
        deadlineBasis: `${kind.basis}: не позднее ${CERTIFICATE_WORKING_DAYS} рабочих дней`,
        details: { certificate: details },
        participants: [],
      });
      const change = new TaskChange(tx, task, viewer.userId);
      change.join(viewer.userId);
      change.event('CREATED', { toStatus: task.status, data: { assigneeQueue: kind.queue } });
      await change.notifyAssignee(
        `Заказ справки: ${kind.ru}`,
        `Срок — ${ru(dueDate)} (${kind.basis}).${purpose ? ` Для: ${purpose}` : ''}`,
      );
      return { task, publish: await change.done() };
    });
    publish(this.ctx.app.pubSub);
    return task;
  }

  /** Moves a task along its status model: only where the model allows, for whom it allows. */
  async transition(id: string, action: string, comment: string | null): Promise<Task> {
    const viewer = this.viewer;
    const note = optionalText(comment, ['comment'], 10_000);
    const { task, publish } = await this.write(async (tx) => {
      const task = await this.get(id, tx, true);
      const change = new TaskChange(tx, task, viewer.userId);
      await this.applyTransition(tx, change, action, note);
      return { task, publish: await change.done() };
    });
    publish(this.ctx.app.pubSub);
    return task;
  }

  /**
   * Attaches uploaded files (`POST /files`) to a task the viewer may see; with `action`, makes that
   * transition in the same transaction (HR attaches the certificate and issues it at once).
   */
  async attach(
    id: string,
    fileIds: readonly string[],
    comment: string | null,
    action: string | null,
  ): Promise<Task> {
    const viewer = this.viewer;
    if (fileIds.length === 0 || fileIds.length > 20) {
      throw badInput(['fileIds'], 'From 1 to 20 files');
    }
    const note = optionalText(comment, ['comment'], 10_000);
    const { task, publish } = await this.write(async (tx) => {
      const task = await this.get(id, tx, true);
      if (isTerminal(task.type, task.status)) {
        throw new AppError(ErrorCode.TransitionNotAllowed, 'The task is closed', {
          field: ['taskId'],
          details: { status: task.status },
        });
      }
      const change = new TaskChange(tx, task, viewer.userId);
      if (action || !note) {
        await this.attachFiles(tx, change, fileIds, null);
        if (action) await this.applyTransition(tx, change, action, note);
      } else {
        // A comment without a transition is a message the files come with.
        const message = tx.create(TaskMessage, {
          task,
          author: tx.getReference(User, viewer.userId),
          text: note,
        });
        change.event('COMMENTED', { data: { messageId: message.id } });
        await this.attachFiles(tx, change, fileIds, message);
        await this.notifyMessage(tx, change, note);
      }
      return { task, publish: await change.done() };
    });
    publish(this.ctx.app.pubSub);
    return task;
  }

  private async attachFiles(
    tx: EntityManager,
    change: TaskChange,
    fileIds: readonly string[],
    message: TaskMessage | null,
  ): Promise<void> {
    const viewer = this.viewer;
    const task = change.task;
    const files = await claimUploads(tx, viewer, fileIds, ['fileIds']);
    const side = this.policy().isService(task) ? 'SERVICE' : 'PARTICIPANT';
    for (const file of files) {
      tx.create(TaskAttachment, {
        task,
        file,
        message,
        attachedBy: tx.getReference(User, viewer.userId),
        side,
      });
    }
    change.join(viewer.userId);
    change.event('ATTACHED', {
      data: {
        fileIds: files.map((file) => file.id),
        ...(message ? { messageId: message.id } : {}),
      },
    });
    if (!message) {
      change.notify(
        task.participants,
        'TASK_MESSAGE',
        `Документ: ${task.title}`,
        files.map((file) => file.fileName).join(', '),
      );
    }
  }

  private async applyTransition(
    tx: EntityManager,
    change: TaskChange,
    action: string,
    note: string | null,
  ): Promise<void> {
    const task = change.task;
    const transition = transitionOf(task.type, task.status, action);
    if (!transition) {
      const allowed = workflows[task.type].transitions
        .filter((t) => t.from.includes(task.status))
        .map((t) => t.action);
      throw new AppError(
        ErrorCode.TransitionNotAllowed,
        `${action} is not possible while the task is ${task.status}`,
        { field: ['action'], details: { status: task.status, allowed } },
      );
    }
    const mine = await this.policy().transitions(task);
    if (!mine.includes(transition)) throw forbidden(`You may not ${action} this task`);
    if (transition.requiresComment && !note) {
      throw new AppError(ErrorCode.CommentRequired, `${action} needs a comment`, {
        field: ['comment'],
      });
    }
    if (transition.requiresServiceAttachment && !(await hasServiceAttachment(tx, task))) {
      throw new AppError(ErrorCode.AttachmentRequired, `Attach the document before ${action}`, {
        field: ['action'],
      });
    }
    const from = task.status;
    change.join(this.viewer.userId);
    task.status = transition.to;
    task.closedAt = isTerminal(task.type, transition.to) ? new Date() : null;
    change.event('STATUS_CHANGED', {
      fromStatus: from,
      toStatus: transition.to,
      comment: note,
      data: { action },
    });
    await this.runEffect(tx, task, transition);
    const rerouted = this.route(task, transition);
    if (rerouted) {
      change.event('REASSIGNED', { data: rerouted });
      await change.notifyAssignee(`Новая задача: ${task.title}`, note);
    }
    change.notify(
      task.participants,
      'TASK_STATUS',
      `${task.title}: ${statusLabels[task.status].ru.toLowerCase()}`,
      note,
    );
  }

  /** The service hands a task to a colleague or a queue; a user's deputy takes it in their absence. */
  async reassign(
    id: string,
    to: { userId?: string | null; queue?: TaskQueue | null },
    comment: string | null,
  ): Promise<Task> {
    const viewer = this.viewer;
    if (!to.userId === !to.queue) throw badInput(['to'], 'Name a user or a queue');
    const note = optionalText(comment, ['comment'], 2000);
    const today = await this.policy().today();
    const { task, publish } = await this.write(async (tx) => {
      const task = await this.get(id, tx, true);
      const policy = this.policy();
      if (!policy.isService(task)) throw forbidden('Only the service reassigns a task');
      if (isTerminal(task.type, task.status)) {
        throw new AppError(ErrorCode.TransitionNotAllowed, 'The task is closed', {
          field: ['id'],
          details: { status: task.status },
        });
      }
      const change = new TaskChange(tx, task, viewer.userId);
      change.join(viewer.userId);
      if (to.queue) {
        task.assigneeQueue = to.queue;
        task.assigneeUser = null;
        change.event('REASSIGNED', { comment: note, data: { assigneeQueue: to.queue } });
      } else {
        const user = isUuid(to.userId!)
          ? await tx.findOne(User, {
              id: to.userId,
              organization: viewer.organizationId,
              status: 'ACTIVE',
            })
          : null;
        if (!user || user.roles.includes('INTEGRATION') || user.roles.includes('EXTERNAL')) {
          throw badInput(['to', 'userId'], 'Not a colleague in this organization');
        }
        const taker = await standIn(tx, user.id, today);
        task.assigneeUser = ref(tx.getReference(User, taker.userId));
        task.assigneeQueue = null;
        change.join(taker.userId);
        change.event('REASSIGNED', {
          comment: note,
          data: { assigneeUserId: taker.userId, deputyFor: taker.deputyFor },
        });
      }
      await change.notifyAssignee(`Новая задача: ${task.title}`, note);
      return { task, publish: await change.done() };
    });
    publish(this.ctx.app.pubSub);
    return task;
  }

  /** A message on a task, to everyone on it; the author has read it by writing it. */
  async postMessage(
    id: string,
    body: string,
    fileIds: readonly string[] = [],
  ): Promise<TaskMessage> {
    const viewer = this.viewer;
    const message = text(body, ['text'], 1, 10_000);
    const { row, publish } = await this.write(async (tx) => {
      const task = await this.get(id, tx, true);
      const row = tx.create(TaskMessage, {
        task,
        author: tx.getReference(User, viewer.userId),
        text: message,
      });
      const change = new TaskChange(tx, task, viewer.userId);
      change.join(viewer.userId);
      change.event('COMMENTED', { data: { messageId: row.id } });
      if (fileIds.length > 0) await this.attachFiles(tx, change, fileIds, row);
      await markRead(tx, task.id, viewer.userId, row.id);
      await this.notifyMessage(tx, change, message);
      return { row, publish: await change.done() };
    });
    publish(this.ctx.app.pubSub);
    return row;
  }

  /** Tells everyone on the task, and its queue while no one has taken it, of a new message. */
  private async notifyMessage(tx: EntityManager, change: TaskChange, text: string): Promise<void> {
    const task = change.task;
    const queue = task.assigneeQueue
      ? await queueMembers(tx, task.organization.id, task.assigneeQueue)
      : [];
    change.notify(
      [...task.participants, ...queue],
      'TASK_MESSAGE',
      `Сообщение: ${task.title}`,
      text.length > 280 ? `${text.slice(0, 279)}…` : text,
    );
  }

  /** Marks every message of the task read for the viewer; returns the task. */
  async markMessagesRead(id: string): Promise<Task> {
    const viewer = this.viewer;
    const task = await this.get(id);
    const last = await this.ctx.em.findOne(
      TaskMessage,
      { task: task.id },
      { orderBy: { id: 'desc' }, fields: ['id'] },
    );
    if (last) await markRead(this.ctx.em, task.id, viewer.userId, last.id);
    return task;
  }

  /** Names a deputy for a period: the viewer for themselves, or HR for anyone in the organization. */
  async setDeputy(input: {
    principalUserId?: string | null;
    deputyUserId: string;
    startDate: string;
    endDate: string;
  }): Promise<Deputy> {
    const viewer = this.viewer;
    const principalId = input.principalUserId ?? viewer.userId;
    if (principalId !== viewer.userId && !hasRole(viewer, 'HR')) {
      throw forbidden('Only HR names a deputy for someone else');
    }
    if (!viewer.employeeId && !hasRole(viewer, 'HR')) {
      throw forbidden('Only employees name deputies');
    }
    if (!isLocalDate(input.startDate)) throw badInput(['input', 'startDate'], 'Not a date');
    if (!isLocalDate(input.endDate) || input.endDate < input.startDate) {
      throw badInput(['input', 'endDate'], 'A date from the start on');
    }
    const today = await this.policy().today();
    if (input.endDate < today) throw badInput(['input', 'endDate'], 'The period is over');
    if (principalId === input.deputyUserId) {
      throw badInput(['input', 'deputyUserId'], 'Someone else stands in');
    }
    const em = this.ctx.em;
    const colleague = (id: string) =>
      isUuid(id)
        ? em.findOne(User, {
            id,
            organization: viewer.organizationId,
            status: 'ACTIVE',
            employee: { $ne: null },
          })
        : Promise.resolve(null);
    const [principal, deputy] = await Promise.all([
      colleague(principalId),
      colleague(input.deputyUserId),
    ]);
    if (!principal) throw badInput(['input', 'principalUserId'], 'Not a colleague');
    if (!deputy) throw badInput(['input', 'deputyUserId'], 'Not a colleague');
    const overlapping = await em.count(Deputy, {
      principal: principal.id,
      revokedAt: null,
      startDate: { $lte: input.endDate },
      endDate: { $gte: input.startDate },
    });
    if (overlapping > 0) {
      throw new AppError(ErrorCode.Conflict, 'Another deputy stands in during this period', {
        field: ['input', 'startDate'],
      });
    }
    const row = em.create(Deputy, {
      organization: viewer.organizationId,
      principal,
      deputy,
      startDate: input.startDate,
      endDate: input.endDate,
      createdBy: em.getReference(User, viewer.userId),
    });
    await em.flush();
    return row;
  }

  async revokeDeputy(id: string): Promise<Deputy> {
    const viewer = this.viewer;
    const row = isUuid(id) ? await this.ctx.em.findOne(Deputy, { id }) : null;
    const mine =
      row &&
      row.organization.id === viewer.organizationId &&
      (row.principal.id === viewer.userId || hasRole(viewer, 'HR'));
    if (!row || !mine) throw notFound('Deputy', id);
    row.revokedAt ??= new Date();
    await this.ctx.em.flush();
    return row;
  }

  /** The deputies the viewer named or is named as, current and future. */
  async deputies(): Promise<Deputy[]> {
    const viewer = this.viewer;
    const today = await this.policy().today();
    return this.ctx.em.find(
      Deputy,
      {
        organization: viewer.organizationId,
        revokedAt: null,
        endDate: { $gte: today },
        ...(hasRole(viewer, 'HR')
          ? {}
          : { $or: [{ principal: viewer.userId }, { deputy: viewer.userId }] }),
      },
      { orderBy: { startDate: 'asc', id: 'asc' } },
    );
  }

  /** Runs a use case in one transaction with its own fork, so a failure leaves nothing behind. */
  private write<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.ctx.em.transactional(work);
  }

  private async assigneeOf(tx: EntityManager, input: GeneralTaskInput): Promise<User> {
    const viewer = this.viewer;
    if (!input.assigneeEmployeeId === !input.assigneeUserId) {
      throw badInput(['input', 'assigneeEmployeeId'], 'Name an employee or a user');
    }
    const path = input.assigneeEmployeeId
      ? ['input', 'assigneeEmployeeId']
      : ['input', 'assigneeUserId'];
    const id = (input.assigneeEmployeeId ?? input.assigneeUserId)!;
    const user = !isUuid(id)
      ? null
      : input.assigneeEmployeeId
        ? await userOfEmployee(tx, id)
        : await tx.findOne(User, { id, status: 'ACTIVE' });
    if (!user || user.organization.id !== viewer.organizationId) {
      throw badInput(path, 'No active account of this organization');
    }
    return user;
  }

  /** Where a transition sends the task; returns what changed, or null. */
  private route(task: Task, transition: Transition): Record<string, unknown> | null {
    if (transition.route === 'SERVICE_QUEUE' && task.assigneeQueue !== task.serviceQueue) {
      task.assigneeQueue = task.serviceQueue;
      task.assigneeUser = null;
      return { assigneeQueue: task.serviceQueue };
    }
    if (transition.route === 'AUTHOR' && task.assigneeUser?.id !== task.author.id) {
      task.assigneeUser = task.author;
      task.assigneeQueue = null;
      return { assigneeUserId: task.author.id };
    }
    return null;
  }

  private async runEffect(tx: EntityManager, task: Task, transition: Transition): Promise<void> {
    if (transition.effect === 'CREATE_LEAVE_RECORD') {
      const details = 'leave' in task.details ? task.details.leave : null;
      if (!details || !task.subject) throw new Error(`Leave request ${task.id} has no leave`);
      await this.checkNoOverlap(tx, task.subject.id, details.startDate, details.endDate, task.id);
      const record = tx.create(LeaveRecord, {
        organization: task.organization,
        employee: task.subject,
        kind: details.kind,
        startDate: details.startDate,
        endDate: details.endDate,
        days: details.days,
        orderDate: await this.policy().today(),
      });
      task.details = { leave: { ...details, leaveRecordId: record.id } };
      await this.ctx.access.writeNow(tx, {
        subjectEmployeeId: task.subject.id,
        section: 'LEAVE',
        action: 'CHANGE',
        allowed: true,
        operation: 'transitionTask',
      });
    } else if (transition.effect === 'RESOLVE_FILE_REPORT') {
      const details = 'correction' in task.details ? task.details.correction : null;
      if (details) {
        await tx.nativeUpdate(
          FileErrorReport,
          { id: details.reportId, resolvedAt: null },
          { resolvedAt: new Date() },
        );
      }
    }
  }

  /** A leave may not overlap a recorded one, nor another open request of the same employee. */
  private async checkNoOverlap(
    tx: EntityManager,
    employeeId: string,
    start: string,
    end: string,
    exceptTaskId: string | null,
  ): Promise<void> {
    const [recorded, requests] = await Promise.all([
      tx.count(LeaveRecord, {
        employee: employeeId,
        startDate: { $lte: end },
        endDate: { $gte: start },
      }),
      tx.find(
        Task,
        {
          type: 'LEAVE_REQUEST',
          subject: employeeId,
          closedAt: null,
          ...(exceptTaskId ? { id: { $ne: exceptTaskId } } : {}),
        },
        { fields: ['details'] },
      ),
    ]);
    const requested = requests.some((request) => {
      const leave = 'leave' in request.details ? request.details.leave : null;
      return leave !== null && leave.startDate <= end && start <= leave.endDate;
    });
    if (recorded > 0 || requested) {
      throw new AppError(
        ErrorCode.LeaveOverlap,
        recorded > 0
          ? 'The period overlaps a leave already in the file'
          : 'The period overlaps another open leave request',
        { field: ['input', 'startDate'] },
      );
    }
  }
}

/** The date `count` working days after `from`, by the production calendar. */
async function workingDaysFrom(tx: EntityManager, from: string, count: number): Promise<string> {
  const days = await calendarDays(tx, from, addDays(from, count * 3 + 30));
  return addWorkingDays(from, count, days);
}

/** Moves the user's read marker forward to `messageId` (never back). */
async function markRead(
  em: EntityManager,
  taskId: string,
  userId: string,
  messageId: string,
): Promise<void> {
  await em.execute(
    `insert into task_read_marker (id, task_id, user_id, last_read_message_id)
     values (gen_random_uuid(), ?, ?, ?)
     on conflict (task_id, user_id) do update
       set last_read_message_id = greatest(task_read_marker.last_read_message_id, excluded.last_read_message_id),
           updated_at = current_timestamp`,
    [taskId, userId, messageId],
  );
}

/** Whether the service has attached a document to the task (a certificate, an order). */
async function hasServiceAttachment(tx: EntityManager, task: Task): Promise<boolean> {
  return (await tx.count(TaskAttachment, { task: task.id, side: 'SERVICE' })) > 0;
}

/** Opens a personal-file correction for an employee's error report, in the report's transaction. */
export async function openFileCorrection(
  tx: EntityManager,
  viewer: Viewer,
  report: FileErrorReport,
  today: string,
): Promise<Publish> {
  const dueDate = await workingDaysFrom(tx, today, CORRECTION_WORKING_DAYS);
  const task = tx.create(Task, {
    organization: viewer.organizationId,
    type: 'FILE_CORRECTION',
    title: `Исправить личное дело: ${report.section}`,
    description: report.comment,
    author: tx.getReference(User, viewer.userId),
    subject: report.employee,
    assigneeQueue: 'HR',
    serviceQueue: 'HR',
    status: workflows.FILE_CORRECTION.initial,
    dueDate,
    deadlineBasis: `ст. 21 152-ФЗ: уточнение в течение ${CORRECTION_WORKING_DAYS} рабочих дней`,
    details: { correction: { section: report.section, reportId: report.id } },
    participants: [],
  });
  const change = new TaskChange(tx, task, viewer.userId);
  change.join(viewer.userId);
  change.event('CREATED', { toStatus: task.status, data: { assigneeQueue: 'HR' } });
  await change.notifyAssignee(`Ошибка в личном деле: ${report.section}`, report.comment);
  return change.done();
}

export type { TaskStatus };
