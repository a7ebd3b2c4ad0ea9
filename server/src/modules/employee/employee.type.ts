import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectionType } from '../../core/graphql/connection.js';
import { LocalDateScalar } from '../../core/graphql/scalars.js';

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

  @Field(() => GenderValue, { nullable: true })
  gender!: GenderValue | null;

  @Field(() => LocalDateScalar, { nullable: true })
  birthDate!: string | null;

  @Field(() => String, { nullable: true })
  email!: string | null;

  @Field(() => String, { nullable: true })
  workPhone!: string | null;

  @Field(() => String, { nullable: true })
  mobilePhone!: string | null;

  @Field(() => LocalDateScalar)
  hireDate!: string;

  @Field(() => LocalDateScalar, { nullable: true })
  dismissalDate!: string | null;
}

export const EmployeeConnection = ConnectionType(EmployeeType, 'Employee');
