import type { EntityManager } from '@mikro-orm/postgresql';
import { ruDate } from '../../core/local-date.js';
import type { NotificationType } from '../notification/index.js';
import type { Fields, TypeSpec } from './import-spec.js';

/** A notice an imported section record causes (a new due date), to one account of its employee. */
export interface SectionNotice {
  user_id: string;
  employee_id: string;
  type: NotificationType;
  title: string;
  body?: string;
  link: string;
}

/** What a section's notices query gets: the batch's transaction, the organization's today. */
export interface NoticeQuery {
  tx: EntityManager;
  today: string;
  /** Joins the active accounts (`u`) of live employees (`e`) on the given employee column. */
  recipients: (employeeColumn: string) => string;
}

/** A section's record type in the exchange format: its mapping, checks, schema and notices. */
export interface SectionImport<T extends string = string> {
  type: T;
  /** How the record maps onto its table (staged as `imp_<table>`). */
  spec: Omit<TypeSpec, 'type'>;
  /** The checks beyond the schema: the rules HR's save applies, throwing BAD_USER_INPUT. */
  check?: (fields: Fields, today: string) => void;
  /** The record's JSON Schema (a `$defs` entry of schema/import.schema.json's format). */
  schema: Record<string, unknown>;
  /** Notices the batch's changed records cause, written with the batch. */
  notices?: (query: NoticeQuery) => Promise<SectionNotice[]>;
}

/** Types a contribution so its `type` stays a literal the record-type union is built from. */
export const sectionImport = <const T extends string>(contribution: SectionImport<T>) =>
  contribution;

/**
 * The notices of a section whose records carry a `next_due_date` (attestation, medical
 * examinations): each created record, or one whose next due date changed, due from today on,
 * notifies its employee once, titled by `title(date)` in Russian text and linking to `link`.
 */
export const nextDueNotices =
  (
    table: string,
    notice: { type: NotificationType; title: (dueDate: string) => string; link: string },
  ) =>
  async ({ tx, today, recipients }: NoticeQuery): Promise<SectionNotice[]> => {
    const rows = await tx.execute<
      { user_id: string; employee_id: string; next_due_date: string }[]
    >(
      `select distinct u.id as user_id, s.employee_id, s.next_due_date::text as next_due_date
         from imp_${table} s ${recipients('s.employee_id')}
        where s.change in ('created', 'updated') and s.next_due_date >= ?::date
          and (s.change = 'created' or (s.old ->> 'next_due_date')::date is distinct from s.next_due_date)
        order by 1, 3`,
      [today],
    );
    return rows.map((row) => ({
      user_id: row.user_id,
      employee_id: row.employee_id,
      type: notice.type,
      title: notice.title(ruDate(row.next_due_date)),
      link: notice.link,
    }));
  };
