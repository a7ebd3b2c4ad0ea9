import { Assignment } from '../assignment/index.js';
import { attestationRecords } from '../attestation/index.js';
import { EducationRecord } from '../education/index.js';
import { FamilyMember } from '../employee/index.js';
import { LeaveRecord } from '../leave/index.js';
import { medicalRecords } from '../medical/index.js';
import type { FileSection } from '../organization/index.js';
import { SeniorityPeriod } from '../seniority/index.js';
import { BusinessTrip } from '../trip/index.js';

/** A kind of record HR removes with deleteFileRecord(section, id): one per section. */
import type { FileRecordKind } from '../file-section/index.js';

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
