import { Arg, Ctx, Field, ID, Mutation, ObjectType, Resolver } from 'type-graphql';
import type { AppContext } from '../../core/context.js';
import { inUnit } from '../../core/unit-of-work.js';
import { badInput } from '../../core/errors.js';
import { type Assignment, AssignmentType } from '../assignment/index.js';
import { type Employee, EmployeeType, type FamilyMember } from '../employee/index.js';
import { type FileSection, FileSectionValue } from '../organization/index.js';
import { type LeaveRecord, LeaveType } from '../leave/index.js';
import {
  AssignmentInput,
  BusinessTripInput,
  EducationRecordInput,
  FamilyMemberInput,
  LeaveInput,
  PersonalDataInput,
  SeniorityPeriodInput,
} from './file-edits.inputs.js';
import { type BusinessTrip, BusinessTripType } from '../trip/index.js';
import { FamilyMemberType } from './personal-data.type.js';
import { type EducationRecord, EducationRecordType } from '../education/index.js';
import { FileEditsService, removable, removableList } from './file-edits.service.js';
import { RecordEditsService } from './record-edits.service.js';
import { PersonalEditsService } from './personal-edits.service.js';

@ObjectType('SeniorityPeriodRecord', { description: 'A directly entered seniority period.' })
export class SeniorityPeriodRecordType {
  @Field(() => ID)
  id!: string;
}

@Resolver()
export class FileEditsResolver {
  @Mutation(() => AssignmentType, {
    description: 'HR: adds or corrects an employment history entry.',
  })
  saveAssignment(
    @Arg('input', () => AssignmentInput) input: AssignmentInput,
    @Ctx() ctx: AppContext,
  ): Promise<Assignment> {
    return inUnit(ctx, (unit) => new FileEditsService(unit).saveAssignment(input));
  }

  @Mutation(() => LeaveType, { description: 'HR: adds or corrects a leave.' })
  saveLeave(
    @Arg('input', () => LeaveInput) input: LeaveInput,
    @Ctx() ctx: AppContext,
  ): Promise<LeaveRecord> {
    return inUnit(ctx, (unit) => new FileEditsService(unit).saveLeave(input));
  }

  @Mutation(() => SeniorityPeriodRecordType, {
    description: 'HR: adds or corrects a seniority period.',
  })
  saveSeniorityPeriod(
    @Arg('input', () => SeniorityPeriodInput) input: SeniorityPeriodInput,
    @Ctx() ctx: AppContext,
  ): Promise<{ id: string }> {
    return inUnit(ctx, (unit) => new FileEditsService(unit).saveSeniorityPeriod(input));
  }

  @Mutation(() => EmployeeType, { description: 'HR: changes the personal section of a file.' })
  updatePersonalData(
    @Arg('employeeId', () => ID) employeeId: string,
    @Arg('input', () => PersonalDataInput) input: PersonalDataInput,
    @Ctx() ctx: AppContext,
  ): Promise<Employee> {
    return inUnit(ctx, (unit) =>
      new PersonalEditsService(unit).updatePersonalData(employeeId, input),
    );
  }

  @Mutation(() => FamilyMemberType, { description: 'HR: adds or corrects a family member.' })
  saveFamilyMember(
    @Arg('input', () => FamilyMemberInput) input: FamilyMemberInput,
    @Ctx() ctx: AppContext,
  ): Promise<FamilyMember> {
    return inUnit(ctx, (unit) => new PersonalEditsService(unit).saveFamilyMember(input));
  }

  @Mutation(() => BusinessTripType, { description: 'HR: adds or corrects a business trip.' })
  saveBusinessTrip(
    @Arg('input', () => BusinessTripInput) input: BusinessTripInput,
    @Ctx() ctx: AppContext,
  ): Promise<BusinessTrip> {
    return inUnit(ctx, (unit) => new RecordEditsService(unit).saveTrip(input));
  }

  @Mutation(() => EducationRecordType, { description: 'HR: adds or corrects an education record.' })
  saveEducationRecord(
    @Arg('input', () => EducationRecordInput) input: EducationRecordInput,
    @Ctx() ctx: AppContext,
  ): Promise<EducationRecord> {
    return inUnit(ctx, (unit) => new RecordEditsService(unit).saveEducation(input));
  }

  @Mutation(() => Boolean, {
    description:
      'HR: removes a record (EMPLOYMENT: an assignment, LEAVE: a leave, SENIORITY: a period).',
  })
  deleteFileRecord(
    @Arg('section', () => FileSectionValue) section: FileSection,
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: AppContext,
  ): Promise<boolean> {
    if (!removable.has(section)) return Promise.reject(badSection());
    return inUnit(ctx, (unit) => new FileEditsService(unit).deleteRecord(section, id));
  }
}

const badSection = () => badInput(['section'], `Records can be removed from ${removableList()}`);
