/**
 * Education (образование, повышение квалификации): the EDUCATION section's records.
 *
 * The module's public face: other modules and the wiring import only from here.
 */
export { EducationRecord, type EducationKind } from './education.entity.js';
export { educationSectionOf } from './education.reads.js';
export { EducationSectionResolver } from './education.resolver.js';
export { EducationKindValue, EducationRecordType } from './education.type.js';
