import type { EntityManager } from '@mikro-orm/postgresql';
import type { AppContext } from '../../core/context.js';
import { FamilyMember, IdentityDocument, type Employee } from '../employee/index.js';
import { editFile, putRecord, recordOfFile } from '../file-section/index.js';
import { checkFamilyMember, checkIdentifiers, checkIdentityDocument } from './file-checks.js';
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
        checkIdentifiers(input);
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
        checkFamilyMember(today, input);
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
    checkIdentityDocument(input, employee.birthDate);
    const document =
      (await tx.findOne(IdentityDocument, { employee: employee.id })) ??
      tx.create(IdentityDocument, { employee, ...input, divisionCode: input.divisionCode ?? null });
    tx.assign(document, { ...input, divisionCode: input.divisionCode ?? null });
  }
}
