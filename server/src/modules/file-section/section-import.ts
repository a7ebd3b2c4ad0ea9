import type { EntityManager } from '@mikro-orm/postgresql';
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
