import { Entity, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import type { AccessAction } from '../../core/access.js';
import { newId } from '../../core/orm/base.entity.js';

/**
 * One entry of the access journal (152-ФЗ ст. 19): who touched whose personal data, which section,
 * whether it was allowed, when and from where. Append-only: a trigger refuses UPDATE, DELETE and
 * TRUNCATE. Holds ids and section names only, never the data itself.
 */
@Entity({ tableName: 'access_log' })
@Index({ properties: ['subjectEmployeeId', 'at'] })
@Index({ properties: ['organizationId', 'at'] })
export class AccessLogEntry {
  [OptionalProps]?: 'id' | 'at';

  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'current_timestamp' })
  at: Date = new Date();

  @Property({ type: 'uuid', nullable: true })
  organizationId!: string | null;

  /** The acting account; null for an anonymous caller. */
  @Property({ type: 'uuid', nullable: true })
  actorUserId!: string | null;

  @Property({ type: 'string', length: 100, nullable: true })
  actorLogin!: string | null;

  /** Whose data; null when the entry concerns an account rather than a personal file. */
  @Property({ type: 'uuid', nullable: true })
  subjectEmployeeId!: string | null;

  @Property({ type: 'uuid', nullable: true })
  subjectUserId!: string | null;

  @Property({ type: 'string', length: 32 })
  section!: string;

  @Property({ type: 'string', length: 16 })
  action!: AccessAction;

  @Property({ type: 'boolean' })
  allowed!: boolean;

  /** The operation that touched the data, e.g. `employee` or `approveUser`. */
  @Property({ type: 'string', length: 100 })
  operation!: string;

  @Property({ type: 'string', length: 64, nullable: true })
  ip!: string | null;

  @Property({ type: 'string', length: 128, nullable: true })
  requestId!: string | null;
}
