import type { EntityManager } from '@mikro-orm/postgresql';
import type { ImportTypeCounts } from './import-run.entity.js';
import type { BatchKey } from './import-resolve.js';
import { DOCUMENTS_TABLE, type Staging } from './import-staging.js';
import {
  allSectionsSql as allSections,
  identityDocumentColumns,
  stagingOf,
  typeSpecs,
  type TypeSpec,
} from './import-types.js';

/** A time-ordered UUID (v7) made in SQL, like the ids the application makes (uuid v7). */
export const uuidV7Sql = `encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid()) placing
  substring(int8send(floor(extract(epoch from clock_timestamp()) * 1000)::bigint) from 3)
  from 1 for 6), 52, 1), 53, 1), 'hex')::uuid`;

const list = (columns: string[], alias: string) =>
  columns.map((column) => `${alias}.${column}`).join(', ');

/** The columns compared to decide whether a record changed, and the expressions on each side. */
function comparison(spec: TypeSpec): { stored: string; staged: string } {
  const columns = [...spec.fields.map((f) => f.column), ...spec.refs.map((r) => r.column)];
  const attached = spec.attached ? [spec.attached.column] : [];
  const stored = [
    list(columns, 't'),
    ...(spec.derived ?? []).map((d) => d.current),
    list(attached, 't'),
  ];
  const staged = [
    list(columns, 's'),
    ...(spec.derived ?? []).map((d) => `s.${d.column}`),
    list(attached, 'a'),
  ];
  return { stored: stored.filter(Boolean).join(', '), staged: staged.filter(Boolean).join(', ') };
}

/** The join of a type's attached staging table (alias `a`), or nothing. */
const attachedJoin = (spec: TypeSpec): string =>
  spec.attached ? `join ${spec.attached.table} a on a.${spec.attached.key} = s.line` : '';

/** Per-section change flags of the employee, whose row spans the basic and personal sections. */
function sectionsSql(spec: TypeSpec): string {
  const bySection = new Map<string, string[]>();
  for (const item of [...spec.fields, ...spec.refs]) {
    const section = item.section ?? spec.section;
    if (section) bySection.set(section, [...(bySection.get(section) ?? []), item.column]);
  }
  const flags = [...bySection].map(
    ([section, columns]) =>
      `case when (${list(columns, 't')}) is distinct from (${list(columns, 's')}) then '${section}' end`,
  );
  return `array_remove(array[${flags.join(', ')}]::text[], null)`;
}

/**
 * Applies a resolved batch in set-based statements: each type is compared with what the portal
 * holds (so an unchanged record is not written at all), then created, updated and deleted, in
 * dependency order; references within a type (the department tree, managers) are set last.
 */
export class Applier {
  constructor(
    private readonly tx: EntityManager,
    private readonly staging: Staging,
    private readonly key: BatchKey,
    private readonly specs: TypeSpec[],
  ) {}

  async run(): Promise<void> {
    for (const spec of this.specs) await this.classify(spec);
    if (this.has('employee')) await this.compareDocuments();
    for (const spec of this.specs) await this.upsert(spec);
    for (const spec of this.specs) await this.lateReferences(spec);
    if (this.has('employee')) await this.writeDocuments();
    for (const spec of [...this.specs].reverse()) await this.remove(spec);
  }

  /**
   * Fresh statistics for the tables a large batch filled: rows written in this transaction are
   * invisible to autovacuum, and a planner that takes a full table for empty picks nested loops
   * (a check over a thousand people took minutes instead of a second without them).
   */
  async analyze(minimumRows: number, counts: ImportTypeCounts[]): Promise<void> {
    for (const spec of this.specs) {
      const rows = this.staging.count(stagingOf(spec));
      // A type the batch left as it was has nothing new for the planner (and nothing to check).
      const of = counts.find((c) => c.type === spec.type);
      if (of && of.created + of.updated + of.deleted === 0) continue;
      if (rows >= minimumRows) await this.tx.execute(`analyze ${spec.table}, ${stagingOf(spec)}`);
      // The staging table alone (cheap: it is temporary and small) from a tenth of that: its
      // `change` column was empty when it was first analyzed, and a planner that takes every
      // record for unchanged joined 4,000 posts by nested loops in 2.6 s instead of 20 ms.
      else if (rows >= minimumRows / 10) await this.tx.execute(`analyze ${stagingOf(spec)}`);
    }
  }

  /** Created, updated, deleted and unchanged records per type. */
  async counts(): Promise<ImportTypeCounts[]> {
    const counts: ImportTypeCounts[] = [];
    for (const spec of this.specs) {
      const rows = await this.tx.execute<{ change: string; count: number }[]>(
        `select change, count(*)::int as count from ${stagingOf(spec)} group by change`,
      );
      const of = (change: string) => rows.find((row) => row.change === change)?.count ?? 0;
      counts.push({
        type: spec.type,
        created: of('created'),
        updated: of('updated'),
        deleted: of('deleted'),
        unchanged: of('unchanged'),
      });
    }
    return counts;
  }

  private has(type: string): boolean {
    return this.specs.some((spec) => spec.type === type);
  }

  private async classify(spec: TypeSpec): Promise<void> {
    const staging = stagingOf(spec);
    const { stored, staged } = comparison(spec);
    const sections = spec.type === 'employee' ? sectionsSql(spec) : 'null';
    // A staged row starts as created with every section of its type (the columns' defaults): only
    // the records the portal holds are compared here, so a first import rewrites no staging row.
    await this.tx.execute(
      `update ${staging} s
          set change = case when s.adopted or s.was_deleted or (${stored}) is distinct from (${staged})
                            then 'updated' else 'unchanged' end,
              sections = case when s.adopted or s.was_deleted then ${allSections(spec)} else ${sections} end
         from ${spec.table} t ${spec.attached ? `, ${spec.attached.table} a` : ''}
        where t.id = s.id and s.op = 'upsert' and s.existed
              ${spec.attached ? `and a.${spec.attached.key} = s.line` : ''}`,
    );
    await this.tx.execute(
      `update ${staging} set change = case when existed and not was_deleted then 'deleted' else 'unchanged' end,
              sections = ${allSections(spec)}
        where op = 'delete'`,
    );
  }

  /** A passport that differs from the one held makes its employee's PERSONAL section changed. */
  private async compareDocuments(): Promise<void> {
    const columns = identityDocumentColumns.map((c) => c.column);
    const documents = this.staging.has(DOCUMENTS_TABLE)
      ? `left join ${DOCUMENTS_TABLE} d on d.employee_line = s.line`
      : `left join (select null::integer as employee_line,
                  ${identityDocumentColumns.map((c) => `null::${c.sql} as ${c.column}`).join(', ')}) d on false`;
    await this.tx.execute(
      `create temporary table imp_document_change on commit drop as
       select s.id as employee_id, s.line, d.employee_line is not null as present
         from imp_employee s ${documents}
         left join identity_document c on c.employee_id = s.id
        where s.op = 'upsert' and (${list(columns, 'c')}) is distinct from (${list(columns, 'd')})`,
    );
    await this.tx.execute(
      `update imp_employee s
          set change = case when s.change = 'unchanged' then 'updated' else s.change end,
              sections = array(select distinct x from unnest(coalesce(s.sections, '{}') || '{PERSONAL}'::text[]) x)
         from imp_document_change c where c.employee_id = s.id`,
    );
  }

  private async upsert(spec: TypeSpec): Promise<void> {
    const staging = stagingOf(spec);
    const early = spec.refs.filter((ref) => !ref.late).map((ref) => ref.column);
    const columns = [...spec.fields.map((f) => f.column), ...early];
    const derived = spec.derived ?? [];
    const attached = spec.attached ? [spec.attached.column] : [];
    const organization = spec.scope === 'organization';
    await this.tx.execute(
      `insert into ${spec.table} (id, ${organization ? 'organization_id, ' : ''}external_source, external_id,
              ${[...columns, ...derived.map((d) => d.target), ...attached].join(', ')})
       select s.id, ${organization ? '?, ' : ''}?, s.external_id,
              ${[list(columns, 's'), ...derived.map((d) => d.write(null)), list(attached, 'a')].filter(Boolean).join(', ')}
         from ${staging} s ${attachedJoin(spec)} where s.change = 'created' and s.op = 'upsert'`,
      organization ? [this.key.organizationId, this.key.source] : [this.key.source],
    );
    const assignments = [
      ...columns.map((column) => `${column} = s.${column}`),
      ...derived.map((d) => `${d.target} = ${d.write('t')}`),
      ...attached.map((column) => `${column} = a.${column}`),
      ...(spec.deletion === 'soft' ? ['deleted_at = null'] : []),
    ];
    await this.tx.execute(
      `update ${spec.table} t set external_source = ?, external_id = s.external_id, updated_at = now(),
              ${assignments.join(', ')}
         from ${staging} s ${attachedJoin(spec)}
        where s.change = 'updated' and s.op = 'upsert' and t.id = s.id`,
      [this.key.source],
    );
  }

  private async lateReferences(spec: TypeSpec): Promise<void> {
    const late = spec.refs.filter((ref) => ref.late).map((ref) => ref.column);
    if (late.length === 0) return;
    await this.tx.execute(
      `update ${spec.table} t set ${late.map((c) => `${c} = s.${c}`).join(', ')}
         from ${stagingOf(spec)} s
        where s.change in ('created', 'updated') and s.op = 'upsert' and t.id = s.id
          and (${list(late, 't')}) is distinct from (${list(late, 's')})`,
    );
  }

  /** Replaces the passports that changed (one per employee; nothing refers to them). */
  private async writeDocuments(): Promise<void> {
    await this.tx.execute(
      `delete from identity_document c using imp_document_change d where c.employee_id = d.employee_id`,
    );
    if (!this.staging.has(DOCUMENTS_TABLE)) return;
    const columns = identityDocumentColumns.map((c) => c.column);
    await this.tx.execute(
      `insert into identity_document (id, employee_id, external_source, external_id, ${columns.join(', ')})
       select ${uuidV7Sql}, s.id, ?, s.external_id, ${list(columns, 'd')}
         from imp_document_change c
         join imp_employee s on s.id = c.employee_id
         join ${DOCUMENTS_TABLE} d on d.employee_line = s.line
        where c.present`,
      [this.key.source],
    );
  }

  private async remove(spec: TypeSpec): Promise<void> {
    const staging = stagingOf(spec);
    await this.tx.execute(
      spec.deletion === 'soft'
        ? `update ${spec.table} t set deleted_at = now(), updated_at = now()
             from ${staging} s where s.change = 'deleted' and t.id = s.id`
        : `delete from ${spec.table} t using ${staging} s where s.change = 'deleted' and t.id = s.id`,
    );
  }
}

export const specsIn = (staging: Staging): TypeSpec[] =>
  typeSpecs.filter((spec) => staging.has(stagingOf(spec)));
