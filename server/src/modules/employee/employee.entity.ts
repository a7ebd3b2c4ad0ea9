import { Entity, Index, ManyToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import { ExternalRecord } from '../../core/orm/base.entity.js';
import { joinWhenRead } from '../../core/orm/loaders.js';
import type { Row } from '../../core/orm/rows.js';
import { Organization } from '../organization/index.js';
import { Department } from './department.entity.js';
import { Position } from '../position/index.js';

export type Gender = 'MALE' | 'FEMALE';

/** A person employed by the organization; the personal file (личное дело) hangs off this record. */
@Entity({ tableName: 'employee' })
@Unique({ properties: ['organization', 'externalSource', 'externalId'] })
@Unique({ properties: ['organization', 'personnelNumber'] })
@Index({ properties: ['organization', 'lastName', 'firstName', 'id'] })
@Index({ properties: ['manager'] })
@Index({ properties: ['department'] })
export class Employee extends ExternalRecord<
  | 'middleName'
  | 'gender'
  | 'birthDate'
  | 'email'
  | 'workPhone'
  | 'mobilePhone'
  | 'department'
  | 'position'
  | 'manager'
  | 'dismissalDate'
  | 'snils'
  | 'inn'
  | 'formerNames'
  | 'birthPlace'
  | 'citizenship'
  | 'registrationAddress'
  | 'residenceAddress'
  | 'maritalStatus'
  | 'militaryCategory'
  | 'deletedAt'
> {
  @ManyToOne({ entity: () => Organization, ref: true, deleteRule: 'cascade' })
  organization!: Ref<Organization>;

  /** Табельный номер, unique within the organization. */
  @Property({ type: 'string', length: 32 })
  personnelNumber!: string;

  @Property({ type: 'string', length: 100 })
  lastName!: string;

  @Property({ type: 'string', length: 100 })
  firstName!: string;

  @Property({ type: 'string', length: 100, nullable: true })
  middleName: string | null = null;

  @Property({ type: 'string', length: 6, nullable: true })
  gender: Gender | null = null;

  @Property({ type: 'date', nullable: true })
  birthDate: string | null = null;

  @Property({ type: 'string', length: 254, nullable: true })
  email: string | null = null;

  @Property({ type: 'string', length: 32, nullable: true })
  workPhone: string | null = null;

  @Property({ type: 'string', length: 32, nullable: true })
  mobilePhone: string | null = null;

  @ManyToOne({ entity: () => Department, ref: true, nullable: true, deleteRule: 'set null' })
  department: Ref<Department> | null = null;

  @ManyToOne({ entity: () => Position, ref: true, nullable: true, deleteRule: 'set null' })
  position: Ref<Position> | null = null;

  /** An explicit manager; when absent the head of the department manages the employee. */
  @ManyToOne({ entity: () => Employee, ref: true, nullable: true, deleteRule: 'set null' })
  manager: Ref<Employee> | null = null;

  @Property({ type: 'date' })
  hireDate!: string;

  @Property({ type: 'date', nullable: true })
  dismissalDate: string | null = null;

  /** СНИЛС as 11 digits; shown masked to all but the owner and HR. */
  @Property({ type: 'string', length: 11, nullable: true })
  snils: string | null = null;

  /** ИНН of a person: 12 digits; masked like СНИЛС. */
  @Property({ type: 'string', length: 12, nullable: true })
  inn: string | null = null;

  /** Earlier surnames or full names, e.g. before marriage: «Иванова (до 2015)». */
  @Property({ type: 'array', columnType: 'text[]' })
  formerNames: string[] = [];

  @Property({ type: 'string', length: 300, nullable: true })
  birthPlace: string | null = null;

  @Property({ type: 'string', length: 100, nullable: true })
  citizenship: string | null = null;

  /** Адрес регистрации. */
  @Property({ type: 'string', length: 500, nullable: true })
  registrationAddress: string | null = null;

  /** Адрес фактического проживания. */
  @Property({ type: 'string', length: 500, nullable: true })
  residenceAddress: string | null = null;

  @Property({ type: 'string', length: 24, nullable: true })
  maritalStatus: string | null = null;

  /** Воинский учёт: категория запаса, or null when not liable. */
  @Property({ type: 'string', length: 100, nullable: true })
  militaryCategory: string | null = null;
  /** Deleted by the system of record; kept because history refers to it, hidden everywhere else. */
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  deletedAt: Date | null = null;
}

/** The identity document (паспорт РФ): series and number are masked like СНИЛС. */
@Entity({ tableName: 'identity_document' })
@Unique({ properties: ['employee'] })
export class IdentityDocument extends ExternalRecord<'divisionCode'> {
  @ManyToOne({ entity: () => Employee, ref: true, deleteRule: 'cascade' })
  employee!: Ref<Employee>;

  @Property({ type: 'string', length: 64 })
  kind: string = 'Паспорт гражданина РФ';

  @Property({ type: 'string', length: 8 })
  series!: string;

  @Property({ type: 'string', length: 16 })
  number!: string;

  @Property({ type: 'string', length: 500 })
  issuedBy!: string;

  @Property({ type: 'date' })
  issueDate!: string;

  @Property({ type: 'string', length: 8, nullable: true })
  divisionCode: string | null = null;
}

/** A family member as the personal file records them (состав семьи). */
@Entity({ tableName: 'family_member' })
@Index({ properties: ['employee'] })
@Unique({ properties: ['externalSource', 'externalId', 'employee'] })
export class FamilyMember extends ExternalRecord<'birthDate'> {
  @ManyToOne({ entity: () => Employee, ref: true, deleteRule: 'cascade' })
  employee!: Ref<Employee>;

  /** Степень родства: супруг(а), сын, дочь … */
  @Property({ type: 'string', length: 50 })
  relation!: string;

  @Property({ type: 'string', length: 300 })
  fullName!: string;

  @Property({ type: 'date', nullable: true })
  birthDate: string | null = null;
}

/** A personal file as reads need it: an entity or a plain row of a list (see `Row`). */
export type EmployeeRow = Row<Employee>;

// Nearly every read of a file shows its department and position: they come with the row.
joinWhenRead(Employee, ['department', 'position']);
