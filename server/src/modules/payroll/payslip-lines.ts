import { canonicalDecimal, toKopecks } from '../../core/money.js';
import { isUuid } from '../../core/ids.js';
import type { PayslipLineKind } from './payroll.entity.js';

/**
 * One line of a payslip (an accrual, a deduction or a payment) as the payslip holds it: the column
 * `payslip.lines` is a jsonb array of these in the payslip's order. A line is part of its payslip
 * (it is written, replaced and read only with it), so it is not a row of its own: a payroll system
 * sends hundreds of thousands of payslips at once, and 1.7 million lines each with its own row,
 * index entries and foreign-key check cost more than the payslips themselves.
 *
 * Every key is present (null when empty) and money is a canonical decimal string ("38500.00"),
 * so two versions of a payslip are equal exactly when their lines are (the import compares them).
 */
export interface PayslipLineData {
  kind: PayslipLineKind;
  /** Код вида расчёта in the payroll system. */
  payCode: string;
  /** Код дохода for НДФЛ (2000 wages, 2002 bonuses, 2012 holiday pay, 2300 sick pay …). */
  incomeCode: string | null;
  name: string;
  /** The month the line concerns (LocalDate): earlier than the payslip's for a recalculation. */
  relatesTo: string | null;
  days: number | null;
  /** Hours as a decimal string with two places ("7.50"). */
  hours: string | null;
  /** Money as a canonical decimal string ("38500.00"). */
  amount: string;
  /** For payments: the day the money went out (LocalDate). */
  paidOn: string | null;
}

/** What a line is made from: an accountant's input or an imported record (optional parts may be absent). */
export interface PayslipLineSource {
  /** A PayslipLineKind once checked; an imported record may hold anything before. */
  kind: string;
  payCode: string;
  incomeCode?: string | null;
  name: string;
  relatesTo?: string | null;
  days?: number | null;
  hours?: string | null;
  amount: string;
  paidOn?: string | null;
}

/** The line as it is stored: every key, in this order, money and hours canonical. */
export function payslipLineData(line: PayslipLineSource): PayslipLineData {
  return {
    kind: line.kind as PayslipLineKind,
    payCode: line.payCode,
    incomeCode: line.incomeCode ?? null,
    name: line.name,
    relatesTo: line.relatesTo ?? null,
    days: line.days ?? null,
    hours: line.hours === null || line.hours === undefined ? null : canonicalDecimal(line.hours),
    amount: canonicalDecimal(line.amount),
    paidOn: line.paidOn ?? null,
  };
}

/** The API id of a line: its payslip's id and its place, from 1 ("<uuid>.3"). */
export const payslipLineId = (payslipId: string, index: number): string =>
  `${payslipId}.${index + 1}`;

/** The payslip and the place (from 0) a line id names; null for anything else. */
export function parsePayslipLineId(id: string): { payslipId: string; index: number } | null {
  const match = /^([0-9a-f-]{36})\.([1-9]\d{0,3})$/i.exec(id);
  if (!match || !isUuid(match[1])) return null;
  return { payslipId: match[1].toLowerCase(), index: Number(match[2]) - 1 };
}

/** Kopecks of the lines of each kind: the payslip's totals, exact (a kind unknown here adds nothing). */
export function kopecksByKind(
  lines: readonly Pick<PayslipLineData, 'kind' | 'amount'>[],
): Record<PayslipLineKind, bigint> {
  const totals: Record<PayslipLineKind, bigint> = { ACCRUAL: 0n, DEDUCTION: 0n, PAYMENT: 0n };
  for (const line of lines) if (line.kind in totals) totals[line.kind] += toKopecks(line.amount);
  return totals;
}
