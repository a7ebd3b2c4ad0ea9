import type { EntityManager } from '@mikro-orm/postgresql';
import { findOverlap, type LeaveKind, type LeaveSpan } from '../leave/index.js';
import { overlaps } from '../file-section/index.js';
import type { ImportProblem } from './import-run.entity.js';
import type { RecordType, TypeSpec } from './import-types.js';

interface Row {
  id: string;
  employee_id: string;
  kind: string;
  start_date: string;
  end_date: string | null;
  line: number | null;
  external_id: string | null;
}

/**
 * What can only be judged on the files as the batch leaves them, checked inside its transaction
 * before it commits: leaves and main posts that overlap (the rules HR's edits apply), a department
 * tree with a cycle, and deletions that would leave live records pointing at a deleted one.
 */
export async function checkAppliedBatch(
  tx: EntityManager,
  specs: TypeSpec[],
  /** The organization held no payslip before the batch: every payslip it has now is the batch's. */
  firstPayslips = false,
): Promise<ImportProblem[]> {
  const has = (type: RecordType) => specs.some((spec) => spec.type === type);
  const problems: ImportProblem[] = [];
  if (has('leave')) problems.push(...(await leaveOverlaps(tx)));
  if (has('assignment')) problems.push(...(await mainPostOverlaps(tx)));
  if (has('department')) problems.push(...(await departmentCycles(tx)));
  if (has('department')) problems.push(...(await blockedDeletions(tx, 'department')));
  if (has('position')) problems.push(...(await blockedDeletions(tx, 'position')));
  if (has('employee')) problems.push(...(await blockedDeletions(tx, 'employee')));
  if (has('payslip')) problems.push(...(await payslipTwins(tx, firstPayslips)));
  return problems.sort((a, b) => a.line - b.line);
}

/** Whether the organization holds no row of `table` at all (asked before a batch is applied). */
export async function holdsNone(
  tx: EntityManager,
  table: string,
  organizationId: string,
): Promise<boolean> {
  const [row] = await tx.execute<{ none: boolean }[]>(
    `select not exists (select 1 from ${table} where organization_id = ?) as none`,
    [organizationId],
  );
  return row?.none === true;
}

/** Employees the batch changed rows of in `staging`. */
const touched = (staging: string) =>
  `select employee_id from ${staging} where change in ('created', 'updated')`;

/** The rows of `table` of the employees `employees` (SQL) selects, with the batch's lines. */
function rowsOf(
  tx: EntityManager,
  table: string,
  staging: string,
  employees: string,
  condition = 'true',
): Promise<Row[]> {
  return tx.execute<Row[]>(
    `select r.id, r.employee_id, r.kind, r.start_date::text as start_date, r.end_date::text as end_date,
            s.line, s.external_id
       from ${table} r left join ${staging} s on s.id = r.id and s.change in ('created', 'updated')
      where ${condition} and r.employee_id in (${employees})
      order by r.employee_id, r.start_date, r.id`,
  );
}

/**
 * Employees the batch changed leaves of whose leaves overlap at all by their dates (a leave that
 * starts before an earlier-starting one ends): only their leaves are read to apply the rules, not
 * every leave of every employee the batch touched.
 */
const clashingLeaves = `select employee_id from (
    select employee_id, start_date,
           max(end_date) over (partition by employee_id order by start_date, end_date
                               rows between unbounded preceding and 1 preceding) as ends_before
      from leave_record where employee_id in (${touched('imp_leave_record')})) w
   where ends_before >= start_date`;

const byEmployee = (rows: Row[]): Map<string, Row[]> => {
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const group = groups.get(row.employee_id);
    if (group) group.push(row);
    else groups.set(row.employee_id, [row]);
  }
  return groups;
};

/** Leaves must not overlap, but for sick leave inside annual leave (as in saveLeave). */
async function leaveOverlaps(tx: EntityManager): Promise<ImportProblem[]> {
  const problems: ImportProblem[] = [];
  for (const rows of byEmployee(
    await rowsOf(tx, 'leave_record', 'imp_leave_record', clashingLeaves),
  ).values()) {
    const records = new Map<Row, LeaveSpan>(
      rows.map((row) => [
        row,
        { kind: row.kind as LeaveKind, start: row.start_date, end: row.end_date! },
      ]),
    );
    // Every pair that overlaps is looked at whatever the order, so no clash among all of them
    // (nearly every employee) means none for any one of them: the search per record is skipped.
    if (!findOverlap([...records.values()])) continue;
    for (const [row, record] of records) {
      if (row.line === null) continue;
      const others = [...records].filter(([other]) => other !== row).map(([, r]) => r);
      const clash = findOverlap([...others, record]);
      if (!clash || !clash.includes(record)) continue;
      const other = clash[0] === record ? clash[1] : clash[0];
      problems.push({
        line: row.line,
        type: 'leave',
        externalId: row.external_id,
        path: ['startDate'],
        message: `Overlaps the leave from ${other.start} to ${other.end}`,
      });
    }
  }
  return problems;
}

/** Main posts (hire, transfer) of one employee must not overlap (as in saveAssignment). */
async function mainPostOverlaps(tx: EntityManager): Promise<ImportProblem[]> {
  const rows = await rowsOf(
    tx,
    'assignment',
    'imp_assignment',
    touched('imp_assignment'),
    `r.kind in ('HIRE', 'TRANSFER')`,
  );
  const problems: ImportProblem[] = [];
  for (const posts of byEmployee(rows).values()) {
    for (const post of posts) {
      if (post.line === null) continue;
      const clash = posts.find(
        (other) =>
          other !== post &&
          overlaps(
            { start: post.start_date, end: post.end_date },
            { start: other.start_date, end: other.end_date },
          ),
      );
      if (!clash) continue;
      problems.push({
        line: post.line,
        type: 'assignment',
        externalId: post.external_id,
        path: ['startDate'],
        message: `Overlaps the ${clash.kind.toLowerCase()} from ${clash.start_date}`,
      });
    }
  }
  return problems;
}

/** A department may not end up below itself. */
async function departmentCycles(tx: EntityManager): Promise<ImportProblem[]> {
  const rows = await tx.execute<{ line: number; external_id: string }[]>(
    `with recursive walk(start_id, id, steps) as (
       select d.id, d.parent_id, 1 from department d
        where d.id in (select id from imp_department where change in ('created', 'updated'))
          and d.parent_id is not null
       union all
       select w.start_id, d.parent_id, w.steps + 1 from walk w join department d on d.id = w.id
        where d.parent_id is not null and w.id <> w.start_id and w.steps < 10000
     )
     select s.line, s.external_id from imp_department s
      where s.id in (select start_id from walk where id = start_id) order by s.line`,
  );
  return rows.map((row) => ({
    line: row.line,
    type: 'department',
    externalId: row.external_id,
    path: ['parentExternalId'],
    message: 'The department would end up inside itself',
  }));
}

/** What still points at each kind of deleted record, as live rows. */
const dependents = {
  department: [
    ['employee', 'department_id', 'employees work in it'],
    ['department', 'parent_id', 'departments are under it'],
  ],
  position: [['employee', 'position_id', 'employees hold it']],
  employee: [
    ['employee', 'manager_id', 'employees report to them'],
    ['department', 'head_id', 'departments are headed by them'],
  ],
} as const;

/** A deletion the source sent before moving what depends on it elsewhere. */
async function blockedDeletions(
  tx: EntityManager,
  type: keyof typeof dependents,
): Promise<ImportProblem[]> {
  const problems: ImportProblem[] = [];
  for (const [table, column, what] of dependents[type]) {
    const rows = await tx.execute<{ line: number; external_id: string; count: number }[]>(
      `select s.line, s.external_id, count(*)::int as count
         from imp_${type} s join ${table} x on x.${column} = s.id and x.deleted_at is null
        where s.change = 'deleted' group by s.line, s.external_id order by s.line`,
    );
    for (const row of rows) {
      problems.push({
        line: row.line,
        type,
        externalId: row.external_id,
        path: ['externalId'],
        message: `Cannot be deleted while ${row.count} ${what}; move them first`,
      });
    }
  }
  return problems;
}

/**
 * One payslip per employee, month and assignment: a second would be shown twice. Where the
 * organization held no payslip before, the live payslips are the batch's upserts, and only the
 * months the batch names twice are looked at (not every payslip against the table).
 */
async function payslipTwins(tx: EntityManager, first: boolean): Promise<ImportProblem[]> {
  const key = (a: string, b: string) =>
    `${a}.employee_id = ${b}.employee_id and ${a}.period_id = ${b}.period_id
     and ${a}.assignment_id is not distinct from ${b}.assignment_id`;
  const others = first
    ? `(select k.* from imp_payslip k
          join (select employee_id, period_id, assignment_id from imp_payslip where op = 'upsert'
                 group by 1, 2, 3 having count(*) > 1) twice on ${key('twice', 'k')}
         where k.op = 'upsert')`
    : `(select * from payslip where deleted_at is null)`;
  const rows = await tx.execute<{ line: number; external_id: string; other: string | null }[]>(
    `select s.line, s.external_id, o.external_id as other
       from imp_payslip s join ${others} o on ${key('o', 's')} and o.id <> s.id
      where s.change in ('created', 'updated') order by s.line`,
  );
  return rows.map((row) => ({
    line: row.line,
    type: 'payslip',
    externalId: row.external_id,
    path: ['periodExternalId'],
    message: `This employee already has a payslip for the month${row.other ? ` (externalId "${row.other}")` : ''}`,
  }));
}
