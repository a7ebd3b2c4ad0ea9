import { OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { v7 as uuidv7 } from 'uuid';

/** Time-ordered UUIDs keep primary-key indexes compact and make ids safe to show. */
export const newId = (): string => uuidv7();

/** Identity and audit timestamps shared by every table. */
export abstract class BaseEntity<Optional = never> {
  [OptionalProps]?: 'createdAt' | 'updatedAt' | Optional;

  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'current_timestamp' })
  createdAt: Date = new Date();

  @Property({
    type: 'datetime',
    columnType: 'timestamptz',
    defaultRaw: 'current_timestamp',
    onUpdate: () => new Date(),
  })
  updatedAt: Date = new Date();
}

/**
 * A record owned by the HR/payroll system of record: `externalId` is its key there, unique per
 * organization and source system, so an importer can upsert by it.
 */
export abstract class ExternalRecord<Optional = never> extends BaseEntity<
  'externalSource' | 'externalId' | Optional
> {
  @Property({ type: 'string', length: 64, nullable: true })
  externalSource: string | null = null;

  @Property({ type: 'string', length: 128, nullable: true })
  externalId: string | null = null;
}
