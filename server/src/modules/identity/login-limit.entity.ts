import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * Failed sign-in counters, written by LoginLimitStore in plain SQL (never by the ORM).
 * Mapped so that generated migrations know the table instead of proposing to drop it.
 */
@Entity({ tableName: 'login_limit' })
export class LoginLimit {
  @PrimaryKey({ type: 'string', length: 255 })
  key!: string;

  @Property({ type: 'integer', default: 0 })
  points!: number;

  @Property({ type: 'bigint', nullable: true })
  expire!: string | null;
}
