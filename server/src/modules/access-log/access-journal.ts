import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../core/auth/viewer.js';
import { newId } from '../../core/orm/base.entity.js';
import type { AccessJournal, AccessRecord } from '../../core/access.js';
import { AccessLogEntry } from './access-log.entity.js';

/** The journal's columns as `flush` writes them (`at` takes the database's current time). */
const TYPES = {
  id: 'uuid',
  organization_id: 'uuid',
  actor_user_id: 'uuid',
  actor_login: 'text',
  subject_employee_id: 'uuid',
  subject_user_id: 'uuid',
  section: 'text',
  action: 'text',
  allowed: 'boolean',
  operation: 'text',
  ip: 'text',
  request_id: 'text',
} as const;
const COLUMNS = Object.keys(TYPES);
const RECORD = Object.entries(TYPES)
  .map(([column, type]) => `${column} ${type}`)
  .join(', ');

type Row = ReturnType<typeof entryRow>;

const toColumns = (row: Row) => ({
  id: row.id,
  organization_id: row.organizationId,
  actor_user_id: row.actorUserId,
  actor_login: row.actorLogin,
  subject_employee_id: row.subjectEmployeeId,
  subject_user_id: row.subjectUserId,
  section: row.section,
  action: row.action,
  allowed: row.allowed,
  operation: row.operation,
  ip: row.ip,
  request_id: row.requestId,
});

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
    const rows = [...this.pending.values()].map((entry) => entryRow(this.meta, entry));
    this.pending.clear();
    // One statement of one text for any number of rows: the rows travel as one JSON parameter,
    // so a page of 50 files costs neither an ORM insert of 50 entities nor a 600-parameter query.
    await this.em.getConnection().execute(
      `insert into access_log (${COLUMNS.join(', ')})
       select ${COLUMNS.join(', ')} from jsonb_to_recordset(?::jsonb) as r(${RECORD})`,
      [JSON.stringify(rows.map(toColumns))],
    );
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
