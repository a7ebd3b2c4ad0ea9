import type { Row } from '../../core/orm/rows.js';
import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../../core/context.js';
import { inUnit } from '../../core/unit-of-work.js';
import { type EmployeeRow, EmployeeType } from '../employee/index.js';
import { FileGqlType, StoredFile } from '../files/index.js';
import type { MedicalExamination } from './medical.entity.js';
import { saveMedicalExamination } from './medical.edits.js';
import './medical.files.js';
import { MedicalExaminationInput } from './medical.inputs.js';
import { medicalSectionOf } from './medical.reads.js';
import { MedicalExaminationType, MedicalSection } from './medical.type.js';

/** The medical section of a file (Employee.medicalExaminations) and HR's saveMedicalExamination. */
@Resolver(() => EmployeeType)
export class MedicalSectionResolver {
  @FieldResolver(() => MedicalSection, { description: 'Medical examinations (MEDICAL).' })
  medicalExaminations(
    @Root() employee: EmployeeRow,
    @Ctx() ctx: AppContext,
  ): Promise<MedicalSection> {
    return medicalSectionOf(ctx, employee);
  }

  @Mutation(() => MedicalExaminationType, {
    description: 'HR: adds or corrects a medical examination.',
  })
  saveMedicalExamination(
    @Arg('input', () => MedicalExaminationInput) input: MedicalExaminationInput,
    @Ctx() ctx: AppContext,
  ): Promise<MedicalExamination> {
    return inUnit(ctx, (unit) => saveMedicalExamination(unit, input));
  }
}

/** An examination's conclusion file, read by whoever reads the section it is in. */
@Resolver(() => MedicalExaminationType)
export class MedicalExaminationResolver {
  @FieldResolver(() => FileGqlType, { nullable: true, description: 'The conclusion as a file.' })
  document(
    @Root() examination: Row<MedicalExamination>,
    @Ctx() ctx: AppContext,
  ): Promise<StoredFile | null> {
    const file = examination.documentFile;
    return file ? ctx.loaders.load(StoredFile, file.id) : Promise.resolve(null);
  }
}
