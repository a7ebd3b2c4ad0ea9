import { Field, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { FileSectionValue } from '../employee/employee.type.js';

export enum PortalSectionValue {
  EMPLOYMENT = 'EMPLOYMENT',
  LEAVE = 'LEAVE',
  TRIPS = 'TRIPS',
  SENIORITY = 'SENIORITY',
  ATTESTATION = 'ATTESTATION',
  EDUCATION = 'EDUCATION',
  PAYROLL = 'PAYROLL',
  KPI = 'KPI',
  TASKS = 'TASKS',
}
registerEnumType(PortalSectionValue, {
  name: 'PortalSection',
  description: 'A portal section an organization can switch off for everyone.',
});

@ObjectType('OrganizationSettings', { description: "The organization's access settings." })
export class OrganizationSettingsType {
  @Field(() => [FileSectionValue], {
    description: "Sections of a subordinate's file a manager may read (pay is off by default).",
  })
  managerSections!: FileSectionValue[];

  @Field(() => [PortalSectionValue], { description: 'Portal sections switched on.' })
  enabledSections!: PortalSectionValue[];
}

@InputType('OrganizationSettingsInput')
export class OrganizationSettingsInput {
  @Field(() => [FileSectionValue], { nullable: true })
  managerSections?: FileSectionValue[] | null;

  @Field(() => [PortalSectionValue], { nullable: true })
  enabledSections?: PortalSectionValue[] | null;
}
