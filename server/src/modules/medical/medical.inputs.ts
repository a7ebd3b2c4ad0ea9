import { Field, ID, InputType } from 'type-graphql';
import { LocalDateScalar } from '../../core/graphql/scalars.js';
import type { MedicalExaminationKind, MedicalExaminationResult } from './medical.entity.js';
import { MedicalExaminationKindValue, MedicalExaminationResultValue } from './medical.type.js';

@InputType('MedicalExaminationInput', { description: 'A new or corrected medical examination.' })
export class MedicalExaminationInput {
  @Field(() => ID, { nullable: true, description: 'To correct a record; omit to add one.' })
  id?: string | null;

  @Field(() => ID)
  employeeId!: string;

  @Field(() => LocalDateScalar)
  date!: string;

  @Field(() => MedicalExaminationKindValue)
  kind!: MedicalExaminationKind;

  @Field(() => MedicalExaminationResultValue)
  result!: MedicalExaminationResult;

  @Field(() => String, { nullable: true, description: 'Required with FIT_WITH_RESTRICTIONS.' })
  restrictions?: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  nextDueDate?: string | null;

  @Field(() => String, { nullable: true })
  clinic?: string | null;

  @Field(() => String, { nullable: true })
  documentNumber?: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'The conclusion, uploaded first (POST /files); kept when the same id is sent again.',
  })
  documentFileId?: string | null;
}
