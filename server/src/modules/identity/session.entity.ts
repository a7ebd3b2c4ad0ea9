import { Entity, Index, ManyToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import { BaseEntity } from '../../core/orm/base.entity.js';
import { User } from './user.entity.js';

/**
 * A signed-in session. The client holds an opaque random token; only its SHA-256 is stored, so a
 * leaked table grants nothing. Expires after IDLE minutes without use or ABSOLUTE hours in all.
 */
@Entity({ tableName: 'session' })
@Unique({ properties: ['tokenHash'] })
@Index({ properties: ['user', 'revokedAt'] })
export class Session extends BaseEntity<'revokedAt' | 'ip' | 'userAgent' | 'lastSeenAt'> {
  @ManyToOne({ entity: () => User, ref: true, deleteRule: 'cascade' })
  user!: Ref<User>;

  @Property({ type: 'string', length: 64 })
  tokenHash!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  lastSeenAt: Date = new Date();

  /** The absolute end of the session, whatever its use. */
  @Property({ type: 'datetime', columnType: 'timestamptz' })
  expiresAt!: Date;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  revokedAt: Date | null = null;

  @Property({ type: 'string', length: 64, nullable: true })
  ip: string | null = null;

  @Property({ type: 'string', length: 300, nullable: true })
  userAgent: string | null = null;
}
