import { Field, InputType, ObjectType } from 'type-graphql';
import { graphqlEnum } from '../../core/graphql/enums.js';
import {
  FileSections,
  PortalSections,
  type FileSection,
  type PortalSection,
} from './organization-settings.entity.js';

export const FileSectionValue = graphqlEnum(
  FileSections,
  'FileSection',
  'A section of a personal file; access is granted and journalled per section.',
);
export type FileSectionValue = FileSection;

export const PortalSectionValue = graphqlEnum(
  PortalSections,
  'PortalSection',
  'A portal section an organization can switch off for everyone.',
);
export type PortalSectionValue = PortalSection;

@ObjectType('OrganizationSettings', { description: "The organization's access settings." })
export class OrganizationSettingsType {
  @Field(() => [FileSectionValue], {
    description:
      "Sections of a subordinate's file a manager may read; by default the work-related ones (BASIC, EMPLOYMENT, LEAVE, ATTESTATION, EDUCATION, KPI), not PERSONAL, PAYROLL, TRIPS or SENIORITY.",
  })
  managerSections!: FileSectionValue[];

  @Field(() => [PortalSectionValue], { description: 'Portal sections switched on.' })
  enabledSections!: PortalSectionValue[];

  @Field(() => Boolean, {
    description:
      'Annual leave may be requested beyond the days of the working years so far (in advance); false by default.',
  })
  allowLeaveInAdvance!: boolean;

  @Field(() => Boolean, {
    description:
      'Clients signed in with a bearer token (integrations, developers) may send GraphQL documents of their own where trusted documents are enforced (production); true by default, and always for ADMIN. Browser sessions run only the portal’s own operations.',
  })
  allowApiDocuments!: boolean;
}

@InputType('OrganizationSettingsInput')
export class OrganizationSettingsInput {
  @Field(() => [FileSectionValue], { nullable: true })
  managerSections?: FileSectionValue[] | null;

  @Field(() => [PortalSectionValue], { nullable: true })
  enabledSections?: PortalSectionValue[] | null;

  @Field(() => Boolean, { nullable: true })
  allowLeaveInAdvance?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  allowApiDocuments?: boolean | null;
}
