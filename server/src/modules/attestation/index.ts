/**
 * Attestation (аттестация): the ATTESTATION section's records.
 *
 * The module's public face: other modules and the wiring import only from here.
 */
export { Attestation } from './attestation.entity.js';
export {
  AttestationDecisionValue,
  AttestationKindValue,
  AttestationPurposeValue,
  AttestationSection,
  AttestationType,
} from './attestation.type.js';
