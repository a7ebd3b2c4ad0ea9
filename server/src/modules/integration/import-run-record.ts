import type { Header, RecordReader } from './import-reader.js';
import type { BatchKey } from './import-resolve.js';
import type { ImportProblem, ImportStatus, ImportTypeCounts } from './import-run.entity.js';
import type { ImportOptions } from './import.service.js';

/** Problems kept with the run for the admin to read later. */
export const KEPT_PROBLEMS = 1_000;

/** One batch as it goes: its run id, when it started, where it goes, what was read. */
export interface Run {
  id: string;
  startedAt: Date;
  options: ImportOptions;
  reader: RecordReader;
  header: Header | null;
  key: BatchKey | null;
  /** The organization exists (a run can be recorded under it). */
  existing: boolean;
}

export interface ImportResult {
  /** The recorded run; null when the batch named no organization to record it under. */
  runId: string | null;
  status: ImportStatus;
  organizationId: string | null;
  source: string | null;
  records: number;
  created: number;
  updated: number;
  deleted: number;
  unchanged: number;
  byType: ImportTypeCounts[];
  /** Every problem found, by line; reading stops once MAX_PROBLEMS are found. */
  errors: ImportProblem[];
  errorsTruncated: boolean;
  durationMs: number;
}

/** What a batch did, as its caller is answered. */
export function resultOf(run: Run, status: ImportStatus, byType: ImportTypeCounts[]): ImportResult {
  const recorded = status === 'APPLIED' || (run.existing && run.key !== null);
  return {
    runId: recorded ? run.id : null,
    status,
    organizationId: run.existing || status === 'APPLIED' ? (run.key?.organizationId ?? null) : null,
    source: run.header?.source ?? null,
    records: run.reader.records,
    ...sums(byType),
    byType,
    errors: run.reader.problems,
    errorsTruncated: run.reader.truncated,
    durationMs: Date.now() - run.startedAt.getTime(),
  };
}

/** The row an ADMIN reads in importRuns: who, when, the counts, and the problems without pay. */
export function runRowOf(
  run: Run,
  status: ImportStatus,
  byType: ImportTypeCounts[],
  failure?: unknown,
) {
  const problems = [...run.reader.problems].sort((a, b) => a.line - b.line);
  const code = (failure as { code?: unknown } | undefined)?.code;
  return {
    id: run.id,
    organization: run.key!.organizationId,
    source: run.key!.source,
    schemaVersion: run.header?.schemaVersion ?? null,
    channel: run.options.channel,
    actorUserId: run.options.actor.userId,
    actor: run.options.actor.label.slice(0, 300),
    startedAt: run.startedAt,
    finishedAt: new Date(),
    status,
    records: run.reader.records,
    ...sums(byType),
    errorCount: problems.length,
    byType,
    errors: problems.slice(0, KEPT_PROBLEMS).map(withoutAmounts),
    // The message of a database error may quote the data: only its code is kept.
    failure: failure
      ? typeof code === 'string'
        ? `database error ${code}`
        : 'internal error'
      : null,
  };
}

/** Amounts of money a message quotes ("… = 30950.00, not 1.00"), not examples in quotes ("0.50"). */
const quotedAmount = /(?<!["\d.])-?\d+\.\d{2}(?![\d"])/g;

/**
 * A problem as the run keeps it: the batch's answer goes to the system of record, which owns the
 * data, but the run is read later by ADMINs, who need the line and the reason, not the pay.
 */
function withoutAmounts(problem: ImportProblem): ImportProblem {
  const message = problem.message.replace(quotedAmount, '…');
  return message === problem.message ? problem : { ...problem, message };
}

function sums(byType: ImportTypeCounts[]) {
  const sum = (field: 'created' | 'updated' | 'deleted' | 'unchanged') =>
    byType.reduce((total, counts) => total + counts[field], 0);
  return {
    created: sum('created'),
    updated: sum('updated'),
    deleted: sum('deleted'),
    unchanged: sum('unchanged'),
  };
}
