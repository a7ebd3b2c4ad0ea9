import { Entity, Index, ManyToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import { ExternalRecord } from '../../core/orm/base.entity.js';
import { Department, Employee } from '../employee/index.js';
import { Organization } from '../organization/index.js';
import { Position } from '../position/index.js';

export const AssignmentKinds = ['HIRE', 'TRANSFER', 'DISMISSAL', 'COMBINATION'] as const;
export type AssignmentKind = (typeof AssignmentKinds)[number];

/**
 * One entry of the employment history (трудовая деятельность): a hire, transfer, dismissal or
 * combination (совмещение), made by an order (приказ), in a department and position at a rate.
 */
@Entity({ tableName: 'assignment' })
@Unique({ properties: ['organization', 'externalSource', 'externalId'] })
@Index({ properties: ['employee', 'startDate'] })
export class Assignment extends ExternalRecord<
  'endDate' | 'orderNumber' | 'orderDate' | 'department' | 'position'
> {
  @ManyToOne({ entity: () => Organization, ref: true, deleteRule: 'cascade' })
  organization!: Ref<Organization>;

  @ManyToOne({ entity: () => Employee, ref: true, deleteRule: 'cascade' })
  employee!: Ref<Employee>;

  @Property({ type: 'string', length: 16 })
  kind!: AssignmentKind;

  @Property({ type: 'string', length: 32, nullable: true })
  orderNumber: string | null = null;

  @Property({ type: 'date', nullable: true })
  orderDate: string | null = null;

  @ManyToOne({ entity: () => Department, ref: true, nullable: true, deleteRule: 'set null' })
  department: Ref<Department> | null = null;

  @ManyToOne({ entity: () => Position, ref: true, nullable: true, deleteRule: 'set null' })
  position: Ref<Position> | null = null;

  /** Ставка: a fraction of a full-time slot, 0.01 to 1.50. */
  @Property({ type: 'decimal', precision: 3, scale: 2 })
  rate!: string;

  @Property({ type: 'date' })
  startDate!: string;

  /** Inclusive; null while the assignment lasts. */
  @Property({ type: 'date', nullable: true })
  endDate: string | null = null;
}

/** Work before this organization (предыдущие места работы), part of the record and of seniority. */
@Entity({ tableName: 'previous_employment' })
@Index({ properties: ['employee', 'startDate'] })
@Unique({ properties: ['externalSource', 'externalId', 'employee'] })
export class PreviousEmployment extends ExternalRecord<
  'position' | 'countsAsPedagogical' | 'countsAsMedical'
> {
  @ManyToOne({ entity: () => Employee, ref: true, deleteRule: 'cascade' })
  employee!: Ref<Employee>;

  @Property({ type: 'string', length: 500 })
  employer!: string;

  @Property({ type: 'string', length: 300, nullable: true })
  position: string | null = null;

  @Property({ type: 'date' })
  startDate!: string;

  @Property({ type: 'date' })
  endDate!: string;

  /** Counts towards педагогический стаж. */
  @Property({ type: 'boolean' })
  countsAsPedagogical: boolean = false;

  /** Counts towards медицинский стаж. */
  @Property({ type: 'boolean' })
  countsAsMedical: boolean = false;
}
