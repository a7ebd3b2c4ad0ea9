import type { EntityClass } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';

/** An SQL identifier, quoted. */
export const quote = (identifier: string): string => `"${identifier.replaceAll('"', '""')}"`;

/**
 * SQL for the row of `entity` aliased `alias` as one jsonb value that `em.map` hydrates as `find`
 * would: a read can bring a whole row along with something else. Decimals travel as text, so money
 * stays exact.
 */
export function rowAsJson(em: EntityManager, entity: EntityClass<object>, alias: string): string {
  const meta = em.getMetadata().get(entity.name);
  const exact = meta.props
    .filter((prop) => ['decimal', 'bigint'].includes(prop.type) && prop.fieldNames.length === 1)
    .map((prop) => `'${prop.fieldNames[0]!}', ${alias}.${quote(prop.fieldNames[0]!)}::text`);
  const row = `to_jsonb(${alias})`;
  return exact.length > 0 ? `(${row} || jsonb_build_object(${exact.join(', ')}))` : row;
}
