import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../../core/context.js';
import { type EmployeeRow, EmployeeType } from '../employee/index.js';
import { leaveSectionOf } from './leave.reads.js';
import { LeaveSection } from './leave.type.js';

@Resolver(() => EmployeeType)
export class LeaveSectionResolver {
  @FieldResolver(() => LeaveSection, { description: 'Leave section (LEAVE).' })
  leave(@Root() employee: EmployeeRow, @Ctx() ctx: AppContext): Promise<LeaveSection> {
    return leaveSectionOf(ctx, employee);
  }
}
