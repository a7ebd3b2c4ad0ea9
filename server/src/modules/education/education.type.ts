import { Field, ID, Int, ObjectType } from 'type-graphql';
import { graphqlEnum } from '../../core/graphql/enums.js';
import { Provenance } from '../../core/graphql/provenance.js';
import { LocalDateScalar } from '../../core/graphql/scalars.js';
import { EducationKinds } from './education.entity.js';

export const EducationKindValue = graphqlEnum(EducationKinds, 'EducationKind');

@ObjectType('EducationRecord', { description: 'Education, a course, a degree or a language.' })
export class EducationRecordType {
  @Field(() => ID)
  id!: string;

  @Field(() => EducationKindValue)
  kind!: string;

  @Field(() => String, { nullable: true, description: 'Level, degree or title, or the language.' })
  level!: string | null;

  @Field(() => String, { nullable: true })
  institution!: string | null;

  @Field(() => String, { nullable: true })
  specialty!: string | null;

  @Field(() => String, { nullable: true })
  qualification!: string | null;

  @Field(() => String, { nullable: true })
  program!: string | null;

  @Field(() => Int, { nullable: true })
  hours!: number | null;

  @Field(() => String, { nullable: true, description: 'Diploma or certificate number.' })
  documentNumber!: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  startDate!: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  endDate!: string | null;

  @Field(() => Int, { nullable: true })
  year!: number | null;

  @Field(() => String, { nullable: true })
  proficiency!: string | null;
}

@ObjectType('EducationSection', { description: 'Education of a personal file (EDUCATION).' })
export class EducationSection {
  @Field(() => [EducationRecordType])
  basic!: object[];

  @Field(() => [EducationRecordType], { description: 'Повышение квалификации, newest first.' })
  professionalDevelopment!: object[];

  @Field(() => [EducationRecordType], { description: 'Профессиональная переподготовка.' })
  retraining!: object[];

  @Field(() => [EducationRecordType], { description: 'Учёные степени и звания.' })
  degrees!: object[];

  @Field(() => [EducationRecordType])
  languages!: object[];

  @Field(() => LocalDateScalar, { nullable: true, description: 'End of the latest course.' })
  lastCourseEnd!: string | null;

  @Field(() => Provenance)
  provenance!: Provenance;
}
