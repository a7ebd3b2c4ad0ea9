import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { AppServices } from '../../core/context.js';
import type { AppPubSub } from '../../core/topics.js';
import { inSystemUnit, type Unit } from '../../core/unit-of-work.js';
import type { Orm } from '../../core/orm/orm.js';
import { newId } from '../../core/orm/base.entity.js';
import { todayIn } from '../../core/time.js';
import { Applier, specsIn } from './import-apply.js';
import { checkAppliedBatch, holdsNone } from './import-checks.js';
import { journalChanges, notifyChanges } from './import-effects.js';
import {
  applyOrganization,
  locateOrganization,
  organizationBindingProblem,
} from './import-organization.js';
import { RecordReader } from './import-reader.js';
import { Resolver, type BatchKey } from './import-resolve.js';
import {
  ImportRun,
  type ImportChannel,
  type ImportProblem,
  type ImportStatus,
  type ImportTypeCounts,
} from './import-run.entity.js';
import { resultOf, runRowOf, type ImportResult, type Run } from './import-run-record.js';
import { ImportSchema } from './import-schema.js';
import { Staging } from './import-staging.js';
import type { InputItem } from './ndjson.js';
import { DEFAULT_TIME_ZONE } from '../organization/index.js';

/** Problems listed in one answer; reading stops at this many (a wrong file, not a few bad lines). */
export const MAX_PROBLEMS = 10_000;
/** A table a batch wrote this many rows of gets fresh planner statistics before the checks. */
const ANALYZE_ROWS = 5_000;
/** Memory each sort or hash of a batch's statements may take before it spills to disk. */
const WORK_MEM = '64MB';
/** Statistics target of the batch's ANALYZEs (PostgreSQL's default is 100). */
const STATISTICS_TARGET = 10;
/** A batch is read by worker threads past this many records (below it, starting them costs more). */
export const PARALLEL_FROM = 20_000;

/** How a service reads batches. */
export interface ReadingOptions {
  /** Stage with COPY: PostgreSQL yes, the embedded database (its socket carries no COPY) no. */
  copy: boolean;
  /** Worker threads for large batches (COPY only); 0 reads on the main thread. */
  workers: number;
  /** Records read on the main thread before the workers take over. */
  parallelFrom?: number;
}

export interface ImportOptions {
  channel: ImportChannel;
  /** The service account (null for the command line) and how the run and the journal name it. */
  actor: { userId: string | null; label: string; login: string };
  /** The caller's organization; null for the command line, which finds it by the header. */
  organizationId: string | null;
  /** Command line only: create the organization the header names when none is bound to it. */
  createOrganization?: boolean;
  /** GraphQL: no header line; the source and the schema version come as arguments. */
  header?: { schemaVersion: number; source: string };
  ip?: string | null;
  requestId?: string | null;
  onProgress?: (records: number) => void;
}

/** Thrown inside the batch's transaction to roll it back with the problems found. */
class Rejected extends Error {
  constructor(readonly problems: ImportProblem[]) {
    super('import rejected');
  }
}

/** Integrity violations the database reports for a batch's data, not for a bug. */
const constraintCodes = new Set(['23505', '23503', '23514', '23502']);

let sharedSchema: ImportSchema | null = null;
const importSchema = () => (sharedSchema ??= new ImportSchema());

/**
 * The one way data from the system of record enters the portal, whatever it came through (HTTP
 * NDJSON, GraphQL, the command line): a batch is read and checked record by record, staged,
 * resolved and applied in one transaction, or not at all; what it changed is journalled and
 * notified in the same transaction, and the notifications are published after the commit.
 */
export class ImportService {
  constructor(
    private readonly orm: Orm,
    private readonly pubSub: AppPubSub | null,
    private readonly logger: Logger,
    private readonly reading: ReadingOptions,
  ) {}

  /** The service as the server runs it. */
  static of(app: Pick<AppServices, 'orm' | 'pubSub' | 'config'>, logger: Logger): ImportService {
    return new ImportService(app.orm, app.pubSub, logger, readingOf(app.config));
  }

  async run(input: AsyncIterable<InputItem>, options: ImportOptions): Promise<ImportResult> {
    const { workers, parallelFrom = PARALLEL_FROM } = this.reading;
    const reader = new RecordReader(
      importSchema(),
      input[Symbol.asyncIterator](),
      MAX_PROBLEMS,
      options.onProgress,
      workers > 0 ? { from: parallelFrom, workers } : null,
    );
    const run: Run = {
      id: newId(),
      startedAt: new Date(),
      options,
      reader,
      header: null,
      key: null,
      existing: false,
    };
    run.header = options.header ? reader.givenHeader(options.header) : await reader.header();
    if (!run.header) {
      if (options.organizationId) {
        run.key = { organizationId: options.organizationId, source: 'unknown' };
        run.existing = true;
      }
      return this.finish(run, 'REJECTED', []);
    }
    const em = this.orm.em.fork();
    const located = await locateOrganization(em, run.header, options);
    run.key = located.key;
    run.existing = located.existing;
    if (located.problem) reader.problems.push(located.problem);
    const key = run.key;
    const binding = await organizationBindingProblem(em, key, run.header);
    if (binding) {
      reader.problems.push(binding);
      return this.finish(run, 'REJECTED', []);
    }
    if (reader.problems.length > 0) return this.finish(run, 'REJECTED', []);
    try {
      const byType = await inSystemUnit(em, this.pubSub, this.logger, async (unit) => {
        const tx = unit.em;
        await tx.execute(`select pg_advisory_xact_lock(hashtextextended(?, 0))`, [
          `kabinet-import:${key.organizationId}`,
        ]);
        // The batch's joins (a re-import compares 1.7 million payslip lines with those held) hash
        // in memory instead of spilling in batches to disk; for this transaction only.
        await tx.execute(`set local work_mem = '${WORK_MEM}'`);
        // The batch's ANALYZEs exist to give the planner row counts and rough distributions for
        // its joins; a tenth of the default sample does that (they took 2 s of a large import),
        // and autovacuum analyzes the tables in full once the batch is committed.
        await tx.execute(`set local default_statistics_target = ${STATISTICS_TARGET}`);
        return this.apply(unit, run);
      });
      return await this.finish(run, 'APPLIED', byType);
    } catch (error) {
      if (error instanceof Rejected) {
        reader.problems.splice(0, reader.problems.length, ...error.problems);
        return this.finish(run, 'REJECTED', []);
      }
      if (constraintCodes.has(String((error as { code?: unknown }).code))) {
        reader.problems.push({
          line: 0,
          type: null,
          externalId: null,
          path: [],
          message: `The batch breaks a rule of the database (${String((error as { constraint?: unknown }).constraint ?? (error as { code?: unknown }).code)}); nothing was written`,
        });
        return this.finish(run, 'REJECTED', []);
      }
      this.logger.error({ err: error, organizationId: key.organizationId }, 'import failed');
      if (run.existing) await this.record(run, 'FAILED', [], error).catch(() => undefined);
      throw error;
    }
  }

  /** Inside the transaction: stage, resolve, apply, check, journal, notify, record the run. */
  private async apply(unit: Unit, run: Run) {
    const tx = unit.em;
    const key = run.key!;
    const header = run.header!;
    const lap = this.stopwatch(run);
    const staging = new Staging(tx, this.reading.copy);
    await staging.open();
    const today = await this.today(tx, key);
    const organization = await run.reader.stageAll(staging, header, today);
    await staging.finish();
    lap(`read and staged (${staging.copies} COPY statements)`);
    const resolver = new Resolver(tx, staging, key);
    await resolver.run();
    lap('resolved');
    const problems = [...run.reader.problems, ...resolver.problems];
    if (!run.existing && !organization)
      problems.push({
        line: 1,
        type: 'organization',
        externalId: header.organizationExternalId,
        path: [],
        message: 'A new organization is made from its organization record, which this batch lacks',
      });
    if (problems.length > 0) throw new Rejected(problems);
    const organizationCounts = await applyOrganization(
      tx,
      key,
      header,
      organization,
      !run.existing,
    );
    const specs = specsIn(staging);
    const firstPayslips =
      specs.some((spec) => spec.type === 'payslip') &&
      (await holdsNone(tx, 'payslip', key.organizationId));
    const applier = new Applier(tx, staging, key, specs);
    await applier.run();
    const counts = await applier.counts();
    await applier.analyze(ANALYZE_ROWS, counts);
    lap('applied');
    const late = await checkAppliedBatch(tx, specs, firstPayslips);
    if (late.length > 0) throw new Rejected(late);
    lap('checked');
    const byType = organizationCounts ? [organizationCounts, ...counts] : counts;
    await journalChanges(tx, specs, key, {
      userId: run.options.actor.userId,
      login: run.options.actor.login,
      ip: run.options.ip ?? null,
      requestId: run.options.requestId ?? null,
    });
    await notifyChanges(unit, specs, key, today);
    await tx.insert(ImportRun, runRowOf(run, 'APPLIED', byType));
    lap('journalled and notified');
    return byType;
  }

  /** Logs (at debug) how long each phase of a batch took. */
  private stopwatch(run: Run): (phase: string) => void {
    let last = Date.now();
    return (phase) => {
      const now = Date.now();
      this.logger.debug({ runId: run.id, phase, ms: now - last }, 'import phase');
      last = now;
    };
  }

  /** Where the batch goes: the caller's organization, or (command line) the one the header names. */
  private async today(em: EntityManager, key: BatchKey): Promise<string> {
    const rows = await em.execute<{ time_zone: string }[]>(
      'select time_zone from organization where id = ?',
      [key.organizationId],
    );
    return todayIn(rows[0]?.time_zone ?? DEFAULT_TIME_ZONE);
  }

  private async finish(
    run: Run,
    status: ImportStatus,
    byType: ImportTypeCounts[],
  ): Promise<ImportResult> {
    run.reader.problems.sort((a, b) => a.line - b.line);
    const result = resultOf(run, status, byType);
    if (status !== 'APPLIED' && result.runId) await this.record(run, status, byType);
    this.logger.info(
      {
        runId: result.runId,
        organizationId: result.organizationId,
        channel: run.options.channel,
        status,
        records: result.records,
        created: result.created,
        updated: result.updated,
        deleted: result.deleted,
        unchanged: result.unchanged,
        errors: result.errors.length,
        ms: result.durationMs,
      },
      'import finished',
    );
    return result;
  }

  /** Writes a run that did not commit (rejected or failed) in its own transaction. */
  private async record(
    run: Run,
    status: ImportStatus,
    byType: ImportTypeCounts[],
    failure?: unknown,
  ): Promise<void> {
    await inSystemUnit(this.orm.em.fork(), null, this.logger, (unit) =>
      unit.em.insert(ImportRun, runRowOf(run, status, byType, failure)),
    );
  }
}

/** How the configured server reads batches. */
export function readingOf(
  config: Pick<AppServices['config'], 'database' | 'import'>,
): ReadingOptions {
  return { copy: config.database.kind === 'postgres', workers: config.import.workers };
}
