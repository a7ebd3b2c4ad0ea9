import type { AppContext } from '../../core/context.js';
import { type FileRecordKind, saveFileRecord } from '../file-section/index.js';
import { Attestation } from './attestation.entity.js';
import type { AttestationInput } from './attestation.inputs.js';
import { checkAttestation } from './attestation.rules.js';

/** HR removes an attestation with deleteFileRecord(section: ATTESTATION). */
export const attestationRecords = {
  section: 'ATTESTATION',
  entity: Attestation,
} as const satisfies FileRecordKind;

/** HR adds or corrects an attestation: checked, journalled, one unit of work. */
export function saveAttestation(ctx: AppContext, input: AttestationInput): Promise<Attestation> {
  return saveFileRecord(
    ctx,
    Attestation,
    input,
    'ATTESTATION',
    'saveAttestation',
    (employee, today) => {
      checkAttestation(today, input);
      const { id: _id, employeeId: _employee, ...data } = input;
      return { ...data, organization: employee.organization, employee };
    },
  );
}
