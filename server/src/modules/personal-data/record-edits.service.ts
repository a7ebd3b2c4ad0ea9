import type { EntityClass, RequiredEntityData } from '@mikro-orm/core';
import type { AppContext } from '../../core/context.js';
import { normalizeMoney } from '../../core/money.js';
import { Attestation } from '../attestation/index.js';
import { EducationRecord } from '../education/index.js';
import type { Employee } from '../employee/index.js';
import type { FileSection } from '../organization/index.js';
import { BusinessTrip } from '../trip/index.js';
import { editFile, putRecord, recordOfFile } from './file-edit.js';
import { checkAttestation, checkEducation, checkTrip } from './file-checks.js';
import type {
  AttestationInput,
  BusinessTripInput,
  EducationRecordInput,
} from './file-edits.inputs.js';

type Owned = BusinessTrip | Attestation | EducationRecord;

/** HR's corrections to trips, attestations and education: same rules as every file edit. */
export class RecordEditsService {
  constructor(private readonly ctx: AppContext) {}

  saveTrip(input: BusinessTripInput): Promise<BusinessTrip> {
    return this.save(BusinessTrip, input, 'TRIPS', 'saveBusinessTrip', (employee, today) => {
      checkTrip(today, input);
      const { id: _id, employeeId: _employee, ...data } = input;
      const amount = (value: string | null | undefined) => (value ? normalizeMoney(value) : null);
      return {
        ...data,
        advanceAmount: amount(input.advanceAmount),
        reportAmount: amount(input.reportAmount),
        organization: employee.organization,
        employee,
      };
    });
  }

  saveAttestation(input: AttestationInput): Promise<Attestation> {
    return this.save(Attestation, input, 'ATTESTATION', 'saveAttestation', (employee, today) => {
      checkAttestation(today, input);
      const { id: _id, employeeId: _employee, ...data } = input;
      return { ...data, organization: employee.organization, employee };
    });
  }

  saveEducation(input: EducationRecordInput): Promise<EducationRecord> {
    return this.save(
      EducationRecord,
      input,
      'EDUCATION',
      'saveEducationRecord',
      (employee, today) => {
        checkEducation(today, input);
        const { id: _id, employeeId: _employee, ...data } = input;
        return { ...data, employee };
      },
    );
  }

  /** Loads the record to correct (it must belong to the file) or creates one, then assigns `data`. */
  private save<T extends Owned>(
    entity: EntityClass<T>,
    input: { id?: string | null; employeeId: string },
    section: FileSection,
    operation: string,
    build: (employee: Employee, today: string) => object,
  ): Promise<T> {
    return editFile(this.ctx, input.employeeId, section, operation, async (tx, employee, today) => {
      const data = build(employee, today);
      const row = await recordOfFile(tx, entity, input.id, employee);
      return putRecord(tx, entity, row, data as RequiredEntityData<T>);
    });
  }
}
