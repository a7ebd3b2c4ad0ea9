import { Entity, Index, ManyToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import { ExternalRecord } from '../../core/orm/base.entity.js';
import { Employee } from '../employee/index.js';

export const SeniorityKinds = [
  'GENERAL',
  'INSURANCE',
  'CONTINUOUS',
  'INSTITUTION',
  'PEDAGOGICAL',
  'MEDICAL',
] as const;
export type SeniorityKind = (typeof SeniorityKinds)[number];

/** A period entered directly (стаж from before, confirmed by documents) or a manual correction. */
@Entity({ tableName: 'seniority_period' })
@Index({ properties: ['employee', 'kind'] })
@Unique({ properties: ['externalSource', 'externalId', 'employee'] })
export class SeniorityPeriod extends ExternalRecord<'endDate' | 'document'> {
  @ManyToOne({ entity: () => Employee, ref: true, deleteRule: 'cascade' })
  employee!: Ref<Employee>;

  @Property({ type: 'string', length: 16 })
  kind!: SeniorityKind;

  @Property({ type: 'date' })
  startDate!: string;

  @Property({ type: 'date', nullable: true })
  endDate: string | null = null;

  /** 1.5 where a year counts as a year and a half (some medical posts). */
  @Property({ type: 'decimal', precision: 3, scale: 2 })
  factor!: string;

  /** The document that confirms it (трудовая книжка, справка …). */
  @Property({ type: 'string', length: 300, nullable: true })
  document: string | null = null;
}
