import type { AppContext } from '../../core/context.js';
import { normalizeMoney } from '../../core/money.js';
import { EducationRecord } from '../education/index.js';
import { BusinessTrip } from '../trip/index.js';
import { saveFileRecord } from '../file-section/index.js';
import { checkEducation, checkTrip } from './file-checks.js';
import type { BusinessTripInput, EducationRecordInput } from './file-edits.inputs.js';

/** HR's corrections to trips and education: same rules as every file edit. */
export class RecordEditsService {
  constructor(private readonly ctx: AppContext) {}

  saveTrip(input: BusinessTripInput): Promise<BusinessTrip> {
    return saveFileRecord(
      this.ctx,
      BusinessTrip,
      input,
      'TRIPS',
      'saveBusinessTrip',
      (employee, today) => {
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
      },
    );
  }

  saveEducation(input: EducationRecordInput): Promise<EducationRecord> {
    return saveFileRecord(
      this.ctx,
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
}
