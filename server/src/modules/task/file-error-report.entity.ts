import { Entity, Index, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { BaseEntity } from '../../core/orm/base.entity.js';
import { Employee } from '../employee/index.js';
import { User } from '../identity/index.js';
import type { FileSection } from '../organization/index.js';

/** An employee's report that a section of their file is wrong; HR works it as a FILE_CORRECTION task. */
@Entity({ tableName: 'file_error_report' })
@Index({ properties: ['employee', 'createdAt'] })
export class FileErrorReport extends BaseEntity<'resolvedAt'> {
  @ManyToOne({ entity: () => Employee, ref: true, deleteRule: 'cascade' })
  employee!: Ref<Employee>;

  @ManyToOne({ entity: () => User, ref: true, deleteRule: 'cascade' })
  reportedBy!: Ref<User>;

  @Property({ type: 'string', length: 32 })
  section!: FileSection;

  @Property({ type: 'text' })
  comment!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  resolvedAt: Date | null = null;
}
