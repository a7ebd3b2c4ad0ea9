import { Field, ObjectType } from 'type-graphql';
import { LocalDateScalar } from '../../core/graphql/scalars.js';
import { type FileSection, FileSectionValue } from '../organization/index.js';

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
