import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { AppContext } from '../../core/context.js';
import { inUnit } from '../../core/unit-of-work.js';
import type { FileSectionValue } from './organization-settings.type.js';
import type { Organization } from './organization.entity.js';
import type { EffectiveSettings } from './organization-settings.loader.js';
import {
  OrganizationSettingsInput,
  OrganizationSettingsType,
  type PortalSectionValue,
} from './organization-settings.type.js';
import { OrganizationService } from './organization.service.js';
import { OrganizationType } from './organization.type.js';

const toType = (settings: EffectiveSettings): OrganizationSettingsType => ({
  managerSections: [...settings.managerSections] as FileSectionValue[],
  enabledSections: [...settings.enabledSections] as PortalSectionValue[],
  allowLeaveInAdvance: settings.allowLeaveInAdvance,
  allowApiDocuments: settings.allowApiDocuments,
});

@Resolver(() => OrganizationType)
export class OrganizationResolver {
  @Query(() => OrganizationType, { description: 'The organization the viewer belongs to.' })
  organization(@Ctx() ctx: AppContext): Promise<Organization> {
    return new OrganizationService(ctx).current();
  }

  @Query(() => OrganizationSettingsType, { description: 'Access settings of the organization.' })
  async organizationSettings(@Ctx() ctx: AppContext): Promise<OrganizationSettingsType> {
    return toType(await new OrganizationService(ctx).settings());
  }

  @Mutation(() => OrganizationSettingsType, { description: 'ADMIN: changes the access settings.' })
  async updateOrganizationSettings(
    @Arg('input', () => OrganizationSettingsInput) input: OrganizationSettingsInput,
    @Ctx() ctx: AppContext,
  ): Promise<OrganizationSettingsType> {
    return toType(await inUnit(ctx, (unit) => new OrganizationService(unit).updateSettings(input)));
  }
}
