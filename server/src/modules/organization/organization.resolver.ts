import { Ctx, Query, Resolver } from 'type-graphql';
import type { AppContext } from '../../app/context.js';
import type { Organization } from './organization.entity.js';
import { OrganizationService } from './organization.service.js';
import { OrganizationType } from './organization.type.js';

@Resolver(() => OrganizationType)
export class OrganizationResolver {
  @Query(() => OrganizationType, { description: 'The organization the viewer works in.' })
  organization(@Ctx() ctx: AppContext): Promise<Organization> {
    return new OrganizationService(ctx.em).current();
  }
}
