import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../../core/context.js';
import { maskTail } from '../../core/auth/masking.js';
import { provenanceOf } from '../../core/graphql/provenance.js';
import { readRowsByOwner } from '../../core/orm/loaders.js';
import {
  type EmployeeRow,
  EmployeeType,
  FamilyMember,
  IdentityDocument,
  policyOf,
} from '../employee/index.js';
import { PersonalDataSection } from './personal-data.type.js';

const documentsLoader = readRowsByOwner(IdentityDocument, 'employee', { issueDate: 'desc' });
const familyLoader = readRowsByOwner(FamilyMember, 'employee', { birthDate: 'asc', id: 'asc' });

@Resolver(() => EmployeeType)
export class PersonalDataResolver {
  @FieldResolver(() => PersonalDataSection, {
    description:
      'Personal section (PERSONAL); `reveal` shows the passport in full to the owner and HR.',
  })
  async personalData(
    @Root() employee: EmployeeRow,
    @Arg('reveal', () => Boolean, { defaultValue: false }) reveal: boolean,
    @Ctx() ctx: AppContext,
  ): Promise<PersonalDataSection> {
    const policy = policyOf(ctx);
    await policy.require(employee, 'PERSONAL', 'Employee.personalData');
    const [documents, family] = await Promise.all([
      ctx.loaders.get(documentsLoader).load(employee.id),
      ctx.loaders.get(familyLoader).load(employee.id),
    ]);
    const document = documents[0] ?? null;
    const inFull = reveal && policy.canReveal(employee);
    // Journalled as the one field it shows in full, beside Employee.snils and Employee.inn.
    if (inFull && document && employee.id !== ctx.viewer?.employeeId) {
      ctx.access.record({
        subjectEmployeeId: employee.id,
        section: 'PERSONAL',
        action: 'REVEAL',
        allowed: true,
        operation: 'Employee.personalData.identityDocument',
      });
    }
    return {
      formerNames: employee.formerNames,
      birthPlace: employee.birthPlace,
      citizenship: employee.citizenship,
      registrationAddress: employee.registrationAddress,
      residenceAddress: employee.residenceAddress,
      maritalStatus: employee.maritalStatus,
      militaryCategory: employee.militaryCategory,
      identityDocument: document && {
        kind: document.kind,
        series: inFull ? document.series : maskTail(document.series, 0),
        number: inFull ? document.number : maskTail(document.number, 2),
        issuedBy: document.issuedBy,
        issueDate: document.issueDate,
        divisionCode: document.divisionCode,
      },
      familyMembers: family,
      provenance: provenanceOf([employee, ...documents, ...family]),
    };
  }
}
