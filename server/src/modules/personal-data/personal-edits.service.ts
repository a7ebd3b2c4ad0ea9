import type { EntityManager } from '@mikro-orm/postgresql';
import type { AppContext } from '../../app/context.js';
import { badInput } from '../../core/errors.js';
import { isLocalDate } from '../../core/graphql/scalars.js';
import { isPersonalInn, isSnils } from '../../core/ru-identifiers.js';
import { FamilyMember, IdentityDocument, type Employee } from '../employee/employee.entity.js';
import { checkDates, editFile, putRecord, recordOfFile } from './file-edit.js';
import type {
  FamilyMemberInput,
  IdentityDocumentInput,
  PersonalDataInput,
} from './file-edits.inputs.js';

/** HR's corrections to the personal section: the person's data, passport and family. */
export class PersonalEditsService {
  constructor(private readonly ctx: AppContext) {}

  /** Changes the personal section; identifiers must carry valid check digits. */
  updatePersonalData(employeeId: string, input: PersonalDataInput): Promise<Employee> {
    return editFile(
      this.ctx,
      employeeId,
      'PERSONAL',
      'updatePersonalData',
      async (tx, employee) => {
        if (input.snils && !isSnils(input.snils))
          throw badInput(['input', 'snils'], 'Not a valid СНИЛС');
        if (input.inn && !isPersonalInn(input.inn))
          throw badInput(['input', 'inn'], 'Not a valid ИНН');
        const { identityDocument, ...fields } = input;
        if (identityDocument) await this.replaceDocument(tx, employee, identityDocument);
        const changes = Object.fromEntries(
          Object.entries(fields).filter(([, value]) => value !== undefined),
        ) as Partial<Employee>;
        tx.assign(employee, changes);
        tx.persist(employee);
        return employee;
      },
    );
  }

  /** Adds or corrects a family member (PERSONAL). */
  saveFamilyMember(input: FamilyMemberInput): Promise<FamilyMember> {
    return editFile(
      this.ctx,
      input.employeeId,
      'PERSONAL',
      'saveFamilyMember',
      async (tx, employee, today) => {
        checkDates(today, [{ path: ['input', 'birthDate'], value: input.birthDate }]);
        if (!input.relation.trim())
          throw badInput(['input', 'relation'], 'Степень родства is required');
        if (input.fullName.trim().length < 3) throw badInput(['input', 'fullName'], 'A full name');
        const member = input.id ? await recordOfFile(tx, FamilyMember, input.id, employee) : null;
        return putRecord(tx, FamilyMember, member, {
          relation: input.relation.trim(),
          fullName: input.fullName.trim(),
          birthDate: input.birthDate ?? null,
          employee,
        });
      },
    );
  }

  private async replaceDocument(
    tx: EntityManager,
    employee: Employee,
    input: IdentityDocumentInput,
  ) {
    if (!/^\d{2} ?\d{2}$/.test(input.series))
      throw badInput(['input', 'identityDocument', 'series'], 'Серия: 4 digits');
    if (!/^\d{6}$/.test(input.number))
      throw badInput(['input', 'identityDocument', 'number'], 'Номер: 6 digits');
    if (!isLocalDate(input.issueDate) || input.issueDate < (employee.birthDate ?? '1900-01-01')) {
      throw badInput(
        ['input', 'identityDocument', 'issueDate'],
        'Issued on a real date after birth',
      );
    }
    const document =
      (await tx.findOne(IdentityDocument, { employee: employee.id })) ??
      tx.create(IdentityDocument, { employee, ...input, divisionCode: input.divisionCode ?? null });
    tx.assign(document, { ...input, divisionCode: input.divisionCode ?? null });
  }
}
