import {
  Entity,
  Index,
  ManyToOne,
  OptionalProps,
  Property,
  Unique,
  type Ref,
} from '@mikro-orm/core';
import { ExternalRecord } from '../../core/orm/base.entity.js';
import { Assignment } from '../assignment/index.js';
import { Employee } from '../employee/index.js';
import { Organization } from '../organization/index.js';
import type { PayslipLineData } from './payslip-lines.js';

/** A payroll month; its payslips reach employees once published (advance and final apart). */
@Entity({ tableName: 'payroll_period' })
@Unique({ properties: ['organization', 'year', 'month'] })
@Unique({ properties: ['organization', 'externalSource', 'externalId'] })
export class PayrollPeriod extends ExternalRecord<
  'advancePublishedAt' | 'publishedAt' | 'deletedAt'
> {
  @ManyToOne({ entity: () => Organization, ref: true, deleteRule: 'cascade' })
  organization!: Ref<Organization>;

  @Property({ type: 'integer' })
  year!: number;

  @Property({ type: 'integer' })
  month!: number;

  /** The first day of the month, for ranges and grouping. */
  @Property({ type: 'date' })
  startDate!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  advancePublishedAt: Date | null = null;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  publishedAt: Date | null = null;
  /** Deleted by the system of record; kept because history refers to it, hidden everywhere else. */
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  deletedAt: Date | null = null;
}

/**
 * A payslip (расчётный листок) of one employee for one period, per assignment where they hold
 * several. Balances: positive is owed by the organization (долг за организацией), negative by the
 * employee. Identity: opening + accruals − deductions − payments = closing.
 */
@Entity({ tableName: 'payslip' })
@Unique({ properties: ['organization', 'externalSource', 'externalId'] })
@Index({ properties: ['employee', 'period'] })
export class Payslip extends ExternalRecord<
  'assignment' | 'normDays' | 'workedDays' | 'acknowledgedAt' | 'deletedAt'
> {
  @ManyToOne({ entity: () => Organization, ref: true, deleteRule: 'cascade' })
  organization!: Ref<Organization>;

  @ManyToOne({ entity: () => PayrollPeriod, ref: true, deleteRule: 'cascade' })
  period!: Ref<PayrollPeriod>;

  @ManyToOne({ entity: () => Employee, ref: true, deleteRule: 'cascade' })
  employee!: Ref<Employee>;

  @ManyToOne({ entity: () => Assignment, ref: true, nullable: true, deleteRule: 'set null' })
  assignment: Ref<Assignment> | null = null;

  @Property({ type: 'decimal', precision: 14, scale: 2 })
  openingBalance!: string;

  @Property({ type: 'decimal', precision: 14, scale: 2 })
  closingBalance!: string;

  @Property({ type: 'integer', nullable: true })
  normDays: number | null = null;

  @Property({ type: 'integer', nullable: true })
  workedDays: number | null = null;

  /** Ознакомлен: when the employee acknowledged the payslip. */
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  acknowledgedAt: Date | null = null;
  /** Deleted by the system of record; kept because history refers to it, hidden everywhere else. */
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  deletedAt: Date | null = null;

  /** Its accruals, deductions and payments in the payslip's order (see payslip-lines.ts). */
  @Property({ type: 'json' })
  lines!: PayslipLineData[];
}

export const PayslipLineKinds = ['ACCRUAL', 'DEDUCTION', 'PAYMENT'] as const;
export type PayslipLineKind = (typeof PayslipLineKinds)[number];

/**
 * An employee's question about one payslip line; opens an accounting task once tasks exist. It
 * keeps the line as it was, since a correction of the payslip may change or move it.
 */
@Entity({ tableName: 'payslip_question' })
@Index({ properties: ['payslip', 'createdAt'] })
export class PayslipQuestion {
  [OptionalProps]?: 'createdAt';

  @Property({ type: 'uuid', primary: true })
  id!: string;

  @ManyToOne({ entity: () => Payslip, ref: true, deleteRule: 'cascade' })
  payslip!: Ref<Payslip>;

  /** The line's place in its payslip, from 1, when the question was asked. */
  @Property({ type: 'integer' })
  lineNo!: number;

  // The line as asked about: the payroll system may correct the payslip and move or change it.
  @Property({ type: 'string', length: 16 })
  lineKind!: PayslipLineKind;

  @Property({ type: 'text' })
  linePayCode!: string;

  @Property({ type: 'text' })
  lineName!: string;

  @Property({ type: 'decimal', precision: 14, scale: 2 })
  lineAmount!: string;

  @Property({ type: 'uuid' })
  askedBy!: string;

  @Property({ type: 'text' })
  question!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'current_timestamp' })
  createdAt: Date = new Date();
}
