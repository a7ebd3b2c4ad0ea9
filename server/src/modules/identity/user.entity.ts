import { Entity, Index, ManyToOne, OneToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import type { Role } from '../../core/auth/viewer.js';
import { BaseEntity } from '../../core/orm/base.entity.js';
import { Organization } from '../organization/index.js';
import { Employee } from '../employee/index.js';

/** Roles held as data: all but MANAGER, which is derived from heading a department or having reports. */
export type StoredRole = Exclude<Role, 'MANAGER'>;

/** PENDING: a registered third party awaiting an admin; only ACTIVE accounts sign in. */
export const UserStatuses = ['PENDING', 'ACTIVE', 'REJECTED', 'DISABLED'] as const;
export type UserStatus = (typeof UserStatuses)[number];

/** An account that signs in: an employee's, an external third party's or a service account. */
@Entity({ tableName: 'app_user' })
@Unique({ properties: ['login'] })
@Index({ properties: ['organization', 'status'] })
export class User extends BaseEntity<
  'employee' | 'passwordHash' | 'displayName' | 'email' | 'status' | 'reviewedAt' | 'reviewedBy'
> {
  @ManyToOne({ entity: () => Organization, ref: true, deleteRule: 'cascade' })
  organization!: Ref<Organization>;

  /** Stored lower-case; compared case-insensitively. */
  @Property({ type: 'string', length: 100 })
  login!: string;

  /** argon2id hash; null for accounts that cannot sign in interactively (service accounts). */
  @Property({ type: 'text', nullable: true, hidden: true, lazy: true })
  passwordHash: string | null = null;

  @OneToOne({
    entity: () => Employee,
    ref: true,
    nullable: true,
    owner: true,
    deleteRule: 'set null',
  })
  employee: Ref<Employee> | null = null;

  /** Shown for accounts without an employee record (external users, service accounts). */
  @Property({ type: 'string', length: 300, nullable: true })
  displayName: string | null = null;

  /** Contact e-mail of an external user. */
  @Property({ type: 'string', length: 254, nullable: true })
  email: string | null = null;

  @Property({ type: 'array', columnType: 'text[]' })
  roles: StoredRole[] = [];

  @Property({ type: 'string', length: 16, default: 'ACTIVE' })
  status: UserStatus = 'ACTIVE';

  /** When and by whom a registration was approved or rejected. */
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  reviewedAt: Date | null = null;

  @ManyToOne({ entity: () => User, ref: true, nullable: true, deleteRule: 'set null' })
  reviewedBy: Ref<User> | null = null;
}
