import type { ImportProblem } from './import-run.entity.js';
import {
  prepareDeletion,
  prepareUpsert,
  organizationProblem,
  ruleProblem,
  type Fields,
} from './import-records.js';
import type { ImportSchema } from './import-schema.js';
import {
  DOCUMENTS_TABLE,
  INVALID_TABLE,
  LINES_TABLE,
  type Staging,
  type StagingSink,
} from './import-staging.js';
import { ReadingWorkers, type ParallelReading, type ReadChunk } from './import-workers.js';
import { RecordTypes, SchemaVersions, specOf, stagingOf, type RecordType } from './import-types.js';
import { isBlock, readBlock, utf8, utf8Strings, type InputItem, type InputLine } from './ndjson.js';

/** What the first line of a batch says. */
export interface Header {
  schemaVersion: number;
  source: string;
  /** Null for a GraphQL push, which goes to the caller's organization. */
  organizationExternalId: string | null;
}

/** The organization record of a batch, applied apart from the staged types. */
export interface OrganizationRecord {
  line: number;
  fields: Fields;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads a batch line by line: parses, validates against the JSON Schema and the file rules, and
 * stages every valid record; every problem is kept with its line, field path and reason.
 */
export class RecordReader {
  readonly problems: ImportProblem[] = [];
  records = 0;
  /** Reading stopped at the problem limit. */
  truncated = false;

  constructor(
    private readonly schema: ImportSchema,
    private readonly items: AsyncIterator<InputItem>,
    private readonly maxProblems: number,
    private readonly onProgress?: (records: number) => void,
    /**
     * Past this many records, the rest are parsed, checked and encoded by worker threads (COPY
     * staging only): a large batch is read on every core, a small one never starts a worker.
     */
    private readonly parallel: ParallelReading | null = null,
  ) {}

  /** Lines of a block the header came in, read before the next item. */
  private queued: InputLine[] = [];

  /** The next line or block, or null at the end. */
  private async next(): Promise<InputItem | null> {
    const queued = this.queued.shift();
    if (queued) return queued;
    const next = await this.items.next();
    return next.done ? null : next.value;
  }

  /** The header from the first line, or null with the problems recorded. */
  async header(): Promise<Header | null> {
    let first: InputLine | undefined;
    while (!first) {
      const item = await this.next();
      if (!item) {
        this.problem(1, null, null, [], 'The batch is empty: the first line is the header');
        return null;
      }
      if (!isBlock(item)) first = item;
      else [first, ...this.queued] = readBlock(item);
    }
    const value = this.parse(first);
    if (value === undefined) return null;
    const line = first.line;
    if (!isObject(value) || value['type'] !== 'header') {
      this.problem(
        line,
        null,
        null,
        ['type'],
        'The first line is the header: {"type":"header","schemaVersion":1,"source":…,"organizationExternalId":…}',
      );
      return null;
    }
    const version = value['schemaVersion'];
    if (typeof version === 'number' && !(SchemaVersions as readonly number[]).includes(version)) {
      this.problem(
        line,
        'header',
        null,
        ['schemaVersion'],
        `Schema version ${version} is unknown here; this importer reads version ${SchemaVersions.join(', ')}`,
      );
      return null;
    }
    const problems = this.schema.checkHeader(value);
    for (const { path, message } of problems) this.problem(line, 'header', null, path, message);
    if (problems.length > 0) return null;
    return {
      schemaVersion: version as number,
      source: value['source'] as string,
      organizationExternalId: value['organizationExternalId'] as string,
    };
  }

  /** A header given apart from the records (GraphQL), checked like a header line. */
  givenHeader(header: { schemaVersion: number; source: string }): Header | null {
    if (!(SchemaVersions as readonly number[]).includes(header.schemaVersion)) {
      this.problem(
        0,
        'header',
        null,
        ['schemaVersion'],
        `Schema version ${header.schemaVersion} is unknown here; this importer reads version ${SchemaVersions.join(', ')}`,
      );
      return null;
    }
    return { ...header, organizationExternalId: null };
  }

  /** Stages every remaining record; returns the organization record, if the batch has one. */
  async stageAll(
    staging: Staging,
    header: Header,
    today: string,
  ): Promise<OrganizationRecord | null> {
    const found = new OrganizationFinder(this);
    let workers: ReadingWorkers | null = null;
    try {
      for (let item = await this.next(); item; item = await this.next()) {
        if (!workers && this.parallel && staging.copy && this.records >= this.parallel.from)
          workers = new ReadingWorkers(this.parallel, header, today, (chunk) =>
            this.merge(chunk, staging, found),
          );
        if (workers) await workers.push(item);
        else
          for (const line of isBlock(item) ? readBlock(item) : [item]) {
            this.records += 1;
            if (this.records % 1000 === 0) this.onProgress?.(this.records);
            found.add(this.stageLine(staging, header, today, line));
          }
        const backlog = staging.backlog();
        if (backlog) await backlog;
        if (this.problems.length >= this.maxProblems) {
          this.truncated = true;
          break;
        }
      }
      await workers?.finish();
    } finally {
      await workers?.close();
    }
    this.onProgress?.(this.records);
    return found.record;
  }

  /** Parses, checks and stages one line; the organization record it holds, if it does. */
  stageLine(
    sink: StagingSink,
    header: Header,
    today: string,
    input: InputLine,
  ): OrganizationRecord | null {
    const value = this.parse(input);
    return value === undefined ? null : this.stage(sink, header, today, input.line, value);
  }

  /** A chunk a worker read, taken in the order of the lines. */
  private merge(chunk: ReadChunk, staging: Staging, found: OrganizationFinder): void {
    this.records += chunk.records;
    this.onProgress?.(this.records);
    for (const rows of chunk.tables) staging.addEncoded(rows);
    this.problems.push(...chunk.problems);
    for (const organization of chunk.organizations) found.add(organization);
  }

  private stage(
    staging: StagingSink,
    header: Header,
    today: string,
    line: number,
    value: unknown,
  ): OrganizationRecord | null {
    if (!isObject(value)) {
      this.problem(line, null, null, [], 'A record is a JSON object');
      return null;
    }
    const type = value['type'];
    const externalId = typeof value['externalId'] === 'string' ? value['externalId'] : null;
    if (type === 'header') {
      this.problem(line, 'header', null, ['type'], 'Only the first line is the header');
      return null;
    }
    if (typeof type !== 'string' || !(RecordTypes as readonly string[]).includes(type)) {
      this.problem(
        line,
        null,
        externalId,
        ['type'],
        `Unknown record type ${JSON.stringify(type)}; known: ${RecordTypes.join(', ')}`,
      );
      return null;
    }
    const recordType = type as RecordType;
    const op = value['op'] === 'delete' ? 'delete' : 'upsert';
    if (recordType === 'organization' && op === 'delete') {
      this.problem(
        line,
        type,
        externalId,
        ['op'],
        'An organization is not deleted through the import',
      );
      return null;
    }
    const problems = this.schema.checkRecord(recordType, op, value);
    const ruled =
      problems.length === 0 && op === 'upsert' ? ruleProblem(recordType, value, today) : null;
    if (ruled) problems.push(ruled);
    if (recordType === 'organization' && problems.length === 0) {
      const zone = organizationProblem(value);
      if (zone) problems.push(zone);
      if (externalId !== header.organizationExternalId && header.organizationExternalId !== null)
        problems.push({ path: ['externalId'], message: "Not the header's organizationExternalId" });
    }
    if (problems.length > 0) {
      for (const { path, message } of problems) this.problem(line, type, externalId, path, message);
      if (externalId) staging.add(INVALID_TABLE, { type, external_id: externalId });
      return null;
    }
    if (recordType === 'organization') return { line, fields: value };
    const spec = specOf.get(recordType)!;
    const prepared =
      op === 'delete'
        ? prepareDeletion(line, externalId!)
        : prepareUpsert(recordType, line, externalId!, value);
    staging.add(stagingOf(spec), prepared.row);
    if (prepared.identityDocument) staging.add(DOCUMENTS_TABLE, prepared.identityDocument);
    if (prepared.lines) staging.add(LINES_TABLE, prepared.lines);
    return null;
  }

  /** The JSON value of a line, or undefined with the problem recorded. */
  private parse(input: InputLine): unknown {
    if ('error' in input) {
      this.problem(input.line, null, null, [], input.error);
      return undefined;
    }
    if ('value' in input) return input.value;
    if ('raw' in input) {
      try {
        return utf8Strings(JSON.parse(input.raw));
      } catch {
        // Where it failed is told in characters of the decoded line.
        return this.parse({ line: input.line, text: utf8(input.raw) });
      }
    }
    try {
      return JSON.parse(input.text) as unknown;
    } catch (error) {
      this.problem(input.line, null, null, [], malformed((error as Error).message));
      return undefined;
    }
  }

  problem(
    line: number,
    type: string | null,
    externalId: string | null,
    path: (string | number)[],
    message: string,
  ): void {
    this.problems.push({ line, type, externalId, path, message });
  }
}

/** The batch's one organization record; a second is a problem on its line. */
class OrganizationFinder {
  record: OrganizationRecord | null = null;

  constructor(private readonly reader: RecordReader) {}

  add(found: OrganizationRecord | null): void {
    if (!found) return;
    if (this.record)
      this.reader.problem(
        found.line,
        'organization',
        null,
        [],
        `The organization is already on line ${this.record.line}`,
      );
    else this.record = found;
  }
}

/** The parser's complaint without the snippet of the line it quotes, which may hold personal data. */
function malformed(message: string): string {
  const position = /position (\d+)/.exec(message)?.[1];
  if (position) return `Malformed JSON at character ${Number(position) + 1}`;
  if (/end of JSON/i.test(message)) return 'Malformed JSON: the line ends too early';
  return 'Malformed JSON';
}
