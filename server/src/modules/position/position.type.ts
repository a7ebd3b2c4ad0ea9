import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType('Position', { description: 'A position (должность) in the staff schedule.' })
export class PositionType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true, description: 'Staff category.' })
  category!: string | null;
}
