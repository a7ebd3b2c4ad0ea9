import { Entity, Index, ManyToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import { ExternalRecord } from '../../core/orm/base.entity.js';
import { Employee } from '../employee/index.js';
import { Organization } from '../organization/index.js';

export const AttestationKinds = ['REGULAR', 'EXTRAORDINARY'] as const;
export const AttestationPurposes = ['POST_FITNESS', 'QUALIFICATION_CATEGORY'] as const;
export const AttestationDecisions = ['MEETS', 'MEETS_CONDITIONALLY', 'DOES_NOT_MEET'] as const;

/** An attestation (аттестация): fitness for the post, or a qualification category (teachers: 5 years). */
@Entity({ tableName: 'attestation' })
@Unique({ properties: ['organization', 'externalSource', 'externalId'] })
@Index({ properties: ['employee', 'date'] })
export class Attestation extends ExternalRecord<
  | 'commission'
  | 'category'
  | 'validUntil'
  | 'nextDueDate'
  | 'recommendations'
  | 'protocolNumber'
  | 'orderNumber'
  | 'orderDate'
> {
  @ManyToOne({ entity: () => Organization, ref: true, deleteRule: 'cascade' })
  organization!: Ref<Organization>;

  @ManyToOne({ entity: () => Employee, ref: true, deleteRule: 'cascade' })
  employee!: Ref<Employee>;

  @Property({ type: 'string', length: 16 })
  kind!: (typeof AttestationKinds)[number];

  @Property({ type: 'string', length: 24 })
  purpose!: (typeof AttestationPurposes)[number];

  @Property({ type: 'date' })
  date!: string;

  @Property({ type: 'string', length: 300, nullable: true })
  commission: string | null = null;

  @Property({ type: 'string', length: 24 })
  decision!: (typeof AttestationDecisions)[number];

  /** Категория: первая, высшая. */
  @Property({ type: 'string', length: 50, nullable: true })
  category: string | null = null;

  @Property({ type: 'date', nullable: true })
  validUntil: string | null = null;

  @Property({ type: 'date', nullable: true })
  nextDueDate: string | null = null;

  @Property({ type: 'text', nullable: true })
  recommendations: string | null = null;

  @Property({ type: 'string', length: 32, nullable: true })
  protocolNumber: string | null = null;

  @Property({ type: 'string', length: 32, nullable: true })
  orderNumber: string | null = null;

  @Property({ type: 'date', nullable: true })
  orderDate: string | null = null;
}
