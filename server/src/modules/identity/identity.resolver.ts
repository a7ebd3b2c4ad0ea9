import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { viewerOf, type AppContext } from '../../core/context.js';
import { inUnit } from '../../core/unit-of-work.js';
import { Public } from '../../core/auth/public.js';
import { Employee, EmployeeType } from '../employee/index.js';
import { Organization, OrganizationType } from '../organization/index.js';
import {
  LoginInput,
  LoginPayload,
  RegisterInput,
  RegistrationReceiptType,
  RoleValue,
  UserType,
} from './identity.type.js';
import { LoginService } from './login.service.js';
import { managesAnyoneLoader } from './session.service.js';
import { RegistrationService, type RegistrationReceipt } from './registration.service.js';
import { User } from './user.entity.js';

@Resolver(() => UserType)
export class IdentityResolver {
  @Public()
  @Mutation(() => LoginPayload, {
    nullable: true,
    description: 'Signs in; the token is shown once. Null with an error when refused.',
  })
  login(@Arg('input', () => LoginInput) input: LoginInput, @Ctx() ctx: AppContext) {
    // Opens its unit itself: the sign-in limiter counts outside it.
    return new LoginService(ctx).login(input);
  }

  @Mutation(() => Boolean, { description: 'Ends this session.' })
  async logout(@Ctx() ctx: AppContext): Promise<boolean> {
    return (await inUnit(ctx, (unit) => new LoginService(unit).logout(false))) > 0;
  }

  @Mutation(() => Int, { description: 'Ends every session of the account; returns how many.' })
  logoutEverywhere(@Ctx() ctx: AppContext): Promise<number> {
    return inUnit(ctx, (unit) => new LoginService(unit).logout(true));
  }

  @Query(() => UserType, { description: 'The signed-in account.' })
  me(@Ctx() ctx: AppContext): Promise<User> {
    return ctx.em.findOneOrFail(User, { id: viewerOf(ctx).userId });
  }

  @Public()
  @Mutation(() => RegistrationReceiptType, {
    description:
      'A third party asks for an account; an admin approves it. Limited per address and per day ' +
      '(TOO_MANY_ATTEMPTS); the same answer for a free and a taken login.',
  })
  register(
    @Arg('input', () => RegisterInput) input: RegisterInput,
    @Ctx() ctx: AppContext,
  ): Promise<RegistrationReceipt> {
    // Opens its unit itself: the registration limits count outside it.
    return new RegistrationService(ctx).register(input);
  }

  @Query(() => [UserType], { description: 'ADMIN: registrations waiting for approval.' })
  pendingUsers(@Ctx() ctx: AppContext): Promise<User[]> {
    return new RegistrationService(ctx).pending();
  }

  @Mutation(() => UserType, {
    description: 'ADMIN: approves (or, with approve: false, rejects) a registration.',
  })
  approveUser(
    @Arg('userId', () => ID) userId: string,
    @Arg('approve', () => Boolean, { defaultValue: true }) approve: boolean,
    @Ctx() ctx: AppContext,
  ): Promise<User> {
    return inUnit(ctx, (unit) => new RegistrationService(unit).review(userId, approve));
  }

  @FieldResolver(() => [RoleValue], {
    description: "The viewer's own roles include the derived MANAGER.",
  })
  async roles(@Root() user: User, @Ctx() ctx: AppContext): Promise<RoleValue[]> {
    const manages = user.employee
      ? await ctx.loaders.get(managesAnyoneLoader).load(user.employee.id)
      : false;
    return [...user.roles, ...(manages ? ['MANAGER' as const] : [])] as RoleValue[];
  }

  @FieldResolver(() => EmployeeType, { nullable: true, description: "The viewer's own only." })
  employee(@Root() user: User, @Ctx() ctx: AppContext): Promise<Employee | null> {
    const own = user.id === (ctx.viewer?.userId ?? ctx.signedInUserId);
    if (!own) return Promise.resolve(null);
    // A file the system of record deleted is no one's any more.
    return ctx.loaders
      .loadRef(Employee, user.employee)
      .then((employee) => (employee?.deletedAt ? null : employee));
  }

  @FieldResolver(() => OrganizationType)
  async organization(@Root() user: User, @Ctx() ctx: AppContext): Promise<Organization> {
    return (await ctx.loaders.load(Organization, user.organization.id))!;
  }
}
