import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../core/auth/viewer.js';
import { newId } from '../../core/orm/base.entity.js';
import type { AccessJournal, AccessRecord } from '../../core/access.js';
import { AccessLogEntry } from './access-log.entity.js';
import { runSql } from '../../core/orm/sql.js';

/** The columns of an entry that vary within a request; the rest are the request's own (`flush`). */
const ENTRY_TYPES = {
  id: 'uuid',
  subject_employee_id: 'uuid',
  subject_user_id: 'uuid',
  section: 'text',
  action: 'text',
  allowed: 'boolean',
  operation: 'text',
} as const;
const ENTRY_COLUMNS = Object.keys(ENTRY_TYPES);
const ENTRY_RECORD = Object.entries(ENTRY_TYPES)
  .map(([column, type]) => `${column} ${type}`)
  .join(', ');
const FLUSH_SQL = `insert into access_log (organization_id, actor_user_id, actor_login, ip, request_id,
    ${ENTRY_COLUMNS.join(', ')})
  select ?::uuid, ?::uuid, ?, ?, ?, ${ENTRY_COLUMNS.join(', ')}
    from jsonb_to_recordset(?::jsonb) as r(${ENTRY_RECORD})`;

/** An entry's varying columns; a null one is left out (the record reads it back as null). */
function entryColumns(entry: AccessRecord): Record<string, unknown> {
  const columns: Record<string, unknown> = {
    id: newId(),
    section: entry.section,
    action: entry.action,
    allowed: entry.allowed,
    operation: entry.operation,
  };
  if (entry.subjectEmployeeId) columns['subject_employee_id'] = entry.subjectEmployeeId;
  if (entry.subjectUserId) columns['subject_user_id'] = entry.subjectUserId;
  return columns;
}

export interface AccessMeta {
  viewer: Viewer | null;
  ip: string | null;
  requestId: string;
}

/**
 * Collects a request's access-journal entries and writes them in one insert when the response is
 * sent: a page of 50 files costs one statement, not 50. Repeats within a request are kept once; a
 * REVEAL is kept per field (СНИЛС, ИНН and passport shown in one request are three entries).
 */
export class AccessLogJournal implements AccessJournal {
  private readonly pending = new Map<string, AccessRecord>();

  constructor(
    private readonly em: EntityManager,
    private readonly meta: AccessMeta,
  ) {}

  record(entry: AccessRecord): void {
    const key = [
      entry.subjectEmployeeId,
      entry.subjectUserId,
      entry.section,
      entry.action,
      entry.allowed,
      entry.action === 'REVEAL' ? entry.operation : '',
    ].join('|');
    if (!this.pending.has(key)) this.pending.set(key, entry);
  }

  /** Writes what was collected; called once per operation, after it ran. */
  async flush(): Promise<void> {
    if (this.pending.size === 0) return;
    const entries = [...this.pending.values()].map(entryColumns);
    this.pending.clear();
    const { viewer, ip, requestId } = this.meta;
    // One statement of one text for any number of entries: what the request's entries share goes
    // once, what varies travels as one JSON parameter (a page of 50 files is neither an ORM insert
    // of 50 entities nor a 600-parameter query).
    await runSql(this.em, FLUSH_SQL, [
      viewer?.organizationId ?? null,
      viewer?.userId ?? null,
      viewer?.login ?? null,
      ip,
      requestId,
      JSON.stringify(entries),
    ]);
  }

  /** Writes one entry at once inside the caller's transaction: for changes, which commit with it. */
  async writeNow(tx: EntityManager, entry: AccessRecord): Promise<void> {
    await tx.insert(AccessLogEntry, entryRow(this.meta, entry));
  }
}

/** One entry as the journal's row: the request's actor and origin with the record. */
function entryRow(meta: AccessMeta, entry: AccessRecord) {
  return {
    id: newId(),
    organizationId: meta.viewer?.organizationId ?? null,
    actorUserId: meta.viewer?.userId ?? null,
    actorLogin: meta.viewer?.login ?? null,
    subjectEmployeeId: entry.subjectEmployeeId ?? null,
    subjectUserId: entry.subjectUserId ?? null,
    section: entry.section,
    action: entry.action,
    allowed: entry.allowed,
    operation: entry.operation,
    ip: meta.ip,
    requestId: meta.requestId,
  };
}
