/**
 * Import from the system of record (1С:ЗКГУ and the like): the NDJSON format, staging and set-based apply.
 *
 * The module's public face: other modules and the wiring import only from here.
 */
export { ImportSetupError } from './import-organization.js';
export { ImportRun } from './import-run.entity.js';
export { composedImportSchema, importSchemaPath } from './import-schema.js';
export { summary } from './import-summary.js';
export { registerImportRoute } from './import.route.js';
export { ImportService, readingOf } from './import.service.js';
export { IntegrationResolver } from './integration.resolver.js';
export { ndjsonBlocks } from './ndjson.js';
