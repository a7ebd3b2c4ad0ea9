/**
 * The personal data itself (паспорт, адреса, семья, воинский учёт) and HR's edits of the file's records.
 *
 * The module's public face: other modules and the wiring import only from here.
 */
export {
  checkAssignment,
  checkEducation,
  checkFamilyMember,
  checkIdentifiers,
  checkIdentityDocument,
  checkLeaveInput,
  checkSeniorityPeriod,
  checkTrip,
} from './file-checks.js';
export { FileEditsResolver } from './file-edits.resolver.js';
export { PersonalDataResolver } from './personal-data.resolver.js';
