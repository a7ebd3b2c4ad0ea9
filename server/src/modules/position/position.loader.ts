import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { AppContext } from '../../core/context.js';
import { findRows, isWholeRow } from '../../core/orm/rows.js';
import { Position, type PositionRow } from './position.entity.js';

/** Every position of an organization at once: a staff schedule is small, and one query serves all. */
export const organizationPositionsLoader = (em: EntityManager) =>
  new DataLoader<string, ReadonlyMap<string, PositionRow>>(async (organizationIds) => {
    const rows = await findRows(em, Position, { organization: { $in: [...organizationIds] } });
    return organizationIds.map(
      (id) => new Map(rows.filter((row) => row.organization.id === id).map((row) => [row.id, row])),
    );
  });

/** The position behind a reference, resolved from its organization's staff schedule. */
export async function positionOf(
  ctx: Pick<AppContext, 'loaders'>,
  organizationId: string,
  ref: { id: string } | null,
): Promise<PositionRow | null> {
  if (!ref) return null;
  if (isWholeRow<Position>(ref)) return ref;
  return (
    (await ctx.loaders.get(organizationPositionsLoader).load(organizationId)).get(ref.id) ?? null
  );
}
