import type { EntityClass } from '@mikro-orm/core';
import { Assignment } from '../assignment/assignment.entity.js';
import { attestationRecords } from '../attestation/attestation.edits.js';
import { EducationRecord } from '../education/education.entity.js';
import { FamilyMember } from '../employee/employee.entity.js';
import { LeaveRecord } from '../leave/leave.entity.js';
import { medicalRecords } from '../medical/medical.edits.js';
import type { FileSection } from '../organization/organization-settings.entity.js';
import { SeniorityPeriod } from '../seniority/seniority.entity.js';
import { BusinessTrip } from '../trip/trip.entity.js';

/** A kind of record HR removes with deleteFileRecord(section, id): one per section. */
export interface FileRecordKind {
  section: FileSection;
  entity: EntityClass<{ id: string; employee: { id: string } }>;
}

const kind = (section: FileSection, entity: FileRecordKind['entity']): FileRecordKind => ({
  section,
  entity,
});

/**
 * The registry of the record kinds HR may remove, by the section they belong to: a section module
 * exports its kind, one line here. Its save mutation lives in its own resolver.
 */
export const fileRecordKinds: FileRecordKind[] = [
  kind('EMPLOYMENT', Assignment),
  kind('LEAVE', LeaveRecord),
  kind('SENIORITY', SeniorityPeriod),
  kind('TRIPS', BusinessTrip),
  kind('PERSONAL', FamilyMember),
  attestationRecords,
  medicalRecords,
  kind('EDUCATION', EducationRecord),
];
