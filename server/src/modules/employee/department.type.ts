import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType('Department', { description: 'A department (подразделение); departments form a tree.' })
export class DepartmentType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  code!: string | null;

  @Field(() => Int, { description: 'Order among siblings.' })
  sortOrder!: number;
}
