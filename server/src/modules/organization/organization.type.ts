import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType('Organization', { description: 'An institution (учреждение).' })
export class OrganizationType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  shortName!: string | null;

  @Field(() => String, { nullable: true, description: 'ИНН' })
  inn!: string | null;

  @Field(() => String, { nullable: true, description: 'КПП' })
  kpp!: string | null;

  @Field(() => String, { nullable: true })
  address!: string | null;

  @Field(() => String, { description: 'IANA time zone, e.g. Europe/Moscow.' })
  timeZone!: string;
}
