import { finished } from 'node:stream/promises';
import type { EntityManager } from '@mikro-orm/postgresql';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { StagedRow } from './import-records.js';
import {
  identityDocumentColumns,
  payslipLineColumns,
  stagingOf,
  typeSpecs,
  type SqlType,
  type TypeSpec,
} from './import-types.js';

/** Rows sent to PostgreSQL in one statement. */
const FLUSH_ROWS = 5000;

export const LINES_TABLE = 'imp_payslip_line';
export const DOCUMENTS_TABLE = 'imp_identity_document';
export const INVALID_TABLE = 'imp_invalid';

interface Table {
  name: string;
  columns: { column: string; sql: SqlType | 'uuid' | 'jsonb' }[];
}

/** The staging table of a type: the record's columns, its references, and the resolution state. */
function tableOf(spec: TypeSpec): Table {
  return {
    name: stagingOf(spec),
    columns: [
      { column: 'line', sql: 'integer' },
      { column: 'op', sql: 'text' },
      { column: 'external_id', sql: 'text' },
      { column: 'id', sql: 'uuid' },
      ...spec.fields.map(({ column, sql }) => ({ column, sql })),
      ...spec.refs.flatMap((ref) => [
        { column: `${ref.column}_ext`, sql: 'text' as const },
        { column: ref.column, sql: 'uuid' as const },
      ]),
      ...(spec.derived ?? []).map(({ column, sql }) => ({ column, sql })),
    ],
  };
}

const tables = new Map<string, Table>([
  ...typeSpecs.map((spec) => [stagingOf(spec), tableOf(spec)] as const),
  [
    LINES_TABLE,
    {
      name: LINES_TABLE,
      columns: [
        { column: 'payslip_line', sql: 'integer' },
        { column: 'id', sql: 'uuid' },
        { column: 'sort_order', sql: 'integer' },
        ...payslipLineColumns,
      ],
    },
  ],
  [
    DOCUMENTS_TABLE,
    {
      name: DOCUMENTS_TABLE,
      columns: [{ column: 'employee_line', sql: 'integer' }, ...identityDocumentColumns],
    },
  ],
  [
    INVALID_TABLE,
    {
      name: INVALID_TABLE,
      columns: [
        { column: 'type', sql: 'text' },
        { column: 'external_id', sql: 'text' },
      ],
    },
  ],
]);

/** Bookkeeping every type's staging table carries besides the record. */
const resolutionColumns = `existed boolean not null default false,
  was_deleted boolean not null default false,
  adopted boolean not null default false,
  lines_changed boolean not null default false,
  change text,
  sections text[],
  old jsonb,
  old_employee_id uuid`;

/**
 * Temporary tables (dropped at commit or rollback) that hold a batch while it is checked and
 * applied: records arrive in chunks of FLUSH_ROWS, each sent while the next chunk is parsed, so
 * reading and writing overlap on two cores. On PostgreSQL a chunk is a COPY (several times faster
 * than an insert); the embedded database, whose socket does not carry COPY, gets a multi-row
 * insert from JSON.
 */
export class Staging {
  private readonly buffers = new Map<string, StagedRow[]>();
  private readonly rowCounts = new Map<string, number>();
  private readonly created = new Set<string>();
  private pending: Promise<unknown> = Promise.resolve();
  private connection: pg.Client | null = null;
  /** COPY statements sent (the ORM's statement counter does not see them). */
  copies = 0;

  constructor(
    private readonly tx: EntityManager,
    private readonly copy: boolean,
  ) {}

  /** Creates the table of refused records' keys, which reference checks always consult. */
  async open(): Promise<void> {
    await this.tx.execute(createSql(tables.get(INVALID_TABLE)!));
    this.created.add(INVALID_TABLE);
  }

  /** Queues one row; a full buffer goes to the database without waiting for it. */
  async add(table: string, row: StagedRow): Promise<void> {
    let buffer = this.buffers.get(table);
    if (!buffer) {
      buffer = [];
      this.buffers.set(table, buffer);
    }
    buffer.push(row);
    this.rowCounts.set(table, (this.rowCounts.get(table) ?? 0) + 1);
    if (buffer.length >= FLUSH_ROWS) await this.flush(table);
  }

  /** Sends what is buffered, waits for every insert, and gives the planner the tables' statistics. */
  async finish(): Promise<void> {
    for (const table of this.buffers.keys()) await this.flush(table);
    await this.pending;
    for (const table of this.created) await this.tx.execute(`analyze ${table}`);
  }

  /** Rows staged in `table` (zero when it was never created). */
  count(table: string): number {
    return this.rowCounts.get(table) ?? 0;
  }

  has(table: string): boolean {
    return this.count(table) > 0;
  }

  private async flush(table: string): Promise<void> {
    const rows = this.buffers.get(table)?.splice(0) ?? [];
    if (rows.length === 0) return;
    // One statement in flight at a time: the previous one must be done before the next is sent.
    await this.pending;
    if (!this.created.has(table)) {
      await this.tx.execute(createSql(tables.get(table)!));
      this.created.add(table);
    }
    const { name, columns } = tables.get(table)!;
    const list = columns.map((c) => c.column).join(', ');
    const next = this.copy
      ? this.copyRows(`copy ${name} (${list}) from stdin`, encode(rows, columns))
      : this.tx.execute(
          `insert into ${name} (${list}) select ${list} from json_populate_recordset(null::${name}, ?::json)`,
          [JSON.stringify(rows)],
        );
    // Handled here so a failure surfaces at the next await, not as an unhandled rejection.
    next.catch(() => undefined);
    this.pending = next;
  }

  /** COPY on the transaction's own connection, which the ORM's query builder does not expose. */
  private async copyRows(sql: string, text: string): Promise<void> {
    // knex hands a transaction's queries to the one connection it holds; ask it for that.
    const transaction = this.tx.getTransactionContext<{
      client: { acquireConnection(): Promise<pg.Client> };
    }>();
    if (!transaction) throw new Error('COPY into staging needs the batch transaction');
    this.connection ??= await transaction.client.acquireConnection();
    this.copies += 1;
    const stream = this.connection.query(copyFrom(sql));
    stream.end(text, 'utf8');
    await finished(stream);
  }
}

/** Rows in COPY's text format: tab-separated, \N for null, backslash escapes. */
export function encode(rows: StagedRow[], columns: { column: string }[]): string {
  const lines: string[] = [];
  for (const row of rows) {
    const fields: string[] = [];
    for (const { column } of columns) fields.push(field(row[column]));
    lines.push(fields.join('\t'));
  }
  return `${lines.join('\n')}\n`;
}

const special = /[\\\t\n\r]/;
const escapeText = (text: string) =>
  special.test(text)
    ? text.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r')
    : text;

function field(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value))
    return escapeText(
      `{${value.map((item) => `"${String(item).replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(',')}}`,
    );
  return escapeText(typeof value === 'string' ? value : JSON.stringify(value));
}

function createSql({ name, columns }: Table): string {
  const typed = columns.map(({ column, sql }) => `${column} ${sql}`).join(',\n  ');
  const extra = name === LINES_TABLE || name === DOCUMENTS_TABLE || name === INVALID_TABLE;
  return `create temporary table ${name} (\n  ${typed}${extra ? '' : `,\n  ${resolutionColumns}`}\n) on commit drop`;
}
