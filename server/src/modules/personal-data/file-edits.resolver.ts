import { Arg, Ctx, Field, ID, Mutation, ObjectType, Resolver } from 'type-graphql';
import type { AppContext } from '../../core/context.js';
import { inUnit } from '../../core/unit-of-work.js';
import { badInput } from '../../core/errors.js';
import type { Assignment } from '../assignment/assignment.entity.js';
import { AssignmentType } from '../assignment/assignment.type.js';
import type { Employee } from '../employee/employee.entity.js';
import { EmployeeType, FileSectionValue } from '../employee/employee.type.js';
import type { LeaveRecord } from '../leave/leave.entity.js';
import { LeaveType } from '../leave/leave.type.js';
import type { FileSection } from '../organization/organization-settings.entity.js';
import {
  AssignmentInput,
  BusinessTripInput,
  EducationRecordInput,
  FamilyMemberInput,
  LeaveInput,
  PersonalDataInput,
  SeniorityPeriodInput,
} from './file-edits.inputs.js';
import { BusinessTripType } from '../trip/trip.type.js';
import { FamilyMemberType } from './personal-data.type.js';
import type { FamilyMember } from '../employee/employee.entity.js';
import { EducationRecordType } from '../education/education.type.js';
import type { BusinessTrip } from '../trip/trip.entity.js';
import type { EducationRecord } from '../education/education.entity.js';
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
