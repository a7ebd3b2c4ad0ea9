import type { FileSection } from '../organization/index.js';

/**
 * How a record type of the import maps onto its table: the contract a section module fills in for
 * its own records (`SectionImport`), and the integration module applies.
 */

export type SqlType = 'text' | 'date' | 'integer' | 'numeric' | 'boolean' | 'text[]';

/** A field of a record stored in a column of the same meaning. */
export interface FieldSpec {
  field: string;
  column: string;
  sql: SqlType;
  /** The file section the column belongs to, where a type spans two (the employee). */
  section?: FileSection;
}

/** A reference by externalId to another record, resolved in the batch or in the portal. */
export interface RefSpec {
  field: string;
  column: string;
  /** The record type referred to (any but `organization`). */
  target: string;
  section?: FileSection;
  /**
   * Written after every row of the batch exists: the department tree, heads and managers point at
   * rows of their own or a later type.
   */
  late?: boolean;
}

/** A column whose stored form differs from the record's (a publication flag kept as a time). */
export interface DerivedSpec {
  /** Staging column, from the record. */
  column: string;
  sql: SqlType;
  /** The stored column it drives. */
  target: string;
  /** SQL over the target row `t` giving the staged value's equivalent, for comparison. */
  current: string;
  /** SQL over the staged row `s` (and `t` on update, null on insert) giving the stored value. */
  write: (t: string | null) => string;
}

export interface TypeSpec {
  /** The record type (any but `organization`). */
  type: string;
  table: string;
  fields: FieldSpec[];
  refs: RefSpec[];
  derived?: DerivedSpec[];
  /** Rows carry organization_id; otherwise they belong to the organization through their employee. */
  scope: 'organization' | 'employee';
  /**
   * soft: the row stays (deleted_at) because history points at it: the employment history names
   * departments and positions, payslips and the journal name employees, acknowledged payslips are
   * evidence. hard: a record of a file the source withdrew, removed as HR's deleteFileRecord does.
   */
  deletion: 'soft' | 'hard';
  /** The section of the employee's file the record belongs to. */
  section: FileSection | null;
  /**
   * A stored column that comes from a staging table of its own, one row per record (keyed by the
   * record's line), and is compared and written with the record: a payslip's lines, a jsonb
   * document too wide to be copied along each time the type's staging rows are resolved.
   */
  attached?: { column: string; table: string; key: string };
  /** A unique natural key: a row the portal holds without an externalId is adopted by it. */
  adoptBy?: string[];
  /** Columns of the row before the batch that notifications compare against. */
  remember?: string[];
}

/** A record's fields as sent. */
export type Fields = Record<string, unknown>;
