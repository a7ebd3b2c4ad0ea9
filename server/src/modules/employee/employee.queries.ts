import type { EntityManager } from '@mikro-orm/postgresql';

/** The department and all its descendants, in one recursive query; empty when it is not in the organization. */
export async function departmentSubtreeIds(
  em: EntityManager,
  organizationId: string,
  departmentId: string,
): Promise<string[]> {
  const rows = await em.execute<{ id: string }[]>(
    `with recursive subtree as (
       select id from department where id = ? and organization_id = ? and deleted_at is null
       union all
       select d.id from department d join subtree s on d.parent_id = s.id where d.deleted_at is null
     )
     select id from subtree`,
    [departmentId, organizationId],
  );
  return rows.map((row) => row.id);
}
