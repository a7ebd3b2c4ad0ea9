import { Ctx, FieldResolver, ID, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../../core/context.js';
import { type EmployeeRow, EmployeeType } from '../employee/index.js';
import { accountOfEmployeeLoader } from './person.js';

/** An employee's account, for naming them where an account is meant (a deputy). */
@Resolver(() => EmployeeType)
export class EmployeeAccountResolver {
  @FieldResolver(() => ID, {
    nullable: true,
    description: "The employee's active account, e.g. to name them a deputy (setDeputy).",
  })
  async accountId(@Root() employee: EmployeeRow, @Ctx() ctx: AppContext): Promise<string | null> {
    return (await ctx.loaders.get(accountOfEmployeeLoader).load(employee.id))?.id ?? null;
  }
}
