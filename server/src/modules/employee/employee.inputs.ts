import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { ForwardPageArgs } from '../../core/graphql/connection.js';

@InputType('EmployeeFilter')
export class EmployeeFilter {
  @Field(() => ID, { nullable: true, description: 'Only this department and its sub-departments.' })
  departmentId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Matches the start of the last, first or middle name, or the personnel number.',
  })
  search?: string | null;

  @Field(() => Boolean, { defaultValue: false, description: 'Include dismissed employees.' })
  includeDismissed!: boolean;
}

@ArgsType()
export class EmployeesArgs extends ForwardPageArgs {
  @Field(() => EmployeeFilter, { nullable: true })
  filter?: EmployeeFilter | null;
}
