import { Field, ID, InputType, Int } from 'type-graphql';
import { LocalDateScalar } from '../../core/graphql/scalars.js';
import { AssignmentKindValue } from '../assignment/index.js';
import { LeaveKindValue } from '../leave/index.js';
import { SeniorityKindValue } from '../seniority/index.js';
import { type EducationKind, EducationKindValue } from '../education/index.js';
import { type TripStatus, TripStatusValue } from '../trip/index.js';

@InputType('AssignmentInput', { description: 'A new or corrected employment history entry.' })
export class AssignmentInput {
  @Field(() => ID, { nullable: true, description: 'To correct an entry; omit to add one.' })
  id?: string | null;

  @Field(() => ID)
  employeeId!: string;

  @Field(() => AssignmentKindValue)
  kind!: 'HIRE' | 'TRANSFER' | 'DISMISSAL' | 'COMBINATION';

  @Field(() => String, { nullable: true })
  orderNumber?: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  orderDate?: string | null;

  @Field(() => ID, { nullable: true })
  departmentId?: string | null;

  @Field(() => ID, { nullable: true })
  positionId?: string | null;

  @Field(() => String, {
    description: 'Ставка as a decimal, above 0 and at most 1.5, e.g. "0.50".',
  })
  rate!: string;

  @Field(() => LocalDateScalar)
  startDate!: string;

  @Field(() => LocalDateScalar, { nullable: true })
  endDate?: string | null;
}

@InputType('LeaveInput', { description: 'A new or corrected leave.' })
export class LeaveInput {
  @Field(() => ID, { nullable: true })
  id?: string | null;

  @Field(() => ID)
  employeeId!: string;

  @Field(() => LeaveKindValue)
  kind!: string;

  @Field(() => LocalDateScalar)
  startDate!: string;

  @Field(() => LocalDateScalar)
  endDate!: string;

  @Field(() => Int, {
    nullable: true,
    description: 'Days charged; computed from the dates if omitted.',
  })
  days?: number | null;

  @Field(() => String, { nullable: true })
  orderNumber?: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  orderDate?: string | null;

  @Field(() => String, { nullable: true })
  sickNoteNumber?: string | null;
}

@InputType('SeniorityPeriodInput', {
  description: 'Seniority confirmed by documents, entered directly.',
})
export class SeniorityPeriodInput {
  @Field(() => ID, { nullable: true })
  id?: string | null;

  @Field(() => ID)
  employeeId!: string;

  @Field(() => SeniorityKindValue)
  kind!: 'GENERAL' | 'INSURANCE' | 'CONTINUOUS' | 'INSTITUTION' | 'PEDAGOGICAL' | 'MEDICAL';

  @Field(() => LocalDateScalar)
  startDate!: string;

  @Field(() => LocalDateScalar, { nullable: true })
  endDate?: string | null;

  @Field(() => String, { defaultValue: '1.00', description: 'What a day counts for, e.g. "1.50".' })
  factor!: string;

  @Field(() => String, { nullable: true })
  document?: string | null;
}

@InputType('IdentityDocumentInput', { description: 'Паспорт: replaces the one on file.' })
export class IdentityDocumentInput {
  @Field(() => String, { defaultValue: 'Паспорт гражданина РФ' })
  kind!: string;

  @Field(() => String, { description: 'Серия, e.g. "14 05".' })
  series!: string;

  @Field(() => String, { description: 'Номер, 6 digits.' })
  number!: string;

  @Field(() => String)
  issuedBy!: string;

  @Field(() => LocalDateScalar)
  issueDate!: string;

  @Field(() => String, { nullable: true, description: 'Код подразделения, e.g. "310-015".' })
  divisionCode?: string | null;
}

@InputType('FamilyMemberInput', { description: 'A new or corrected family member.' })
export class FamilyMemberInput {
  @Field(() => ID, { nullable: true })
  id?: string | null;

  @Field(() => ID)
  employeeId!: string;

  @Field(() => String)
  relation!: string;

  @Field(() => String)
  fullName!: string;

  @Field(() => LocalDateScalar, { nullable: true })
  birthDate?: string | null;
}

@InputType('PersonalDataInput', {
  description: 'Changes to the personal section; omitted fields stay.',
})
export class PersonalDataInput {
  @Field(() => IdentityDocumentInput, { nullable: true })
  identityDocument?: IdentityDocumentInput | null;

  @Field(() => [String], { nullable: true })
  formerNames?: string[] | null;

  @Field(() => String, { nullable: true })
  birthPlace?: string | null;

  @Field(() => String, { nullable: true })
  citizenship?: string | null;

  @Field(() => String, { nullable: true })
  registrationAddress?: string | null;

  @Field(() => String, { nullable: true })
  residenceAddress?: string | null;

  @Field(() => String, { nullable: true })
  maritalStatus?: string | null;

  @Field(() => String, { nullable: true })
  militaryCategory?: string | null;

  @Field(() => String, { nullable: true })
  mobilePhone?: string | null;

  @Field(() => String, { nullable: true, description: '11 digits with valid check digits.' })
  snils?: string | null;

  @Field(() => String, { nullable: true, description: '12 digits with valid check digits.' })
  inn?: string | null;
}

@InputType('BusinessTripInput', { description: 'A new or corrected business trip.' })
export class BusinessTripInput {
  @Field(() => ID, { nullable: true })
  id?: string | null;

  @Field(() => ID)
  employeeId!: string;

  @Field(() => String)
  destination!: string;

  @Field(() => String, { nullable: true })
  hostOrganization?: string | null;

  @Field(() => String)
  purpose!: string;

  @Field(() => LocalDateScalar)
  startDate!: string;

  @Field(() => LocalDateScalar)
  endDate!: string;

  @Field(() => String, { nullable: true })
  orderNumber?: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  orderDate?: string | null;

  @Field(() => String, { nullable: true })
  fundingSource?: string | null;

  @Field(() => String, { nullable: true, description: 'RUB as a decimal string, e.g. "4500.00".' })
  advanceAmount?: string | null;

  @Field(() => String, { nullable: true })
  reportAmount?: string | null;

  @Field(() => TripStatusValue)
  status!: TripStatus;
}

@InputType('EducationRecordInput', { description: 'A new or corrected education record.' })
export class EducationRecordInput {
  @Field(() => ID, { nullable: true })
  id?: string | null;

  @Field(() => ID)
  employeeId!: string;

  @Field(() => EducationKindValue)
  kind!: EducationKind;

  @Field(() => String, { nullable: true })
  level?: string | null;

  @Field(() => String, { nullable: true })
  institution?: string | null;

  @Field(() => String, { nullable: true })
  specialty?: string | null;

  @Field(() => String, { nullable: true })
  qualification?: string | null;

  @Field(() => String, { nullable: true })
  program?: string | null;

  @Field(() => Int, { nullable: true })
  hours?: number | null;

  @Field(() => String, { nullable: true })
  documentNumber?: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  startDate?: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  endDate?: string | null;

  @Field(() => Int, { nullable: true })
  year?: number | null;

  @Field(() => String, { nullable: true })
  proficiency?: string | null;
}
