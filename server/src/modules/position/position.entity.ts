import { Entity, ManyToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import { ExternalRecord } from '../../core/orm/base.entity.js';
import type { Row } from '../../core/orm/rows.js';
import { Organization } from '../organization/index.js';

/** A position (должность) in the organization's staff schedule. */
@Entity({ tableName: 'position' })
@Unique({ properties: ['organization', 'externalSource', 'externalId'] })
export class Position extends ExternalRecord<
  'category' | 'basicLeaveDays' | 'additionalLeaveDays' | 'seniorityKind' | 'deletedAt'
> {
  @ManyToOne({ entity: () => Organization, ref: true, deleteRule: 'cascade' })
  organization!: Ref<Organization>;

  @Property({ type: 'string', length: 300 })
  name!: string;

  /** Staff category, e.g. педагогический работник, АУП, медицинский персонал. */
  @Property({ type: 'string', length: 100, nullable: true })
  category: string | null = null;

  /** Annual basic leave: 28 days (ст. 115 ТК), 42 or 56 for teaching posts. */
  @Property({ type: 'integer' })
  basicLeaveDays: number = 28;

  /** Annual additional leave of the post (irregular hours, harmful conditions …). */
  @Property({ type: 'integer' })
  additionalLeaveDays: number = 0;

  /** The special seniority the post counts towards: PEDAGOGICAL, MEDICAL or none. */
  @Property({ type: 'string', length: 16, nullable: true })
  seniorityKind: string | null = null;

  /** Deleted by the system of record; kept because history refers to it, hidden everywhere else. */
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  deletedAt: Date | null = null;
}

/** A position as reads need it: an entity or a plain row (see `Row`). */
export type PositionRow = Row<Position>;
