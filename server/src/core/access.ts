import type { EntityManager } from '@mikro-orm/postgresql';

/** What an access-journal entry says happened. */
export const AccessActions = ['READ', 'REVEAL', 'CHANGE', 'DENIED'] as const;
export type AccessAction = (typeof AccessActions)[number];

/** One entry of the access journal: who read, revealed, changed or was refused what. */
export interface AccessRecord {
  subjectEmployeeId?: string | null;
  subjectUserId?: string | null;
  section: string;
  action: AccessAction;
  allowed: boolean;
  operation: string;
}

/**
 * A request's access journal (152-ФЗ: every read of someone else's personal file is recorded).
 * Reads are collected and written once after the answer; changes are written inside the unit that
 * makes them, so they commit with it. The access-log module implements it over `access_log`.
 */
export interface AccessJournal {
  /** Collects a read, reveal or refusal; repeats within a request are kept once. */
  record(entry: AccessRecord): void;
  /** Writes what was collected; called once per operation, after it ran. */
  flush(): Promise<void>;
  /** Writes one entry at once inside the caller's transaction: for changes, which commit with it. */
  writeNow(tx: EntityManager, entry: AccessRecord): Promise<void>;
}
