import { Entity, ManyToOne, OneToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import { BaseEntity } from '../../core/orm/base.entity.js';
import { Organization } from '../organization/organization.entity.js';
import { Employee } from '../employee/employee.entity.js';

/** Roles held as data; MANAGER is derived from heading a department or having reports. */
export const StoredRoles = [
  'EMPLOYEE',
  'HR',
  'ACCOUNTANT',
  'ADMIN',
  'EXTERNAL',
  'INTEGRATION',
] as const;
export type StoredRole = (typeof StoredRoles)[number];

/** An account that signs in: an employee's, an external third party's or a service account. */
@Entity({ tableName: 'app_user' })
@Unique({ properties: ['login'] })
export class User extends BaseEntity<'employee' | 'passwordHash' | 'displayName' | 'disabledAt'> {
  @ManyToOne({ entity: () => Organization, ref: true, deleteRule: 'cascade' })
  organization!: Ref<Organization>;

  /** Stored lower-case; compared case-insensitively. */
  @Property({ type: 'string', length: 100 })
  login!: string;

  /** argon2id hash; null for accounts that cannot sign in interactively. */
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

  @Property({ type: 'array', columnType: 'text[]' })
  roles: StoredRole[] = [];

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  disabledAt: Date | null = null;
}
