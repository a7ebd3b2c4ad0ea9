import { Entity, OneToOne, Property, type Ref } from '@mikro-orm/core';
import { BaseEntity } from '../../core/orm/base.entity.js';
import { Organization } from './organization.entity.js';
import { fileSectionCatalog } from './file-sections.js';

/** Sections of a personal file; each is shown, hidden and logged as a unit. */
export const FileSections = fileSectionCatalog.map((entry) => entry.key);
export type FileSection = (typeof fileSectionCatalog)[number]['key'];

/** A section as people name it in titles and notices (never the enum's name in Russian text). */
export const fileSectionWords = Object.fromEntries(
  fileSectionCatalog.map((entry) => [entry.key, entry.words]),
) as Record<FileSection, string>;

/**
 * Portal sections an institution can switch off (one without KPIs hides them): every file section
 * but the basic and personal data, which a file always has, and the tasks.
 */
export const PortalSections = [
  ...FileSections.filter(
    (section): section is Exclude<FileSection, 'BASIC' | 'PERSONAL'> =>
      section !== 'BASIC' && section !== 'PERSONAL',
  ),
  'TASKS',
] as const;
export type PortalSection = (typeof PortalSections)[number];

/**
 * By default a manager sees the work-related sections of a subordinate's file (152-ФЗ ст. 5 ч. 5,
 * minimisation): post, employment, leave, attestation, education and KPI. Passport, addresses,
 * family, military registration (PERSONAL), pay, trips and seniority stay with HR unless widened.
 */
export const defaultManagerSections: FileSection[] = fileSectionCatalog
  .filter((entry) => 'managerDefault' in entry && entry.managerDefault)
  .map((entry) => entry.key);

/** Per-organization access settings, managed by ADMIN. */
@Entity({ tableName: 'organization_settings' })
export class OrganizationSettings extends BaseEntity<
  'managerSections' | 'enabledSections' | 'allowLeaveInAdvance' | 'allowApiDocuments'
> {
  @OneToOne({ entity: () => Organization, ref: true, owner: true, deleteRule: 'cascade' })
  organization!: Ref<Organization>;

  /** The sections of a subordinate's file a manager may read. */
  @Property({ type: 'array', columnType: 'text[]' })
  managerSections: FileSection[] = [...defaultManagerSections];

  /** The portal sections switched on for everyone in the organization. */
  @Property({ type: 'array', columnType: 'text[]' })
  enabledSections: PortalSection[] = [...PortalSections];

  /**
   * Whether an employee may request annual leave beyond the days of the working years so far (leave
   * in advance, by agreement); off by default, so requestLeave refuses LEAVE_BALANCE_EXCEEDED.
   */
  @Property({ type: 'boolean', default: false })
  allowLeaveInAdvance: boolean = false;

  /**
   * Whether clients signed in with a bearer token (integrations, developers) may send GraphQL
   * documents of their own where trusted documents are enforced; browser sessions never may.
   */
  @Property({ type: 'boolean', default: true })
  allowApiDocuments: boolean = true;
}
