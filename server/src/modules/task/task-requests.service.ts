import type { EntityManager } from '@mikro-orm/postgresql';
import type { Unit, UnitContext } from '../../core/unit-of-work.js';
import { forbidden, type Viewer } from '../../core/auth/viewer.js';
import { AppError, badInput, ErrorCode } from '../../core/errors.js';
import { isLocalDate } from '../../core/graphql/scalars.js';
import { addDays } from '../../core/local-date.js';
import { addWorkingDays, calendarDays } from '../calendar/index.js';
import { holidaysWithin, leaveClash, leaveDays, type LeaveSpan } from '../leave/index.js';
import { checkAnnualLeaveRequest, leaveDeadlines } from './task-leave-checks.js';
import { Employee, managerOf } from '../employee/index.js';
import { User } from '../identity/index.js';
import { fileSectionWords } from '../organization/index.js';
import { type FileErrorReport } from './file-error-report.entity.js';
import { standIn, TaskChange } from './task.change.js';
import { Task, type CertificateRequestDetails, type LeaveRequestDetails } from './task.entity.js';
import { workflows, type TaskQueue } from './task.workflows.js';

import { optionalText, TaskUseCase, userOfEmployee } from './task.service.js';
import { ruDate as ru } from '../../core/local-date.js';

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

/** An employee's requests: leave (through the manager) and certificates (with the legal deadline). */
export class TaskRequestService extends TaskUseCase {
  constructor(ctx: UnitContext) {
    super(ctx);
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
    const tx = this.unit.em;
    const employee = await tx.findOneOrFail(Employee, { id: employeeId });
    await checkNoOverlap(
      tx,
      employeeId,
      { kind: input.kind, start: input.startDate, end: input.endDate },
      null,
    );
    const period = { kind: input.kind, start: input.startDate, end: input.endDate };
    const days = leaveDays(period, await holidaysWithin(tx, input.startDate, input.endDate));
    if (annual) await checkAnnualLeaveRequest(tx, this.ctx.loaders, employee, { ...period, days });
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
    const deadline = leaveDeadlines[input.kind];
    const due = addDays(input.startDate, -deadline.daysBefore);
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
      dueDate: due < today ? today : due,
      deadlineBasis: deadline.basis,
      details: { leave: details },
      participants: [],
    });
    const change = new TaskChange(this.unit, task, viewer.userId);
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
    await change.done();
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
    const tx = this.unit.em;
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
    const change = new TaskChange(this.unit, task, viewer.userId);
    change.join(viewer.userId);
    change.event('CREATED', { toStatus: task.status, data: { assigneeQueue: kind.queue } });
    await change.notifyAssignee(
      `Заказ справки: ${kind.ru}`,
      `Срок — ${ru(dueDate)} (${kind.basis}).${purpose ? ` Для: ${purpose}` : ''}`,
    );
    await change.done();
    return task;
  }
}

/** LEAVE_OVERLAP: the requested leave would share a day with one already in the file. */
export const leaveOverlap = (): AppError =>
  new AppError(ErrorCode.LeaveOverlap, 'The period overlaps a leave already in the file', {
    field: ['input', 'startDate'],
  });

/**
 * A leave may not overlap a recorded one (by the portal's one rule, `leaveClash`), nor another open
 * request of the same employee.
 */
export async function checkNoOverlap(
  tx: EntityManager,
  employeeId: string,
  leave: LeaveSpan,
  exceptTaskId: string | null,
): Promise<void> {
  const { start, end } = leave;
  const [recorded, requests] = await Promise.all([
    leaveClash(tx, employeeId, leave),
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
  if (recorded) throw leaveOverlap();
  if (requested) {
    throw new AppError(ErrorCode.LeaveOverlap, 'The period overlaps another open leave request', {
      field: ['input', 'startDate'],
    });
  }
}

/** The date `count` working days after `from`, by the production calendar. */
async function workingDaysFrom(tx: EntityManager, from: string, count: number): Promise<string> {
  const days = await calendarDays(tx, from, addDays(from, count * 3 + 30));
  return addWorkingDays(from, count, days);
}

/** Opens a personal-file correction for an employee's error report, in the report's transaction. */
export async function openFileCorrection(
  unit: Unit,
  viewer: Viewer,
  report: FileErrorReport,
  today: string,
): Promise<void> {
  const tx = unit.em;
  const dueDate = await workingDaysFrom(tx, today, CORRECTION_WORKING_DAYS);
  const task = tx.create(Task, {
    organization: viewer.organizationId,
    type: 'FILE_CORRECTION',
    title: `Исправить личное дело: ${fileSectionWords[report.section]}`,
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
  const change = new TaskChange(unit, task, viewer.userId);
  change.join(viewer.userId);
  change.event('CREATED', { toStatus: task.status, data: { assigneeQueue: 'HR' } });
  await change.notifyAssignee(
    `Ошибка в личном деле: ${fileSectionWords[report.section]}`,
    report.comment,
  );
  return change.done();
}
