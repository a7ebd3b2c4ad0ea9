import { Entity, Index, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { BaseEntity } from '../../core/orm/base.entity.js';
import { Organization } from '../organization/index.js';

export const ImportChannels = ['HTTP', 'GRAPHQL', 'CLI'] as const;
export type ImportChannel = (typeof ImportChannels)[number];

/** APPLIED: committed whole; REJECTED: bad records, nothing written; FAILED: the server gave up. */
export const ImportStatuses = ['APPLIED', 'REJECTED', 'FAILED'] as const;
export type ImportStatus = (typeof ImportStatuses)[number];

/** What one record type of a run did. */
export interface ImportTypeCounts {
  type: string;
  created: number;
  updated: number;
  deleted: number;
  unchanged: number;
}

/** One reason a record was refused: the line it came on, where in it, and why. */
export interface ImportProblem {
  line: number;
  type: string | null;
  externalId: string | null;
  path: (string | number)[];
  message: string;
}

/**
 * One batch from the system of record, whether applied or not: who sent it, when, through which
 * way in, what it changed, and every problem found (the first IMPORT_ERRORS_KEPT of them).
 */
@Entity({ tableName: 'import_run' })
@Index({ properties: ['organization', 'startedAt'] })
export class ImportRun extends BaseEntity<
  'actorUserId' | 'schemaVersion' | 'finishedAt' | 'failure'
> {
  @ManyToOne({ entity: () => Organization, ref: true, deleteRule: 'cascade' })
  organization!: Ref<Organization>;

  /** The source system as the batch names it (`1c-zkgu`, `parus` …). */
  @Property({ type: 'string', length: 64 })
  source!: string;

  @Property({ type: 'integer', nullable: true })
  schemaVersion: number | null = null;

  @Property({ type: 'string', length: 16 })
  channel!: ImportChannel;

  /** The INTEGRATION service account; null for the command line. */
  @Property({ type: 'uuid', nullable: true })
  actorUserId: string | null = null;

  /** The token's name, or `cli:<os user>`: who, in words that survive the account. */
  @Property({ type: 'string', length: 300 })
  actor!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  startedAt!: Date;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  finishedAt: Date | null = null;

  @Property({ type: 'string', length: 16 })
  status!: ImportStatus;

  /** Records read (the header not counted). */
  @Property({ type: 'integer' })
  records: number = 0;

  @Property({ type: 'integer' })
  created: number = 0;

  @Property({ type: 'integer' })
  updated: number = 0;

  @Property({ type: 'integer' })
  deleted: number = 0;

  @Property({ type: 'integer' })
  unchanged: number = 0;

  @Property({ type: 'integer' })
  errorCount: number = 0;

  @Property({ type: 'json', columnType: 'jsonb' })
  byType: ImportTypeCounts[] = [];

  @Property({ type: 'json', columnType: 'jsonb' })
  errors: ImportProblem[] = [];

  /** Why a FAILED run failed, without personal data. */
  @Property({ type: 'string', length: 500, nullable: true })
  failure: string | null = null;
}
