/**
 * Attestation (аттестация): the ATTESTATION section's records, reads, edits, checks, import mapping and due dates.
 *
 * The module's public face: other modules and the wiring import only from here.
 */
export { attestationRecords } from './attestation.edits.js';
export { Attestation } from './attestation.entity.js';
export { attestationImport } from './attestation.import.js';
export { attestationDue, attestationSectionOf } from './attestation.reads.js';
export { AttestationResolver } from './attestation.resolver.js';
