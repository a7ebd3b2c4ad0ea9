import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { Roles, type Role } from '../../core/auth/viewer.js';
import { graphqlEnum } from '../../core/graphql/enums.js';
import { UserStatuses, type UserStatus } from './user.entity.js';
import { DateTimeScalar } from '../../core/graphql/scalars.js';

export const RoleValue = graphqlEnum(
  Roles,
  'Role',
  'MANAGER is derived: heading a department or having direct reports.',
);
export type RoleValue = Role;

export const UserStatusValue = graphqlEnum(UserStatuses, 'UserStatus');
export type UserStatusValue = UserStatus;

@ObjectType('User', { description: 'An account that signs in.' })
export class UserType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  login!: string;

  @Field(() => String, { nullable: true, description: 'For accounts without an employee record.' })
  displayName!: string | null;

  @Field(() => UserStatusValue)
  status!: UserStatusValue;
}

@ObjectType('LoginPayload')
export class LoginPayload {
  @Field(() => String, {
    description:
      'Send as `Authorization: Bearer <token>`; browsers also get it as an httpOnly cookie.',
  })
  accessToken!: string;

  @Field(() => DateTimeScalar, { description: 'The absolute end of the session.' })
  expiresAt!: Date;

  @Field(() => UserType)
  user!: object;
}

@ObjectType('RegistrationReceipt', {
  description:
    'A request for access was taken. The same answer whether the login was free or taken: an admin ' +
    'reviews a new account, and a taken login is not told apart.',
})
export class RegistrationReceiptType {
  @Field(() => String, { description: 'The login as it was asked for (lower-case, trimmed).' })
  login!: string;

  @Field(() => DateTimeScalar)
  receivedAt!: Date;
}

@InputType('LoginInput')
export class LoginInput {
  @Field(() => String)
  login!: string;

  @Field(() => String)
  password!: string;
}

@InputType('RegisterInput', { description: 'A third party asking for an account.' })
export class RegisterInput {
  @Field(() => String, { description: '3 to 64 letters, digits, dots, dashes or underscores.' })
  login!: string;

  @Field(() => String, { description: 'At least 10 characters.' })
  password!: string;

  @Field(() => String, { description: 'Name and organization, as the admin will see it.' })
  displayName!: string;

  @Field(() => String)
  email!: string;

  @Field(() => ID, { nullable: true, description: 'The institution; the only one if omitted.' })
  organizationId?: string | null;
}
