import { Entity, Index, ManyToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import { ExternalRecord } from '../../core/orm/base.entity.js';
import type { Row } from '../../core/orm/rows.js';
import { Organization } from '../organization/index.js';
import { Employee } from './employee.entity.js';

/** A department (подразделение); departments form a tree inside an organization. */
@Entity({ tableName: 'department' })
@Unique({ properties: ['organization', 'externalSource', 'externalId'] })
@Index({ properties: ['organization', 'parent'] })
export class Department extends ExternalRecord<
  'parent' | 'head' | 'code' | 'sortOrder' | 'deletedAt'
> {
  @ManyToOne({ entity: () => Organization, ref: true, deleteRule: 'cascade' })
  organization!: Ref<Organization>;

  @ManyToOne({ entity: () => Department, ref: true, nullable: true, deleteRule: 'set null' })
  parent: Ref<Department> | null = null;

  @Property({ type: 'string', length: 300 })
  name!: string;

  @Property({ type: 'string', length: 32, nullable: true })
  code: string | null = null;

  /** The head of the department (руководитель); the default manager of its people. */
  @ManyToOne({ entity: () => Employee, ref: true, nullable: true, deleteRule: 'set null' })
  head: Ref<Employee> | null = null;

  @Property({ type: 'integer' })
  sortOrder: number = 0;

  /** Deleted by the system of record; kept because history refers to it, hidden everywhere else. */
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  deletedAt: Date | null = null;
}

/** A department as reads need it: an entity or a plain row (see `Row`). */
export type DepartmentRow = Row<Department>;
