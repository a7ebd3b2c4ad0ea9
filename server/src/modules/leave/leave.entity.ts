import { Entity, Index, ManyToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import { ExternalRecord } from '../../core/orm/base.entity.js';
import { Employee } from '../employee/index.js';
import { Organization } from '../organization/index.js';

/** One absence: annual, additional, unpaid, study, childcare or maternity leave, or a sick note. */
@Entity({ tableName: 'leave_record' })
@Unique({ properties: ['organization', 'externalSource', 'externalId'] })
@Index({ properties: ['employee', 'startDate'] })
export class LeaveRecord extends ExternalRecord<'orderNumber' | 'orderDate' | 'sickNoteNumber'> {
  @ManyToOne({ entity: () => Organization, ref: true, deleteRule: 'cascade' })
  organization!: Ref<Organization>;

  @ManyToOne({ entity: () => Employee, ref: true, deleteRule: 'cascade' })
  employee!: Ref<Employee>;

  @Property({ type: 'string', length: 24 })
  kind!: string;

  @Property({ type: 'date' })
  startDate!: string;

  /** Inclusive. */
  @Property({ type: 'date' })
  endDate!: string;

  /** Days charged, as the order states them (holidays inside annual leave are not charged). */
  @Property({ type: 'integer' })
  days!: number;

  @Property({ type: 'string', length: 32, nullable: true })
  orderNumber: string | null = null;

  @Property({ type: 'date', nullable: true })
  orderDate: string | null = null;

  /** Электронный листок нетрудоспособности, for sick leave. */
  @Property({ type: 'string', length: 32, nullable: true })
  sickNoteNumber: string | null = null;
}

/** A planned leave in the yearly schedule (график отпусков, ст. 123 ТК). */
@Entity({ tableName: 'leave_schedule_entry' })
@Unique({ properties: ['organization', 'externalSource', 'externalId'] })
@Index({ properties: ['employee', 'year'] })
export class LeaveScheduleEntry extends ExternalRecord {
  @ManyToOne({ entity: () => Organization, ref: true, deleteRule: 'cascade' })
  organization!: Ref<Organization>;

  @ManyToOne({ entity: () => Employee, ref: true, deleteRule: 'cascade' })
  employee!: Ref<Employee>;

  @Property({ type: 'integer' })
  year!: number;

  @Property({ type: 'date' })
  startDate!: string;

  @Property({ type: 'date' })
  endDate!: string;

  @Property({ type: 'integer' })
  days!: number;
}
