import { Entity, Property, Unique } from '@mikro-orm/core';
import { ExternalRecord } from '../../core/orm/base.entity.js';
import { DEFAULT_TIME_ZONE } from './time-zone.js';

/** An institution (учреждение); several can share one installation. */
@Entity({ tableName: 'organization' })
@Unique({ properties: ['externalSource', 'externalId'] })
export class Organization extends ExternalRecord<
  'shortName' | 'inn' | 'kpp' | 'address' | 'timeZone'
> {
  @Property({ type: 'string', length: 500 })
  name!: string;

  @Property({ type: 'string', length: 200, nullable: true })
  shortName: string | null = null;

  /** ИНН of a legal entity: 10 digits. */
  @Property({ type: 'string', length: 12, nullable: true })
  inn: string | null = null;

  @Property({ type: 'string', length: 9, nullable: true })
  kpp: string | null = null;

  @Property({ type: 'string', length: 500, nullable: true })
  address: string | null = null;

  /** IANA time zone the organization works in; dates shown to its people are in this zone. */
  @Property({ type: 'string', length: 64 })
  timeZone: string = DEFAULT_TIME_ZONE;
}
