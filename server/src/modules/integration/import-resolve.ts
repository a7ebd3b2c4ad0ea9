import type { EntityManager } from '@mikro-orm/postgresql';
import type { ImportProblem } from './import-run.entity.js';
import { INVALID_TABLE, type Staging } from './import-staging.js';
import { specOf, stagingOf, typeSpecs, type RefSpec, type TypeSpec } from './import-types.js';

/** Where the batch goes: rows are keyed by organization and source system. */
export interface BatchKey {
  organizationId: string;
  source: string;
}

/** Field names of the natural keys, for problems that point at them. */
const naturalKeyFields: Record<string, string> = {
  personnel_number: 'personnelNumber',
  year: 'year',
  month: 'month',
};

/** The rows of `spec`'s table that belong to the organization, as a FROM item aliased `t`. */
export function scopedTable(spec: TypeSpec): { from: string; where: string } {
  return spec.scope === 'organization'
    ? { from: `${spec.table} t`, where: 't.organization_id = ?' }
    : {
        from: `${spec.table} t join employee scope_e on scope_e.id = t.employee_id`,
        where: 'scope_e.organization_id = ?',
      };
}

/** `jsonb_build_object` of the columns notifications compare with what the batch brings. */
const rememberSql = (spec: TypeSpec): string =>
  spec.remember
    ? `jsonb_build_object(${spec.remember.map((c) => `'${c}', t.${c}`).join(', ')})`
    : 'null';

/**
 * Resolves a staged batch against itself and the portal, in set-based statements per type: which
 * records exist (by externalId, or adopted by a natural key), what each reference points at, and
 * every problem that makes the batch unacceptable (duplicates, unknown references, taken keys).
 */
export class Resolver {
  readonly problems: ImportProblem[] = [];

  constructor(
    private readonly tx: EntityManager,
    private readonly staging: Staging,
    private readonly key: BatchKey,
  ) {}

  async run(): Promise<void> {
    for (const spec of this.staged()) {
      await this.match(spec);
      await this.duplicates(spec);
    }
    for (const spec of this.staged()) {
      if (spec.adoptBy) await this.naturalKeys(spec);
      await this.inBatch(spec);
      const open = await this.open(spec);
      for (const ref of spec.refs) if (open.has(ref.column)) await this.inPortal(spec, ref);
    }
  }

  /** The types this batch has records of, in application order. */
  staged(): TypeSpec[] {
    return typeSpecs.filter((spec) => this.staging.has(stagingOf(spec)));
  }

  private async match(spec: TypeSpec): Promise<void> {
    const staging = stagingOf(spec);
    const { from, where } = scopedTable(spec);
    const soft = spec.deletion === 'soft' ? 't.deleted_at is not null' : 'false';
    const owner = spec.scope === 'employee' || spec.refs.some((r) => r.column === 'employee_id');
    await this.tx.execute(
      `update ${staging} s set id = t.id, existed = true, was_deleted = ${soft},
              old_employee_id = ${owner ? 't.employee_id' : 'null'}, old = ${rememberSql(spec)}
         from ${from}
        where ${where} and t.external_source = ? and t.external_id = s.external_id`,
      [this.key.organizationId, this.key.source],
    );
    if (!spec.adoptBy) return;
    // A row the portal holds without an externalId, with the same natural key, becomes this record.
    const keys = spec.adoptBy;
    await this.tx.execute(
      `update ${staging} s set id = t.id, existed = true, adopted = true, was_deleted = ${soft},
              old = ${rememberSql(spec)}
         from ${spec.table} t
        where t.organization_id = ? and t.external_id is null and s.op = 'upsert' and not s.existed
          and (${keys.map((k) => `t.${k}`).join(', ')}) = (${keys.map((k) => `s.${k}`).join(', ')})
          and not exists (select 1 from ${staging} d where d.op = 'upsert' and d.line <> s.line
                            and (${keys.map((k) => `d.${k}`).join(', ')}) = (${keys.map((k) => `s.${k}`).join(', ')}))`,
      [this.key.organizationId],
    );
  }

  /** The same externalId twice in one batch: which one is meant is anyone's guess. */
  private async duplicates(spec: TypeSpec): Promise<void> {
    const rows = await this.tx.execute<{ line: number; external_id: string; first: number }[]>(
      `select line, external_id, first from (
         select line, external_id, min(line) over (partition by external_id) as first
           from ${stagingOf(spec)}) d
        where line <> first order by line`,
    );
    for (const row of rows) {
      this.problem(
        spec,
        row.line,
        row.external_id,
        ['externalId'],
        `Already on line ${row.first} of this batch`,
      );
    }
  }

  /** A natural key (personnel number, payroll month) taken twice in the batch or by another row. */
  private async naturalKeys(spec: TypeSpec): Promise<void> {
    const staging = stagingOf(spec);
    const keys = spec.adoptBy!;
    const tuple = (alias: string) => `(${keys.map((k) => `${alias}.${k}`).join(', ')})`;
    const field = naturalKeyFields[keys.at(-1)!]!;
    const twice = await this.tx.execute<{ line: number; external_id: string; first: number }[]>(
      `select line, external_id, first from (
         select line, external_id, min(line) over (partition by ${keys.join(', ')}) as first
           from ${staging} where op = 'upsert') d
        where line <> first order by line`,
    );
    for (const row of twice)
      this.problem(spec, row.line, row.external_id, [field], `The same as on line ${row.first}`);
    // Taken by a row that keeps its key after the batch (it is not in the batch with another one).
    const taken = await this.tx.execute<
      { line: number; external_id: string; other: string | null; deleted: boolean }[]
    >(
      `select s.line, s.external_id, t.external_id as other, ${spec.deletion === 'soft' ? 't.deleted_at is not null' : 'false'} as deleted
         from ${staging} s join ${spec.table} t on t.organization_id = ? and ${tuple('t')} = ${tuple('s')} and t.id <> s.id
        where s.op = 'upsert'
          and not exists (select 1 from ${staging} b where b.id = t.id and b.op = 'upsert'
                            and ${tuple('b')} is distinct from ${tuple('t')})
        order by s.line`,
      [this.key.organizationId],
    );
    for (const row of taken) {
      const holder = row.other
        ? `the ${spec.type} with externalId "${row.other}"`
        : `a ${spec.type} the portal holds`;
      this.problem(
        spec,
        row.line,
        row.external_id,
        [field],
        `Already used by ${holder}${row.deleted ? ' (deleted)' : ''}`,
      );
    }
  }

  /**
   * Points every reference of a type at the batch's record it names, in one pass over the staged
   * rows (each reference on its own would rewrite every row once per reference).
   */
  private async inBatch(spec: TypeSpec): Promise<void> {
    const refs = spec.refs.filter((ref) => this.staging.has(stagingOf(specOf.get(ref.target)!)));
    if (refs.length === 0) return;
    const staging = stagingOf(spec);
    const joins = refs.map(
      (ref, i) =>
        `left join ${stagingOf(specOf.get(ref.target)!)} b${i}
           on b${i}.op = 'upsert' and b${i}.external_id = s.${ref.column}_ext`,
    );
    await this.tx.execute(
      `update ${staging} s set ${refs.map((ref, i) => `${ref.column} = x.r${i}`).join(', ')}
         from (select s.line, ${refs.map((_, i) => `b${i}.id as r${i}`).join(', ')}
                 from ${staging} s ${joins.join(' ')}
                where s.op = 'upsert' and (${refs.map((ref) => `s.${ref.column}_ext is not null`).join(' or ')})) x
        where s.line = x.line`,
    );
  }

  /** The references of a type some staged row names but the batch did not resolve. */
  private async open(spec: TypeSpec): Promise<Set<string>> {
    if (spec.refs.length === 0) return new Set();
    const [row] = await this.tx.execute<Record<string, boolean | null>[]>(
      `select ${spec.refs
        .map(
          (ref, i) => `bool_or(${ref.column} is null and ${ref.column}_ext is not null) as o${i}`,
        )
        .join(', ')}
         from ${stagingOf(spec)} where op = 'upsert'`,
    );
    return new Set(spec.refs.filter((_, i) => row?.[`o${i}`] === true).map((ref) => ref.column));
  }

  /** Points a reference at the portal's live record; reports what is neither in the batch nor there. */
  private async inPortal(spec: TypeSpec, ref: RefSpec): Promise<void> {
    const staging = stagingOf(spec);
    const target = specOf.get(ref.target)!;
    const targetStaging = stagingOf(target);
    const inBatch = this.staging.has(targetStaging);
    const live = target.deletion === 'soft' ? 'and t.deleted_at is null' : '';
    const notDeleted = inBatch
      ? `and not exists (select 1 from ${targetStaging} d where d.op = 'delete' and d.external_id = t.external_id)`
      : '';
    await this.tx.execute(
      `update ${staging} s set ${ref.column} = t.id from ${target.table} t
        where s.op = 'upsert' and s.${ref.column} is null and s.${ref.column}_ext is not null
          and t.organization_id = ? and t.external_source = ? and t.external_id = s.${ref.column}_ext
          ${live} ${notDeleted}`,
      [this.key.organizationId, this.key.source],
    );
    const unknown = await this.tx.execute<{ line: number; external_id: string; ref: string }[]>(
      `select s.line, s.external_id, s.${ref.column}_ext as ref from ${staging} s
        where s.op = 'upsert' and s.${ref.column}_ext is not null and s.${ref.column} is null
          and not exists (select 1 from ${INVALID_TABLE} i
                           where i.type = ? and i.external_id = s.${ref.column}_ext)
        order by s.line`,
      [ref.target],
    );
    for (const row of unknown) {
      this.problem(
        spec,
        row.line,
        row.external_id,
        [ref.field],
        `Unknown ${ref.target} "${row.ref}": not in this batch, and not in the portal${live ? ' (or deleted)' : ''}`,
      );
    }
  }

  private problem(
    spec: TypeSpec,
    line: number,
    externalId: string,
    path: (string | number)[],
    message: string,
  ): void {
    this.problems.push({ line, type: spec.type, externalId, path, message });
  }
}
