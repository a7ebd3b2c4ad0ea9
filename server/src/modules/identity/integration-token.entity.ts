import { Entity, Index, ManyToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import { BaseEntity } from '../../core/orm/base.entity.js';
import { User } from './user.entity.js';
import { Organization } from '../organization/index.js';

/**
 * A credential of the system of record (INTEGRATION): an opaque token shown once at creation and
 * stored as its SHA-256, like a session, but without idle or absolute expiry: it lasts until an
 * admin revokes it. Each token acts as its own service account, so journals name the token.
 */
@Entity({ tableName: 'integration_token' })
@Unique({ properties: ['tokenHash'] })
@Index({ properties: ['organization', 'createdAt'] })
export class IntegrationToken extends BaseEntity<'lastUsedAt' | 'revokedAt' | 'revokedBy'> {
  @ManyToOne({ entity: () => Organization, ref: true, deleteRule: 'cascade' })
  organization!: Ref<Organization>;

  /** What the admin called it, e.g. «1С:ЗКГУ, выгрузка каждую ночь». */
  @Property({ type: 'string', length: 200 })
  name!: string;

  /** The service account (role INTEGRATION, no password) the token signs in as. */
  @ManyToOne({ entity: () => User, ref: true, deleteRule: 'cascade' })
  user!: Ref<User>;

  @Property({ type: 'string', length: 64, hidden: true })
  tokenHash!: string;

  /** The last four characters of the token, so an admin can tell tokens apart. */
  @Property({ type: 'string', length: 4 })
  hint!: string;

  @ManyToOne({ entity: () => User, ref: true, deleteRule: 'cascade' })
  createdBy!: Ref<User>;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  lastUsedAt: Date | null = null;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  revokedAt: Date | null = null;

  @ManyToOne({ entity: () => User, ref: true, nullable: true, deleteRule: 'set null' })
  revokedBy: Ref<User> | null = null;
}
