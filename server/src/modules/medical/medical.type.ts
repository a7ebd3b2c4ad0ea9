import { Field, ID, ObjectType } from 'type-graphql';
import { graphqlEnum } from '../../core/graphql/enums.js';
import { Provenance } from '../../core/graphql/provenance.js';
import { LocalDateScalar } from '../../core/graphql/scalars.js';
import { MedicalExaminationKinds, MedicalExaminationResults } from './medical.entity.js';

export const MedicalExaminationKindValue = graphqlEnum(
  MedicalExaminationKinds,
  'MedicalExaminationKind',
  'Предварительный / периодический / внеочередной (ст. 220 ТК РФ, приказ Минздрава России № 29н).',
);
export const MedicalExaminationResultValue = graphqlEnum(
  MedicalExaminationResults,
  'MedicalExaminationResult',
  'Годен / не годен / годен с ограничениями / временно не годен.',
);

@ObjectType('MedicalExamination', { description: 'A mandatory medical examination.' })
export class MedicalExaminationType {
  @Field(() => ID)
  id!: string;

  @Field(() => LocalDateScalar)
  date!: string;

  @Field(() => MedicalExaminationKindValue)
  kind!: string;

  @Field(() => MedicalExaminationResultValue)
  result!: string;

  @Field(() => String, { nullable: true, description: 'With FIT_WITH_RESTRICTIONS only.' })
  restrictions!: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  nextDueDate!: string | null;

  @Field(() => String, { nullable: true, description: 'The medical organization.' })
  clinic!: string | null;

  @Field(() => String, { nullable: true, description: 'The conclusion’s number.' })
  documentNumber!: string | null;
}

@ObjectType('MedicalSection', {
  description:
    'Medical examinations of a personal file (MEDICAL): health data, 152-ФЗ ст. 10; HR, the employee, and managers only where the organization allows.',
})
export class MedicalSection {
  @Field(() => [MedicalExaminationType], { description: 'Newest first.' })
  examinations!: object[];

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'When the next examination is due: the nearest from today.',
  })
  nextDueDate!: string | null;

  @Field(() => Provenance)
  provenance!: Provenance;
}
