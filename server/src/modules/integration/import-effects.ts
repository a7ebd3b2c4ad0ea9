import type { EntityManager } from '@mikro-orm/postgresql';
import { monthNames } from '../../core/ru-months.js';
import type { Unit } from '../../core/unit-of-work.js';
import { fileSectionWords, FileSections, type FileSection } from '../organization/index.js';
import { writeNotifications, type NewNotification } from '../notification/index.js';
import { uuidV7Sql } from './import-apply.js';
import type { BatchKey } from './import-resolve.js';
import { sectionImports } from './import-sections.js';
import { stagingOf, type TypeSpec } from './import-types.js';
import { ruDate } from '../../core/local-date.js';

/** Who the journal names as having made the change. */
export interface JournalActor {
  userId: string | null;
  login: string;
  ip: string | null;
  requestId: string | null;
}

/** More payslips than this for one person in one batch come as one notice, not one each. */
const SINGLE_PAYSLIP_NOTICES = 3;

/**
 * Files changed per employee and section: one access-journal entry each (a change of personal data,
 * ст. 19 152-ФЗ), written in the batch's transaction by one statement.
 */
export async function journalChanges(
  tx: EntityManager,
  specs: TypeSpec[],
  key: BatchKey,
  actor: JournalActor,
): Promise<void> {
  // Every (employee, section) a changed record touched, once: one statement over the staged types.
  const changed = `change in ('created', 'updated', 'deleted')`;
  const sources = specs.flatMap((spec) => {
    const staging = stagingOf(spec);
    if (spec.type === 'employee')
      return [`select id, unnest(sections) from ${staging} where ${changed}`];
    if (!spec.section) return [];
    // Deletions carry no employee: the row's owner was remembered when it was matched.
    return [
      `select employee_id, '${spec.section}' from ${staging} where ${changed}`,
      `select old_employee_id, '${spec.section}' from ${staging} where ${changed}`,
    ];
  });
  await tx.execute(
    `create temporary table imp_touched on commit drop as
     select distinct employee_id, section::text as section
       from (${sources.length > 0 ? sources.join(' union all ') : 'select null::uuid, null::text'}) x (employee_id, section)
      where employee_id is not null`,
  );
  await tx.execute(
    `insert into access_log (id, organization_id, actor_user_id, actor_login, subject_employee_id,
                             section, action, allowed, operation, ip, request_id)
     select ${uuidV7Sql}, ?, ?, ?, employee_id, section, 'CHANGE', true, 'importRecords', ?, ?
       from imp_touched`,
    [key.organizationId, actor.userId, actor.login.slice(0, 100), actor.ip, actor.requestId],
  );
}

interface Recipient {
  user_id: string;
  employee_id: string;
}

/**
 * The notifications a batch causes, written with it: a payslip that became visible to its
 * employee, a section's new due date (an attestation's), a new leave order, and "your file was updated" with the
 * sections, once per person. Records that did not change notify nobody.
 */
export async function notifyChanges(
  unit: Unit,
  specs: TypeSpec[],
  key: BatchKey,
  today: string,
): Promise<void> {
  const tx = unit.em;
  const has = (type: string) => specs.some((spec) => spec.type === type);
  const notices: NewNotification[] = [];
  const specific = new Map<string, Set<FileSection>>();
  const covered = (employeeId: string, section: FileSection) =>
    specific.set(employeeId, (specific.get(employeeId) ?? new Set()).add(section));
  const of = (row: Recipient) => ({
    recipientUserId: row.user_id,
    organizationId: key.organizationId,
  });

  const published =
    has('payslip') || has('payrollPeriod') ? await newlyVisible(tx, specs, key) : [];
  for (const rows of groupBy(published, (row) => row.user_id).values()) {
    const first = rows[0]!;
    if (rows.length <= SINGLE_PAYSLIP_NOTICES) {
      for (const row of rows)
        notices.push({
          ...of(row),
          type: 'PAYSLIP_PUBLISHED',
          title: `Расчётный листок за ${monthNames[row.month - 1]} ${row.year} г. готов`,
          link: `/payslips/${row.payslip_id}`,
        });
    } else {
      notices.push({
        ...of(first),
        type: 'PAYSLIP_PUBLISHED',
        title: `Готовы расчётные листки: ${rows.length}`,
        body: `С ${monthNames[rows[0]!.month - 1]} ${rows[0]!.year} г. по ${monthNames[rows.at(-1)!.month - 1]} ${rows.at(-1)!.year} г.`,
        link: '/payslips',
      });
    }
  }
  for (const contribution of sectionImports) {
    if (!contribution.notices || !has(contribution.type)) continue;
    const query = { tx, today, recipients: recipientsJoin };
    for (const { employee_id, user_id, ...notice } of await contribution.notices(query)) {
      covered(employee_id, contribution.spec.section!);
      notices.push({ ...of({ user_id, employee_id }), ...notice });
    }
  }
  if (has('leave')) {
    for (const row of await leaveOrders(tx, today)) {
      covered(row.employee_id, 'LEAVE');
      notices.push({
        ...of(row),
        type: 'LEAVE_ORDER',
        title: `Приказ об отпуске № ${row.order_number}${row.order_date ? ` от ${ruDate(row.order_date)}` : ''}`,
        body: `Отпуск с ${ruDate(row.start_date)} по ${ruDate(row.end_date)}`,
        link: '/file/leave',
      });
    }
  }
  for (const row of await updatedFiles(tx, has('payslip'), published)) {
    const sections = (row.sections as FileSection[])
      .filter((section) => !specific.get(row.employee_id)?.has(section))
      .sort((a, b) => FileSections.indexOf(a) - FileSections.indexOf(b));
    if (sections.length === 0) continue;
    notices.push({
      ...of(row),
      type: 'FILE_UPDATED',
      title: `Личное дело обновлено: ${sections.map((s) => fileSectionWords[s]).join(', ')}`,
      body: 'Кадровая служба внесла изменения в учётной системе.',
      link: sections[0] === 'PAYROLL' ? '/payslips' : `/file/${sections[0]!.toLowerCase()}`,
    });
  }
  await writeNotifications(unit, notices);
}

/** Active accounts of live employees: who hears about a file. */
const recipientsJoin = (employeeColumn: string) =>
  `join app_user u on u.employee_id = ${employeeColumn} and u.status = 'ACTIVE'
   join employee e on e.id = ${employeeColumn} and e.deleted_at is null`;

interface Visible extends Recipient {
  payslip_id: string;
  year: number;
  month: number;
}

/** Payslips visible to their employee now that were not before the batch. */
function newlyVisible(tx: EntityManager, specs: TypeSpec[], key: BatchKey): Promise<Visible[]> {
  const has = (type: string) => specs.some((spec) => spec.type === type);
  const conditions = [
    has('payslip')
      ? `s.id in (select id from imp_payslip where change = 'created' or (change = 'updated'
           and (was_deleted or (old ->> 'period_id')::uuid is distinct from period_id)))`
      : null,
    has('payrollPeriod')
      ? `p.id in (select id from imp_payroll_period where change in ('created', 'updated')
           and not (existed and not was_deleted
                    and (old ->> 'published_at' is not null or old ->> 'advance_published_at' is not null)))`
      : null,
  ].filter(Boolean);
  return tx.execute<Visible[]>(
    `select u.id as user_id, s.employee_id, s.id as payslip_id, p.year, p.month
       from payslip s join payroll_period p on p.id = s.period_id
       ${recipientsJoin('s.employee_id')}
      where s.organization_id = ? and s.deleted_at is null and p.deleted_at is null
        and (p.published_at is not null or p.advance_published_at is not null)
        and (${conditions.join(' or ')})
      order by u.id, p.start_date, s.id`,
    [key.organizationId],
  );
}

function leaveOrders(tx: EntityManager, today: string) {
  return tx.execute<
    (Recipient & {
      order_number: string;
      order_date: string | null;
      start_date: string;
      end_date: string;
    })[]
  >(
    `select u.id as user_id, s.employee_id, s.order_number, s.order_date::text as order_date,
            s.start_date::text as start_date, s.end_date::text as end_date
       from imp_leave_record s ${recipientsJoin('s.employee_id')}
      where s.change in ('created', 'updated') and s.order_number is not null and s.end_date >= ?::date
        and (s.change = 'created'
             or (s.old ->> 'order_number', s.old ->> 'order_date', s.old ->> 'start_date', s.old ->> 'end_date')
                is distinct from (s.order_number, s.order_date::text, s.start_date::text, s.end_date::text))
      order by 1, s.start_date`,
    [today],
  );
}

/** Sections changed per person; PAYROLL only for a visible payslip corrected in place. */
async function updatedFiles(tx: EntityManager, payslips: boolean, published: Visible[]) {
  const announced = `{${published.map((row) => row.payslip_id).join(',')}}`;
  const corrected = payslips
    ? `union select s.employee_id, 'PAYROLL' from imp_payslip s
         join payroll_period p on p.id = s.period_id and p.deleted_at is null
        where s.change = 'updated' and not s.was_deleted
          and (p.published_at is not null or p.advance_published_at is not null)
          and not (s.id = any(?::uuid[]))`
    : '';
  return tx.execute<(Recipient & { sections: string[] })[]>(
    `select u.id as user_id, x.employee_id, array_agg(distinct x.section) as sections
       from (select employee_id, section from imp_touched where section <> 'PAYROLL' ${corrected}) x
       ${recipientsJoin('x.employee_id')}
      group by u.id, x.employee_id order by u.id`,
    payslips ? [announced] : [],
  );
}

function groupBy<T>(rows: T[], keyOf: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) groups.set(keyOf(row), [...(groups.get(keyOf(row)) ?? []), row]);
  return groups;
}
