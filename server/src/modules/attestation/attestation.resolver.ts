import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../../core/context.js';
import { inUnit } from '../../core/unit-of-work.js';
import { type EmployeeRow, EmployeeType } from '../employee/index.js';
import type { Attestation } from './attestation.entity.js';
import { saveAttestation } from './attestation.edits.js';
import { AttestationInput } from './attestation.inputs.js';
import { attestationSectionOf } from './attestation.reads.js';
import { AttestationSection, AttestationType } from './attestation.type.js';

/** The attestation section of a file (Employee.attestation) and HR's saveAttestation. */
@Resolver(() => EmployeeType)
export class AttestationResolver {
  @FieldResolver(() => AttestationSection, { description: 'Attestations (ATTESTATION).' })
  attestation(@Root() employee: EmployeeRow, @Ctx() ctx: AppContext): Promise<AttestationSection> {
    return attestationSectionOf(ctx, employee);
  }

  @Mutation(() => AttestationType, { description: 'HR: adds or corrects an attestation.' })
  saveAttestation(
    @Arg('input', () => AttestationInput) input: AttestationInput,
    @Ctx() ctx: AppContext,
  ): Promise<Attestation> {
    return inUnit(ctx, (unit) => saveAttestation(unit, input));
  }
}
