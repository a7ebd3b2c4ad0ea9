import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectionType } from '../../core/graphql/connection.js';
import { LocalDateScalar } from '../../core/graphql/scalars.js';
import { FileSectionValue } from '../organization/index.js';

export enum GenderValue {
  MALE = 'MALE',
  FEMALE = 'FEMALE',
}
registerEnumType(GenderValue, { name: 'Gender' });

@ObjectType('Employee', { description: 'A person employed by the organization.' })
export class EmployeeType {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'Табельный номер.' })
  personnelNumber!: string;

  @Field(() => String)
  lastName!: string;

  @Field(() => String)
  firstName!: string;

  @Field(() => String, { nullable: true, description: 'Отчество.' })
  middleName!: string | null;

  @Field(() => String, { nullable: true, description: 'Work e-mail.' })
  email!: string | null;

  @Field(() => String, { nullable: true })
  workPhone!: string | null;

  @Field(() => LocalDateScalar)
  hireDate!: string;

  @Field(() => LocalDateScalar, { nullable: true })
  dismissalDate!: string | null;
}

export const EmployeeConnection = ConnectionType(EmployeeType, 'Employee');

@ObjectType('EmployeePermissions', { description: 'What the viewer may do with this file.' })
export class EmployeePermissions {
  @Field(() => [FileSectionValue], { description: 'Sections of the file the viewer may read.' })
  sections!: FileSectionValue[];

  @Field(() => Boolean, { description: 'May see СНИЛС and ИНН in full (with `reveal: true`).' })
  revealIdentifiers!: boolean;
}
