import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../core/auth/viewer.js';
import { newId } from '../../core/orm/base.entity.js';
import type { AccessJournal, AccessRecord } from '../../core/access.js';
import { AccessLogEntry } from './access-log.entity.js';

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
    const rows = [...this.pending.values()].map((entry) => this.row(entry));
    this.pending.clear();
    await this.em.fork().insertMany(AccessLogEntry, rows);
  }

  /** Writes one entry at once inside the caller's transaction: for changes, which commit with it. */
  async writeNow(tx: EntityManager, entry: AccessRecord): Promise<void> {
    await tx.insert(AccessLogEntry, this.row(entry));
  }

  private row(entry: AccessRecord) {
    return {
      id: newId(),
      organizationId: this.meta.viewer?.organizationId ?? null,
      actorUserId: this.meta.viewer?.userId ?? null,
      actorLogin: this.meta.viewer?.login ?? null,
      subjectEmployeeId: entry.subjectEmployeeId ?? null,
      subjectUserId: entry.subjectUserId ?? null,
      section: entry.section,
      action: entry.action,
      allowed: entry.allowed,
      operation: entry.operation,
      ip: this.meta.ip,
      requestId: this.meta.requestId,
    };
  }
}
