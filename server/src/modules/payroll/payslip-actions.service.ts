import { viewerOf, type AppContext } from '../../core/context.js';
import { unitOf } from '../../core/unit-of-work.js';
import { forbidden } from '../../core/auth/viewer.js';
import { authorize, can } from '../../core/policy.js';
import { payrollActions } from './payroll.policy.js';
import { appErrorOf, badInput, ErrorCode, notFound } from '../../core/errors.js';
import { fromKopecks, toKopecks } from '../../core/money.js';
import { newId } from '../../core/orm/base.entity.js';
import { PayrollPeriod, Payslip, PayslipQuestion } from './payroll.entity.js';
import { PayrollService } from './payroll.service.js';
import { parsePayslipLineId, type PayslipLineData } from './payslip-lines.js';
import { writeNotifications } from '../notification/index.js';
import { monthNames } from '../../core/ru-months.js';

export type PublishPart = 'ADVANCE' | 'FINAL';

export interface LineChange {
  change: 'APPEARED' | 'DISAPPEARED' | 'CHANGED';
  kind: string;
  payCode: string;
  name: string;
  previous: string | null;
  current: string | null;
  difference: string;
  description: string;
}

const kindWords: Record<string, string> = {
  ACCRUAL: 'начисление',
  DEDUCTION: 'удержание',
  PAYMENT: 'выплата',
};
const rub = (amount: string) => `${amount.replace('.', ',')} ₽`;

/** What people do with payslips beyond reading them: publish, acknowledge, compare, question. */
export class PayslipActionsService {
  constructor(private readonly ctx: AppContext) {}

  /** ACCOUNTANT or INTEGRATION: makes a period's payslips visible; publishing twice changes nothing. */
  async publishPeriod(year: number, month: number, part: PublishPart): Promise<PayrollPeriod> {
    const viewer = viewerOf(this.ctx);
    authorize(viewer, payrollActions.writePayslips);
    if (!Number.isInteger(year) || year < 2000 || year > 2100)
      throw badInput(['year'], 'A year from 2000');
    if (!Number.isInteger(month) || month < 1 || month > 12)
      throw badInput(['month'], 'A month from 1 to 12');
    const unit = unitOf(this.ctx);
    const tx = unit.em;
    const period = await tx.findOne(PayrollPeriod, {
      organization: viewer.organizationId,
      year,
      month,
      deletedAt: null,
    });
    if (!period) throw notFound('Payroll period', `${year}-${month}`);
    const field = part === 'ADVANCE' ? 'advancePublishedAt' : 'publishedAt';
    if (period[field]) return period;
    const firstTime = !period.advancePublishedAt && !period.publishedAt;
    period[field] = new Date();
    await this.ctx.access.writeNow(tx, {
      section: 'PAYROLL',
      action: 'CHANGE',
      allowed: true,
      operation: `publish${part}`,
    });
    // Each employee hears once, when their payslip first becomes visible.
    const recipients = firstTime
      ? await tx.execute<{ user_id: string; payslip_id: string }[]>(
          `select u.id as user_id, s.id as payslip_id from payslip s
               join app_user u on u.employee_id = s.employee_id and u.status = 'ACTIVE'
              where s.period_id = ? and s.deleted_at is null`,
          [period.id],
        )
      : [];
    await writeNotifications(
      unit,
      recipients.map((row) => ({
        recipientUserId: row.user_id,
        organizationId: viewer.organizationId,
        type: 'PAYSLIP_PUBLISHED' as const,
        title: `Расчётный листок за ${monthNames[month - 1]} ${year} г. готов`,
        link: `/payslips/${row.payslip_id}`,
      })),
    );
    unit.events.publish('PAYROLL_PUBLISHED', {
      organizationId: viewer.organizationId,
      periodId: period.id,
      part,
    });
    return period;
  }

  /** The owner acknowledges their payslip (ознакомлен); the first time counts. */
  async acknowledge(id: string): Promise<Payslip> {
    const payslip = await new PayrollService(this.ctx).payslip(id);
    if (payslip.employee.id !== viewerOf(this.ctx).employeeId)
      throw forbidden('Only the employee acknowledges a payslip');
    if (!payslip.acknowledgedAt) {
      payslip.acknowledgedAt = new Date();
      await unitOf(this.ctx).em.flush();
    }
    return payslip;
  }

  /** ACCOUNTANT: published payslips of a month nobody has acknowledged yet. */
  unacknowledged(year: number, month: number): Promise<Payslip[]> {
    const viewer = viewerOf(this.ctx);
    authorize(viewer, payrollActions.followAcknowledgements);
    return this.ctx.em.find(
      Payslip,
      {
        organization: viewer.organizationId,
        acknowledgedAt: null,
        deletedAt: null,
        employee: { deletedAt: null },
        period: { year, month, publishedAt: { $ne: null }, deletedAt: null },
      },
      { populate: ['period'], orderBy: { employee: { lastName: 'asc' }, id: 'asc' } },
    );
  }

  /** Line by line against the previous month's payslip, in words. */
  async changes(id: string): Promise<LineChange[]> {
    const service = new PayrollService(this.ctx);
    const payslip = await service.payslip(id);
    const earlier = await service.payslips(
      payslip.employee.id,
      { to: previousMonth(payslip.period.getEntity().startDate) },
      'payslipChanges',
    );
    return compareLines(earlier[0]?.lines ?? [], payslip.lines);
  }

  /**
   * The owner questions a line; stored for accounting with the line as it is now. The line is
   * looked for only once the payslip may be read, so its place tells nothing about others' pay.
   */
  async question(lineId: string, text: string): Promise<PayslipQuestion> {
    const viewer = viewerOf(this.ctx);
    const place = parsePayslipLineId(lineId);
    if (!place) throw notFound('Payslip line', lineId);
    const payslip = await new PayrollService(this.ctx)
      .payslip(place.payslipId)
      .catch((error: unknown) => {
        throw appErrorOf(error)?.extensions['code'] === ErrorCode.NotFound
          ? notFound('Payslip line', lineId)
          : error;
      });
    const line = payslip.lines[place.index];
    if (!line) throw notFound('Payslip line', lineId);
    if (!can(viewer, payrollActions.questionLine, payslip.employee.id)) {
      throw forbidden('Only the employee questions their payslip');
    }
    const question = text.trim();
    if (question.length < 3 || question.length > 2000)
      throw badInput(['question'], 'A question of 3 to 2000 characters');
    const row = unitOf(this.ctx).em.create(PayslipQuestion, {
      id: newId(),
      payslip,
      lineNo: place.index + 1,
      lineKind: line.kind,
      linePayCode: line.payCode,
      lineName: line.name,
      lineAmount: line.amount,
      askedBy: viewer.userId,
      question,
    });
    await this.ctx.em.flush();
    return row;
  }
}

function previousMonth(startDate: string): string {
  const date = new Date(`${startDate}T00:00:00Z`);
  date.setUTCDate(0);
  return date.toISOString().slice(0, 10);
}

/** Lines matched by kind and pay code; appeared, disappeared or changed, with the amounts in words. */
export function compareLines(
  previous: readonly PayslipLineData[],
  current: readonly PayslipLineData[],
): LineChange[] {
  const key = (line: PayslipLineData) => `${line.kind}|${line.payCode}`;
  const total = (lines: readonly PayslipLineData[]) => {
    const sums = new Map<string, { line: PayslipLineData; kopecks: bigint }>();
    for (const line of lines) {
      const entry = sums.get(key(line));
      sums.set(key(line), { line, kopecks: (entry?.kopecks ?? 0n) + toKopecks(line.amount) });
    }
    return sums;
  };
  const before = total(previous);
  const after = total(current);
  const changes: LineChange[] = [];
  for (const [lineKey, { line, kopecks }] of after) {
    const old = before.get(lineKey);
    const what = `${kindWords[line.kind] ?? line.kind} «${line.name}»`;
    if (!old) {
      changes.push({
        change: 'APPEARED',
        kind: line.kind,
        payCode: line.payCode,
        name: line.name,
        previous: null,
        current: fromKopecks(kopecks),
        difference: fromKopecks(kopecks),
        description: `Новое ${what}: ${rub(fromKopecks(kopecks))}`,
      });
    } else if (old.kopecks !== kopecks) {
      const difference = kopecks - old.kopecks;
      const direction = difference > 0n ? 'больше' : 'меньше';
      const magnitude = fromKopecks(difference < 0n ? -difference : difference);
      changes.push({
        change: 'CHANGED',
        kind: line.kind,
        payCode: line.payCode,
        name: line.name,
        previous: fromKopecks(old.kopecks),
        current: fromKopecks(kopecks),
        difference: fromKopecks(difference),
        description: `${what[0]!.toUpperCase()}${what.slice(1)}: ${rub(fromKopecks(kopecks))}, на ${rub(magnitude)} ${direction}, чем в прошлом месяце`,
      });
    }
  }
  for (const [lineKey, { line, kopecks }] of before) {
    if (!after.has(lineKey)) {
      const what = `${kindWords[line.kind] ?? line.kind} «${line.name}»`;
      changes.push({
        change: 'DISAPPEARED',
        kind: line.kind,
        payCode: line.payCode,
        name: line.name,
        previous: fromKopecks(kopecks),
        current: null,
        difference: fromKopecks(-kopecks),
        description: `Нет ${what}, в прошлом месяце было ${rub(fromKopecks(kopecks))}`,
      });
    }
  }
  return changes;
}
