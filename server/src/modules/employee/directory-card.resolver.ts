import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
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

/** The cards of the people still on file (a removed one has none), one statement per batch. */
const cardLoader = (em: EntityManager) =>
  new DataLoader<string, DirectoryCard | null>(async (ids) => {
    const rows = await em.getConnection().execute<CardRow[]>(
      `select id, last_name, first_name, middle_name, email, work_phone, organization_id,
              position_id, department_id
         from employee where id = any(?::uuid[]) and deleted_at is null`,
      [`{${ids.join(',')}}`],
    );
    const found = new Map(
      rows.map((row): [string, DirectoryCard] => [
        row.id,
        {
          id: row.id,
          lastName: row.last_name,
          firstName: row.first_name,
          middleName: row.middle_name,
          email: row.email,
          workPhone: row.work_phone,
          organizationId: row.organization_id,
          positionId: row.position_id,
          departmentId: row.department_id,
        },
      ]),
    );
    return ids.map((id) => found.get(id) ?? null);
  });

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
