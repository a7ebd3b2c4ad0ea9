/**
 * Access journal (152-ФЗ): the access_log table, its writer (AccessLogJournal) and who may read it.
 *
 * The module's public face: other modules and the wiring import only from here.
 */
export { AccessLogJournal } from './access-journal.js';
export { AccessLogEntry } from './access-log.entity.js';
export { AccessLogResolver } from './access-log.resolver.js';
