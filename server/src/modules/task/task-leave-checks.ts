import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError, ErrorCode } from '../../core/errors.js';
import type { Employee } from '../employee/index.js';
import { checkAnnualRequest, type LeaveKind, leavePeriodsOf, LeaveRecord } from '../leave/index.js';
import type { Loaders } from '../../core/orm/loaders.js';
import { organizationSettingsLoader } from '../organization/index.js';
import { Position } from '../position/index.js';
import type { RequestableLeaveKind } from './task-requests.service.js';
import { Task } from './task.entity.js';
import { ruDate as ru } from '../../core/local-date.js';

/**
 * When HR must have finished a leave request, by kind: paid leave is paid at least 3 calendar days
 * before it starts (ст. 136 ТК), which covers annual leave and study leave with pay (ст. 173–174:
 * paid at average earnings like annual leave); unpaid leave is paid nothing, so only the order must
 * exist before its first day (ст. 128).
 */
export const leaveDeadlines: Record<RequestableLeaveKind, { daysBefore: number; basis: string }> = {
  ANNUAL_BASIC: {
    daysBefore: 3,
    basis: 'ст. 136 ТК РФ: отпускные выплачиваются не позднее чем за 3 дня до начала отпуска',
  },
  ANNUAL_ADDITIONAL: {
    daysBefore: 3,
    basis: 'ст. 136 ТК РФ: отпускные выплачиваются не позднее чем за 3 дня до начала отпуска',
  },
  STUDY: {
    daysBefore: 3,
    basis:
      'ст. 136 ТК РФ: учебный отпуск с сохранением среднего заработка (ст. 173–174) оплачивается не позднее чем за 3 дня до его начала',
  },
  UNPAID: {
    daysBefore: 1,
    basis:
      'ст. 128 ТК РФ: отпуск без сохранения заработной платы не оплачивается; приказ оформляется до его первого дня',
  },
};

/**
 * An annual leave request within the balance (LEAVE_BALANCE_EXCEEDED, unless the organization
 * allows leave in advance) that keeps one part of the working year's annual leave at least 14 days
 * (LEAVE_PART_TOO_SHORT, ст. 125 ТК); both by `checkAnnualRequest`, counting every leave of the
 * file and every open leave request of the employee.
 */
export async function checkAnnualLeaveRequest(
  tx: EntityManager,
  loaders: Loaders,
  employee: Employee,
  requested: { kind: LeaveKind; start: string; end: string; days: number },
): Promise<void> {
  const [records, open, position, settings] = await Promise.all([
    tx.find(LeaveRecord, { employee: employee.id }),
    tx.find(Task, { type: 'LEAVE_REQUEST', subject: employee.id, closedAt: null }),
    employee.position ? tx.findOne(Position, { id: employee.position.id }) : null,
    loaders.get(organizationSettingsLoader).load(employee.organization.id),
  ]);
  const requests = open.flatMap((task) =>
    'leave' in task.details
      ? [
          {
            kind: task.details.leave.kind,
            start: task.details.leave.startDate,
            end: task.details.leave.endDate,
            days: task.details.leave.days,
          },
        ]
      : [],
  );
  const problem = checkAnnualRequest({
    hireDate: employee.hireDate,
    entitlement: {
      basicDays: position?.basicLeaveDays ?? 28,
      additionalDays: position?.additionalLeaveDays ?? 0,
    },
    leaves: [...leavePeriodsOf(records), ...requests],
    requested,
    allowInAdvance: settings.allowLeaveInAdvance,
  });
  if (problem?.rule === 'BALANCE') {
    const pool = requested.kind === 'ANNUAL_BASIC' ? 'основного' : 'дополнительного';
    throw new AppError(
      ErrorCode.LeaveBalanceExceeded,
      `Запрошено ${requested.days} дн. ежегодного ${pool} отпуска, а доступно ${problem.availableDays} дн. с учётом уже оформленных и запрошенных отпусков; отпуск авансом в организации не предоставляется`,
      { field: ['input', 'endDate'], details: { availableDays: problem.availableDays } },
    );
  }
  if (problem?.rule === 'LONG_PART') {
    throw new AppError(
      ErrorCode.LeavePartTooShort,
      `Одна из частей ежегодного отпуска за рабочий год с ${ru(problem.year.start)} по ${ru(problem.year.end)} должна быть не менее 14 календарных дней (ст. 125 ТК РФ): после этой части останется ${problem.leftDays} дн., и такой части уже не будет`,
      {
        field: ['input', 'endDate'],
        details: {
          leftDays: problem.leftDays,
          workingYearStart: problem.year.start,
          workingYearEnd: problem.year.end,
        },
      },
    );
  }
}
