import { Field, ID, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../../core/graphql/scalars.js';
import { FileSectionValue } from '../organization/index.js';

@ObjectType('FileErrorReport', {
  description: 'An employee says a section of their file is wrong.',
})
export class FileErrorReportType {
  @Field(() => ID)
  id!: string;

  @Field(() => FileSectionValue)
  section!: string;

  @Field(() => String)
  comment!: string;

  @Field(() => DateTimeScalar)
  createdAt!: Date;
}
