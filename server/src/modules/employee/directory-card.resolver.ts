import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { runSql } from '../../core/orm/sql.js';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../../core/context.js';
import { Department, type DepartmentRow } from './department.entity.js';
import { DepartmentType } from './department.type.js';
import { fullNameOf } from './full-name.js';
import { type PositionRow, positionOf, PositionType } from '../position/index.js';
import { DirectoryCardType } from './directory-card.type.js';

/**
 * A colleague as the directory shows them: the card's columns read as plain values. A page of 50
 * files with their managers reads 50 cards, not 50 more tracked personal files.
 */
export interface DirectoryCard {
  id: string;
  lastName: string;
  firstName: string;
  middleName: string | null;
  email: string | null;
  workPhone: string | null;
  organizationId: string;
  positionId: string | null;
  departmentId: string | null;
}

interface CardRow {
  id: string;
  last_name: string;
  first_name: string;
  middle_name: string | null;
  email: string | null;
  work_phone: string | null;
  organization_id: string;
  position_id: string | null;
  department_id: string | null;
}

const CARD_COLUMNS = `c.id, c.last_name, c.first_name, c.middle_name, c.email, c.work_phone,
  c.organization_id, c.position_id, c.department_id`;

const cardOfRow = (row: CardRow): DirectoryCard => ({
  id: row.id,
  lastName: row.last_name,
  firstName: row.first_name,
  middleName: row.middle_name,
  email: row.email,
  workPhone: row.work_phone,
  organizationId: row.organization_id,
  positionId: row.position_id,
  departmentId: row.department_id,
});

/** The cards of the people still on file (a removed one has none), one statement per batch. */
const cardLoader = (em: EntityManager) =>
  new DataLoader<string, DirectoryCard | null>(async (ids) => {
    const rows = await runSql<CardRow>(
      em,
      `select ${CARD_COLUMNS} from employee c where c.id = any(?::uuid[]) and c.deleted_at is null`,
      [`{${ids.join(',')}}`],
    );
    const found = new Map(rows.map((row) => [row.id, cardOfRow(row)]));
    return ids.map((id) => found.get(id) ?? null);
  });

/**
 * Each employee's manager as a card, in one statement per batch: the explicit manager, else the
 * nearest head up the department chain who is not the employee (the rule `headAbove` walks in
 * memory for the writes; a test holds the two to the same answers).
 */
const managerCardLoader = (em: EntityManager) =>
  new DataLoader<string, DirectoryCard | null>(async (employeeIds) => {
    const rows = await runSql<CardRow & { employee_id: string }>(
      em,
      `with recursive up as (
         select e.id as employee_id, d.head_id, d.parent_id, 1 as depth
           from employee e join department d on d.id = e.department_id and d.deleted_at is null
          where e.id = any(?::uuid[]) and e.manager_id is null
         union all
         select up.employee_id, d.head_id, d.parent_id, up.depth + 1
           from up join department d on d.id = up.parent_id and d.deleted_at is null
          where (up.head_id is null or up.head_id = up.employee_id) and up.depth < 100
       ),
       managers as (
         select e.id as employee_id, e.manager_id
           from employee e where e.id = any(?::uuid[]) and e.manager_id is not null
         union all
         (select distinct on (employee_id) employee_id, head_id from up
           where head_id is not null and head_id <> employee_id order by employee_id, depth)
       )
       select m.employee_id, ${CARD_COLUMNS}
         from managers m join employee c on c.id = m.manager_id and c.deleted_at is null`,
      [`{${employeeIds.join(',')}}`, `{${employeeIds.join(',')}}`],
    );
    const found = new Map(rows.map((row) => [row.employee_id, cardOfRow(row)]));
    return employeeIds.map((id) => found.get(id) ?? null);
  });

/** The manager of a listed or opened file, as a directory card (none when nobody manages them). */
export function managerCardOf(
  ctx: Pick<AppContext, 'loaders'>,
  employee: { id: string },
): Promise<DirectoryCard | null> {
  return ctx.loaders.get(managerCardLoader).load(employee.id);
}

/** The person behind a manager or a department head, as a directory card (none once removed). */
export function cardOf(
  ctx: Pick<AppContext, 'loaders'>,
  ref: { id: string } | null,
): Promise<DirectoryCard | null> {
  return ref ? ctx.loaders.get(cardLoader).load(ref.id) : Promise.resolve(null);
}

/** The card's computed fields: the same batched loaders as a file's, and no access checks. */
@Resolver(() => DirectoryCardType)
export class DirectoryCardResolver {
  @FieldResolver(() => String, { description: 'Фамилия Имя Отчество.' })
  fullName(@Root() card: DirectoryCard): string {
    return fullNameOf(card);
  }

  @FieldResolver(() => PositionType, { nullable: true, description: 'Должность.' })
  position(@Root() card: DirectoryCard, @Ctx() ctx: AppContext): Promise<PositionRow | null> {
    return positionOf(ctx, card.organizationId, card.positionId ? { id: card.positionId } : null);
  }

  @FieldResolver(() => DepartmentType, { nullable: true })
  department(@Root() card: DirectoryCard, @Ctx() ctx: AppContext): Promise<DepartmentRow | null> {
    return card.departmentId
      ? ctx.loaders.row(Department, card.departmentId)
      : Promise.resolve(null);
  }
}
