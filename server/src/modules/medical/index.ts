/**
 * Medical examinations (медицинские осмотры, приказ Минздрава № 29н): the MEDICAL section's records, checks, import mapping and due dates.
 *
 * The module's public face: other modules and the wiring import only from here.
 */
export { medicalRecords } from './medical.edits.js';
export { MedicalExamination } from './medical.entity.js';
export { medicalImport } from './medical.import.js';
export { medicalDue } from './medical.reads.js';
export { MedicalExaminationResolver, MedicalSectionResolver } from './medical.resolver.js';
