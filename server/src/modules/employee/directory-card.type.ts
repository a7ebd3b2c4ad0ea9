import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType('DirectoryCard', {
  description:
    "A colleague as the organization's directory shows them to any member: name, post, department " +
    'and work contacts; no personnel number, hire date or personal data. Not journalled.',
})
export class DirectoryCardType {
  @Field(() => ID, { description: "The person's file id (opening the file is a separate check)." })
  id!: string;

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
}
