import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { AppContext } from '../../core/context.js';
import { inUnit } from '../../core/unit-of-work.js';
import type { IntegrationToken } from './integration-token.entity.js';
import { IntegrationTokenService } from './integration-token.service.js';
import { CreatedIntegrationToken, IntegrationTokenType } from './integration-token.type.js';

/** The system of record's credentials, managed by an ADMIN. */
@Resolver(() => IntegrationTokenType)
export class IntegrationTokenResolver {
  @Query(() => [IntegrationTokenType], {
    description: "ADMIN: the organization's integration tokens.",
  })
  integrationTokens(@Ctx() ctx: AppContext): Promise<IntegrationToken[]> {
    return new IntegrationTokenService(ctx).list();
  }

  @Mutation(() => CreatedIntegrationToken, {
    description: 'ADMIN: a token for the system of record (role INTEGRATION), shown once.',
  })
  createIntegrationToken(@Arg('name', () => String) name: string, @Ctx() ctx: AppContext) {
    return inUnit(ctx, (unit) => new IntegrationTokenService(unit).create(name));
  }

  @Mutation(() => IntegrationTokenType, { description: 'ADMIN: revokes a token for good.' })
  revokeIntegrationToken(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: AppContext,
  ): Promise<IntegrationToken> {
    return inUnit(ctx, (unit) => new IntegrationTokenService(unit).revoke(id));
  }
}
