import { Entity, Index, ManyToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import { ExternalRecord } from '../../core/orm/base.entity.js';
import { Employee } from '../employee/index.js';
import { Organization } from '../organization/index.js';

export const TripStatuses = [
  'REQUESTED',
  'APPROVED',
  'ORDER_ISSUED',
  'ON_TRIP',
  'REPORT_SUBMITTED',
  'CLOSED',
  'CANCELLED',
] as const;
export type TripStatus = (typeof TripStatuses)[number];

/** A business trip (командировка), from request to the closed expense report (авансовый отчёт). */
@Entity({ tableName: 'business_trip' })
@Unique({ properties: ['organization', 'externalSource', 'externalId'] })
@Index({ properties: ['employee', 'startDate'] })
export class BusinessTrip extends ExternalRecord<
  | 'hostOrganization'
  | 'orderNumber'
  | 'orderDate'
  | 'advanceAmount'
  | 'reportAmount'
  | 'fundingSource'
> {
  @ManyToOne({ entity: () => Organization, ref: true, deleteRule: 'cascade' })
  organization!: Ref<Organization>;

  @ManyToOne({ entity: () => Employee, ref: true, deleteRule: 'cascade' })
  employee!: Ref<Employee>;

  @Property({ type: 'string', length: 200 })
  destination!: string;

  @Property({ type: 'string', length: 300, nullable: true })
  hostOrganization: string | null = null;

  @Property({ type: 'string', length: 500 })
  purpose!: string;

  /** Travel days included. */
  @Property({ type: 'date' })
  startDate!: string;

  @Property({ type: 'date' })
  endDate!: string;

  @Property({ type: 'string', length: 32, nullable: true })
  orderNumber: string | null = null;

  @Property({ type: 'date', nullable: true })
  orderDate: string | null = null;

  @Property({ type: 'string', length: 200, nullable: true })
  fundingSource: string | null = null;

  /** Аванс, exact to the kopeck. */
  @Property({ type: 'decimal', precision: 14, scale: 2, nullable: true })
  advanceAmount: string | null = null;

  /** The expense report's total, once submitted. */
  @Property({ type: 'decimal', precision: 14, scale: 2, nullable: true })
  reportAmount: string | null = null;

  @Property({ type: 'string', length: 24 })
  status!: TripStatus;
}
