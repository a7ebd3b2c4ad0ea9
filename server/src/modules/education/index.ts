/**
 * Education (образование, повышение квалификации): the EDUCATION section's records.
 *
 * The module's public face: other modules and the wiring import only from here.
 */
export { EducationRecord, type EducationKind } from './education.entity.js';
export { EducationKindValue, EducationRecordType, EducationSection } from './education.type.js';
