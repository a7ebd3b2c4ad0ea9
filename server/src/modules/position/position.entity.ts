import { Entity, ManyToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import { ExternalRecord } from '../../core/orm/base.entity.js';
import { Organization } from '../organization/organization.entity.js';

/** A position (должность) in the organization's staff schedule. */
@Entity({ tableName: 'position' })
@Unique({ properties: ['organization', 'externalSource', 'externalId'] })
export class Position extends ExternalRecord<'category'> {
  @ManyToOne({ entity: () => Organization, ref: true, deleteRule: 'cascade' })
  organization!: Ref<Organization>;

  @Property({ type: 'string', length: 300 })
  name!: string;

  /** Staff category, e.g. педагогический работник, АУП, медицинский персонал. */
  @Property({ type: 'string', length: 100, nullable: true })
  category: string | null = null;
}
