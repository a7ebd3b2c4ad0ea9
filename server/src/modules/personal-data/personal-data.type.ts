import { Field, ID, ObjectType } from 'type-graphql';
import { Provenance } from '../../core/graphql/provenance.js';
import { LocalDateScalar } from '../../core/graphql/scalars.js';

@ObjectType('IdentityDocument', {
  description: 'Паспорт: series and number masked but for the owner and HR.',
})
export class IdentityDocumentType {
  @Field(() => String)
  kind!: string;

  @Field(() => String)
  series!: string;

  @Field(() => String)
  number!: string;

  @Field(() => String)
  issuedBy!: string;

  @Field(() => LocalDateScalar)
  issueDate!: string;

  @Field(() => String, { nullable: true, description: 'Код подразделения.' })
  divisionCode!: string | null;
}

@ObjectType('FamilyMember')
export class FamilyMemberType {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'Степень родства.' })
  relation!: string;

  @Field(() => String)
  fullName!: string;

  @Field(() => LocalDateScalar, { nullable: true })
  birthDate!: string | null;
}

@ObjectType('PersonalData', { description: 'The personal section of a file (PERSONAL).' })
export class PersonalDataSection {
  @Field(() => [String], { description: 'Former surnames or names.' })
  formerNames!: string[];

  @Field(() => String, { nullable: true })
  birthPlace!: string | null;

  @Field(() => String, { nullable: true })
  citizenship!: string | null;

  @Field(() => String, { nullable: true, description: 'Адрес регистрации.' })
  registrationAddress!: string | null;

  @Field(() => String, { nullable: true, description: 'Адрес проживания.' })
  residenceAddress!: string | null;

  @Field(() => String, { nullable: true })
  maritalStatus!: string | null;

  @Field(() => String, { nullable: true, description: 'Воинский учёт.' })
  militaryCategory!: string | null;

  @Field(() => IdentityDocumentType, { nullable: true })
  identityDocument!: IdentityDocumentType | null;

  @Field(() => [FamilyMemberType])
  familyMembers!: object[];

  @Field(() => Provenance)
  provenance!: Provenance;
}
