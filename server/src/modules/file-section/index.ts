/**
 * The kit a personal-file section builds on: HR's edit of a file record, the record kind HR deletes, the dashboard's due date and the import's mapping contract with its field helpers.
 *
 * The module's public face: other modules and the wiring import only from here.
 */
export { type DueDateSource, nearestDue } from './due-date.js';

export {
  checkDates,
  checkRecordDates,
  editFile,
  overlaps,
  putRecord,
  recordOfFile,
  saveFileRecord,
} from './file-edit.js';
export { type FileRecordKind } from './file-record-kind.js';
export { date, employeeRef, fileRecordSchema, int, json, order, text } from './import-fields.js';
export {
  type DerivedSpec,
  type Fields,
  type FieldSpec,
  type RefSpec,
  type SqlType,
  type TypeSpec,
} from './import-spec.js';
export { nextDueNotices, sectionImport } from './section-import.js';
