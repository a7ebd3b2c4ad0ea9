import type { EntityManager } from '@mikro-orm/postgresql';
import type { ImportTypeCounts } from './import-run.entity.js';
import type { BatchKey } from './import-resolve.js';
import { DOCUMENTS_TABLE, LINES_TABLE, type Staging } from './import-staging.js';
import {
  identityDocumentColumns,
  payslipLineColumns,
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
  const stored = [list(columns, 't'), ...(spec.derived ?? []).map((d) => d.current)];
  const staged = [list(columns, 's'), ...(spec.derived ?? []).map((d) => `s.${d.column}`)];
  return { stored: stored.filter(Boolean).join(', '), staged: staged.filter(Boolean).join(', ') };
}

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

const allSections = (spec: TypeSpec): string => {
  const sections = new Set(
    [...spec.fields, ...spec.refs].map((item) => item.section ?? spec.section).filter(Boolean),
  );
  return `array[${[...sections].map((s) => `'${s}'`).join(', ')}]::text[]`;
};

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
    if (this.has('payslip') && (await this.anyExisted('imp_payslip'))) await this.compareLines();
    for (const spec of this.specs) await this.upsert(spec);
    for (const spec of this.specs) await this.lateReferences(spec);
    if (this.has('employee')) await this.writeDocuments();
    if (this.has('payslip')) await this.writeLines();
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
    const payslips = counts.find((c) => c.type === 'payslip');
    if (
      this.staging.count(LINES_TABLE) >= minimumRows &&
      payslips &&
      payslips.created + payslips.updated + payslips.deleted > 0
    )
      await this.tx.execute('analyze payslip_line');
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

  /** Whether any staged record matched a row the portal holds (a first load matches none). */
  private async anyExisted(staging: string): Promise<boolean> {
    const [row] = await this.tx.execute<{ any: boolean }[]>(
      `select exists (select 1 from ${staging} where existed) as any`,
    );
    return row?.any ?? false;
  }

  private has(type: string): boolean {
    return this.specs.some((spec) => spec.type === type);
  }

  private async classify(spec: TypeSpec): Promise<void> {
    const staging = stagingOf(spec);
    const { stored, staged } = comparison(spec);
    const sections = spec.type === 'employee' ? sectionsSql(spec) : 'null';
    await this.tx.execute(
      `update ${staging} set change = 'created', sections = ${allSections(spec)}
        where op = 'upsert' and not existed`,
    );
    await this.tx.execute(
      `update ${staging} s
          set change = case when s.adopted or s.was_deleted or (${stored}) is distinct from (${staged})
                            then 'updated' else 'unchanged' end,
              sections = case when s.adopted or s.was_deleted then ${allSections(spec)} else ${sections} end
         from ${spec.table} t
        where t.id = s.id and s.op = 'upsert' and s.existed`,
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

  /** Payslips whose lines differ from those held, line by line (by position). */
  private async compareLines(): Promise<void> {
    const columns = payslipLineColumns.map((c) => c.column);
    const lines = this.staging.has(LINES_TABLE)
      ? `select p.id as payslip_id, l.* from ${LINES_TABLE} l join imp_payslip p on p.line = l.payslip_line
          where p.existed and p.op = 'upsert'`
      : `select null::uuid as payslip_id, null::integer as payslip_line, null::integer as sort_order,
                ${payslipLineColumns.map((c) => `null::${c.sql} as ${c.column}`).join(', ')} where false`;
    await this.tx.execute(
      `update imp_payslip s set lines_changed = true,
              change = case when s.change = 'unchanged' then 'updated' else s.change end
         from (select distinct coalesce(a.payslip_id, b.payslip_id) as id
                 from (${lines}) a
                 full join (select c.* from payslip_line c
                             where c.payslip_id in (select id from imp_payslip where existed and op = 'upsert')) b
                   on a.payslip_id = b.payslip_id and a.sort_order = b.sort_order
                where a.payslip_id is null or b.payslip_id is null
                   or (${list(columns, 'a')}) is distinct from (${list(columns, 'b')})) d
        where s.id = d.id`,
    );
  }

  private async upsert(spec: TypeSpec): Promise<void> {
    const staging = stagingOf(spec);
    const early = spec.refs.filter((ref) => !ref.late).map((ref) => ref.column);
    const columns = [...spec.fields.map((f) => f.column), ...early];
    const derived = spec.derived ?? [];
    const organization = spec.scope === 'organization';
    await this.tx.execute(
      `insert into ${spec.table} (id, ${organization ? 'organization_id, ' : ''}external_source, external_id,
              ${[...columns, ...derived.map((d) => d.target)].join(', ')})
       select s.id, ${organization ? '?, ' : ''}?, s.external_id,
              ${[list(columns, 's'), ...derived.map((d) => d.write(null))].filter(Boolean).join(', ')}
         from ${staging} s where s.change = 'created' and s.op = 'upsert'`,
      organization ? [this.key.organizationId, this.key.source] : [this.key.source],
    );
    const assignments = [
      ...columns.map((column) => `${column} = s.${column}`),
      ...derived.map((d) => `${d.target} = ${d.write('t')}`),
      ...(spec.deletion === 'soft' ? ['deleted_at = null'] : []),
    ];
    await this.tx.execute(
      `update ${spec.table} t set external_source = ?, external_id = s.external_id, updated_at = now(),
              ${assignments.join(', ')}
         from ${staging} s where s.change = 'updated' and s.op = 'upsert' and t.id = s.id`,
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

  /**
   * Lines of new payslips are inserted; those of changed payslips are corrected in place by
   * position, so a question an employee asked about a line stays with it.
   */
  private async writeLines(): Promise<void> {
    const columns = payslipLineColumns.map((c) => c.column);
    await this.tx.execute(
      `update payslip_line c set ${columns.map((col) => `${col} = l.${col}`).join(', ')}
         from ${LINES_TABLE} l join imp_payslip p on p.line = l.payslip_line
        where p.lines_changed and c.payslip_id = p.id and c.sort_order = l.sort_order
          and (${list(columns, 'c')}) is distinct from (${list(columns, 'l')})`,
    );
    await this.tx.execute(
      `delete from payslip_line c using imp_payslip p
        where p.lines_changed and c.payslip_id = p.id
          and not exists (select 1 from ${LINES_TABLE} l
                           where l.payslip_line = p.line and l.sort_order = c.sort_order)`,
    );
    await this.tx.execute(
      `insert into payslip_line (id, payslip_id, sort_order, ${columns.join(', ')})
       select l.id, p.id, l.sort_order, ${list(columns, 'l')}
         from ${LINES_TABLE} l join imp_payslip p on p.line = l.payslip_line
        where p.change = 'created'
           or (p.lines_changed and not exists (select 1 from payslip_line c
                                                where c.payslip_id = p.id and c.sort_order = l.sort_order))`,
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
