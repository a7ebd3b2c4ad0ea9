import { Field, ObjectType } from 'type-graphql';
import { LocalDateScalar } from '../../core/graphql/scalars.js';
import { FileSectionValue } from '../employee/employee.type.js';
import type { FileSection } from '../organization/organization-settings.entity.js';

@ObjectType('DashboardDueDate', {
  description:
    'When something in the own file is next due (an attestation, a medical examination).',
})
export class DashboardDueDate {
  @Field(() => FileSectionValue)
  section!: FileSection;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'The nearest from today; none set.',
  })
  date!: string | null;
}
