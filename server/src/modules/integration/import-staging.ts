import { finished } from 'node:stream/promises';
import type { EntityManager } from '@mikro-orm/postgresql';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { StagedRow } from './import-records.js';
import {
  allSectionsSql,
  identityDocumentColumns,
  specOf,
  stagingOf,
  typeSpecs,
  type SqlType,
  type TypeSpec,
} from './import-types.js';

/** Rows sent to PostgreSQL in one statement. */
const FLUSH_ROWS = 5000;

/** A payslip's lines, one jsonb document per payslip record (by its line in the batch). */
export const LINES_TABLE = specOf.get('payslip')!.attached!.table;
export const DOCUMENTS_TABLE = 'imp_identity_document';
export const INVALID_TABLE = 'imp_invalid';

interface Column {
  column: string;
  sql: SqlType | 'uuid' | 'jsonb';
}

interface Table {
  name: string;
  columns: Column[];
  /** A type's staging table: the file sections a created record changes (SQL), else absent. */
  sections?: string;
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
    sections: allSectionsSql(spec),
  };
}

const tables = new Map<string, Table>([
  ...typeSpecs.map((spec) => [stagingOf(spec), tableOf(spec)] as const),
  [
    LINES_TABLE,
    {
      name: LINES_TABLE,
      columns: [
        { column: specOf.get('payslip')!.attached!.key, sql: 'integer' },
        { column: specOf.get('payslip')!.attached!.column, sql: 'jsonb' },
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

/**
 * Bookkeeping every type's staging table carries besides the record: a row is a created record
 * until resolution finds it in the portal (then classification decides), so the most common case,
 * a new record, is never rewritten.
 */
const resolutionColumns = (sections: string) => `existed boolean not null default false,
  was_deleted boolean not null default false,
  adopted boolean not null default false,
  change text not null default 'created',
  sections text[] default ${sections},
  old jsonb,
  old_employee_id uuid`;

/** COPY statements queued ahead of the database before reading waits for it to catch up. */
const MAX_QUEUED = 4;

/** Where a reader puts the rows of valid records. */
export interface StagingSink {
  add(table: string, row: StagedRow): void;
}

/** Rows already in COPY's text format (UTF-8, each line ending in LF), and how many there are. */
export interface EncodedRows {
  table: string;
  bytes: Uint8Array;
  rows: number;
}

/** Bytes a table's rows start with; the buffer doubles as rows come. */
const INITIAL_BYTES = 64 * 1024;

/**
 * COPY text of one table's rows, written as UTF-8 straight into a growing buffer a row at a time:
 * joining a block's rows into one string and encoding that (TextEncoder) took a third of a reading
 * worker's time, Buffer's own UTF-8 write a few percent.
 */
class CopyText {
  private buffer = Buffer.allocUnsafeSlow(INITIAL_BYTES);
  private length = 0;
  rows = 0;

  add(row: string): void {
    // A UTF-16 code unit is at most three bytes of UTF-8; one more for the newline.
    const most = row.length * 3 + 1;
    if (this.length + most > this.buffer.length) this.grow(this.length + most);
    this.length += this.buffer.write(row, this.length);
    this.buffer[this.length] = LF;
    this.length += 1;
    this.rows += 1;
  }

  /** The rows added since the last take, as bytes that own their memory (they can be transferred). */
  take(): Uint8Array {
    const bytes = new Uint8Array(this.buffer.buffer, this.buffer.byteOffset, this.length);
    this.buffer = Buffer.allocUnsafeSlow(Math.max(INITIAL_BYTES, this.buffer.length));
    this.length = 0;
    this.rows = 0;
    return bytes;
  }

  private grow(needed: number): void {
    const bigger = Buffer.allocUnsafeSlow(Math.max(needed, this.buffer.length * 2));
    this.buffer.copy(bigger, 0, 0, this.length);
    this.buffer = bigger;
  }
}

const LF = 10;

/**
 * Encodes rows for COPY apart from the database (in a reading worker, or for the batch's Staging),
 * to be handed to Staging with addEncoded: as bytes of their own, which move between threads
 * without a copy.
 */
export class EncodingSink implements StagingSink {
  private readonly texts = new Map<string, CopyText>();

  add(table: string, row: StagedRow): void {
    let text = this.texts.get(table);
    if (!text) this.texts.set(table, (text = new CopyText()));
    text.add(encodeRow(row, tables.get(table)!.columns));
  }

  /** What was encoded for `table` since it was last taken, or null. */
  takeTable(table: string): EncodedRows | null {
    const text = this.texts.get(table);
    if (!text || text.rows === 0) return null;
    const rows = text.rows;
    return { table, bytes: text.take(), rows };
  }

  /** What was encoded since the last call, per table. */
  take(): EncodedRows[] {
    return [...this.texts.keys()].flatMap((table) => this.takeTable(table) ?? []);
  }
}

/**
 * A table's rows waiting to be sent: COPY bytes of several (encoded here or by a worker), or row
 * objects (the embedded database).
 */
interface Pending {
  parts: (Uint8Array | StagedRow)[];
  rows: number;
}

/**
 * Temporary tables (dropped at commit or rollback) that hold a batch while it is checked and
 * applied: records arrive in chunks of FLUSH_ROWS, queued to the database while reading goes on
 * (up to MAX_QUEUED chunks ahead), so parsing and copying overlap on two cores. On PostgreSQL a
 * row is encoded for COPY as it is added, or arrives encoded by a reading worker (several times
 * faster than an insert, and no row object outlives its record); the embedded database, whose
 * socket does not carry COPY, gets a multi-row insert from JSON.
 */
export class Staging implements StagingSink {
  private readonly buffers = new Map<string, Pending>();
  private readonly rowCounts = new Map<string, number>();
  private readonly created = new Set<string>();
  /** The statement chain: each chunk is sent once the one before it is done. */
  private pending: Promise<void> = Promise.resolve();
  /** Chunks queued or in flight, oldest first; each settles (never rejects) when it is done. */
  private readonly queue: Promise<void>[] = [];
  private failure: Error | null = null;
  private connection: pg.Client | null = null;
  /** Rows added here (not by a worker), encoded for COPY until their table's next part is due. */
  private readonly encoder = new EncodingSink();
  /** COPY statements sent (the ORM's statement counter does not see them). */
  copies = 0;

  constructor(
    private readonly tx: EntityManager,
    /** Stage with COPY (PostgreSQL); rows arrive encoded from reading workers only then. */
    readonly copy: boolean,
  ) {}

  /** Creates the table of refused records' keys, which reference checks always consult. */
  async open(): Promise<void> {
    await this.tx.execute(createSql(tables.get(INVALID_TABLE)!));
    this.created.add(INVALID_TABLE);
  }

  /** Buffers one row; a full buffer is queued to the database without waiting for it. */
  add(table: string, row: StagedRow): void {
    if (!this.copy) this.buffer(table, row, 1);
    else {
      this.encoder.add(table, row);
      this.buffer(table, null, 1);
    }
  }

  /** Buffers rows a worker encoded (COPY only). */
  addEncoded({ table, bytes, rows }: EncodedRows): void {
    if (!this.copy) throw new Error('Encoded rows are staged with COPY only');
    if (rows > 0) this.buffer(table, bytes, rows);
  }

  /** Adds a part (null: rows the encoder holds) and queues the table's rows once enough wait. */
  private buffer(table: string, part: Uint8Array | StagedRow | null, rows: number): void {
    let buffer = this.buffers.get(table);
    if (!buffer) this.buffers.set(table, (buffer = { parts: [], rows: 0 }));
    if (part) {
      // Rows encoded here before a worker's bytes go first: the parts keep the order of the lines.
      if (part instanceof Uint8Array) this.takeEncoded(table, buffer);
      buffer.parts.push(part);
    }
    buffer.rows += rows;
    this.rowCounts.set(table, (this.rowCounts.get(table) ?? 0) + rows);
    if (buffer.rows >= FLUSH_ROWS) this.flush(table);
  }

  /**
   * Null while the database keeps up; otherwise a promise to wait for before reading on (so a
   * slow database bounds the memory a batch holds), which rejects if a chunk failed.
   */
  backlog(): Promise<void> | null {
    if (this.failure) return Promise.reject(this.failure);
    return this.queue.length >= MAX_QUEUED ? this.drain(MAX_QUEUED - 1) : null;
  }

  /** Sends what is buffered, waits for every chunk, and gives the planner the tables' statistics. */
  async finish(): Promise<void> {
    for (const table of this.buffers.keys()) this.flush(table);
    await this.pending;
    if (this.failure) throw this.failure;
    // A type's attached table is joined whenever the type is (a batch of payslip deletions).
    for (const spec of typeSpecs)
      if (
        spec.attached &&
        this.created.has(stagingOf(spec)) &&
        !this.created.has(spec.attached.table)
      ) {
        await this.tx.execute(createSql(tables.get(spec.attached.table)!));
        this.created.add(spec.attached.table);
      }
    for (const table of this.created) await this.tx.execute(`analyze ${table}`);
  }

  /** Rows staged in `table` (zero when it was never created). */
  count(table: string): number {
    return this.rowCounts.get(table) ?? 0;
  }

  has(table: string): boolean {
    return this.count(table) > 0;
  }

  private async drain(atMost: number): Promise<void> {
    while (this.queue.length > atMost && !this.failure) await this.queue[0];
    if (this.failure) throw this.failure;
  }

  private takeEncoded(table: string, buffer: Pending): void {
    const encoded = this.encoder.takeTable(table);
    if (encoded) buffer.parts.push(encoded.bytes);
  }

  private flush(table: string): void {
    const buffer = this.buffers.get(table);
    if (!buffer) return;
    this.takeEncoded(table, buffer);
    if (buffer.parts.length === 0) return;
    const items = buffer.parts.splice(0);
    buffer.rows = 0;
    // One statement in flight at a time, in order: a chunk goes once the one before it is done.
    const next = this.pending.then(async () => {
      if (this.failure) return;
      try {
        await this.send(table, items);
      } catch (error) {
        this.failure ??= error instanceof Error ? error : new Error(String(error));
      } finally {
        // Chunks finish in the order they were queued: this one is the oldest.
        void this.queue.shift();
      }
    });
    this.pending = next;
    this.queue.push(next);
  }

  private async send(table: string, items: (Uint8Array | StagedRow)[]): Promise<void> {
    if (!this.created.has(table)) {
      await this.tx.execute(createSql(tables.get(table)!));
      this.created.add(table);
    }
    const { name, columns } = tables.get(table)!;
    const list = columns.map((c) => c.column).join(', ');
    if (this.copy) await this.copyRows(`copy ${name} (${list}) from stdin`, items as Uint8Array[]);
    else
      await this.tx.execute(
        `insert into ${name} (${list}) select ${list} from json_populate_recordset(null::${name}, ?::json)`,
        [JSON.stringify(items)],
      );
  }

  /** COPY on the transaction's own connection, which the ORM's query builder does not expose. */
  private async copyRows(sql: string, chunks: Uint8Array[]): Promise<void> {
    // knex hands a transaction's queries to the one connection it holds; ask it for that.
    const transaction = this.tx.getTransactionContext<{
      client: { acquireConnection(): Promise<pg.Client> };
    }>();
    if (!transaction) throw new Error('COPY into staging needs the batch transaction');
    this.connection ??= await transaction.client.acquireConnection();
    this.copies += 1;
    const stream = this.connection.query(copyFrom(sql));
    for (const chunk of chunks) stream.write(chunk);
    stream.end();
    await finished(stream);
  }
}

/** One row in COPY's text format, without its newline. */
function encodeRow(row: StagedRow, columns: Column[]): string {
  const fields = new Array<string>(columns.length);
  for (let i = 0; i < columns.length; i += 1)
    fields[i] = field(row[columns[i]!.column], columns[i]!.sql);
  return fields.join('\t');
}

/** Rows in COPY's text format: tab-separated, \N for null, backslash escapes. */
export function encode(rows: StagedRow[], columns: Column[]): string {
  return `${rows.map((row) => encodeRow(row, columns)).join('\n')}\n`;
}

const special = /[\\\t\n\r]/;
const escapeText = (text: string) =>
  special.test(text)
    ? text.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r')
    : text;

const escapeBackslashes = (text: string) =>
  text.includes('\\') ? text.replace(/\\/g, '\\\\') : text;

function field(value: unknown, sql: Column['sql']): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'number') return String(value);
  // JSON text has no raw tab, newline or carriage return (they are escaped); only its backslashes
  // need doubling for COPY.
  if (sql === 'jsonb') return escapeBackslashes(JSON.stringify(value));
  if (Array.isArray(value))
    return escapeText(
      `{${value.map((item) => `"${String(item).replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(',')}}`,
    );
  return escapeText(typeof value === 'string' ? value : JSON.stringify(value));
}

function createSql({ name, columns, sections }: Table): string {
  const typed = columns.map(({ column, sql }) => `${column} ${sql}`).join(',\n  ');
  const extra = sections === undefined ? '' : `,\n  ${resolutionColumns(sections)}`;
  return `create temporary table ${name} (\n  ${typed}${extra}\n) on commit drop`;
}
