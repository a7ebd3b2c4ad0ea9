import type { EntityClass, RequiredEntityData } from '@mikro-orm/core';
import type { AppContext } from '../../app/context.js';
import { badInput } from '../../core/errors.js';
import { moneyPattern, normalizeMoney } from '../../core/money.js';
import { Attestation } from '../attestation/attestation.entity.js';
import { EducationRecord } from '../education/education.entity.js';
import type { Employee } from '../employee/employee.entity.js';
import type { FileSection } from '../organization/organization-settings.entity.js';
import { BusinessTrip } from '../trip/trip.entity.js';
import { checkDates, checkRecordDates, editFile, putRecord, recordOfFile } from './file-edit.js';
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
      checkRecordDates(today, input);
      for (const field of ['advanceAmount', 'reportAmount'] as const) {
        const value = input[field];
        if (value && !moneyPattern.test(value))
          throw badInput(['input', field], 'An amount in roubles, e.g. "4500.00"');
      }
      if (!input.destination.trim())
        throw badInput(['input', 'destination'], 'Where the trip goes');
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
      checkDates(
        today,
        [
          { path: ['input', 'date'], value: input.date },
          { path: ['input', 'validUntil'], value: input.validUntil },
          { path: ['input', 'nextDueDate'], value: input.nextDueDate },
          { path: ['input', 'orderDate'], value: input.orderDate },
        ],
        [
          [0, 1],
          [0, 2],
        ],
      );
      if (input.date > today)
        throw badInput(['input', 'date'], 'An attestation that has not happened yet');
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
        checkRecordDates(today, input);
        if (
          input.hours !== null &&
          input.hours !== undefined &&
          (input.hours < 1 || input.hours > 5000)
        ) {
          throw badInput(['input', 'hours'], 'Hours between 1 and 5000');
        }
        const thisYear = Number(today.slice(0, 4));
        if (
          input.year !== null &&
          input.year !== undefined &&
          (input.year < 1940 || input.year > thisYear + 1)
        ) {
          throw badInput(['input', 'year'], `A year from 1940 to ${thisYear + 1}`);
        }
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
