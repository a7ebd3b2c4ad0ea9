import { viewerOf, type AppContext } from '../../core/context.js';
import { unitOf } from '../../core/unit-of-work.js';
import { authorize } from '../../core/policy.js';
import { organizationActions } from './organization.policy.js';
import { notFound } from '../../core/errors.js';
import { Organization } from './organization.entity.js';
import {
  OrganizationSettings,
  type FileSection,
  type PortalSection,
} from './organization-settings.entity.js';
import {
  organizationSettingsLoader,
  type EffectiveSettings,
} from './organization-settings.loader.js';

export interface SettingsChange {
  managerSections?: FileSection[] | null;
  enabledSections?: PortalSection[] | null;
  allowLeaveInAdvance?: boolean | null;
  allowApiDocuments?: boolean | null;
}

/** The viewer's organization and its access settings. */
export class OrganizationService {
  constructor(private readonly ctx: AppContext) {}

  /** The organization the viewer belongs to. */
  async current(): Promise<Organization> {
    const viewer = viewerOf(this.ctx);
    const organization = await this.ctx.loaders.load(Organization, viewer.organizationId);
    if (!organization) throw notFound('Organization', viewer.organizationId);
    return organization;
  }

  /** The settings in force, defaults included; any member may read them (the client hides sections). */
  settings(): Promise<EffectiveSettings> {
    return this.ctx.loaders.get(organizationSettingsLoader).load(viewerOf(this.ctx).organizationId);
  }

  /** ADMIN only; the change is journalled in the same transaction. */
  async updateSettings(change: SettingsChange): Promise<EffectiveSettings> {
    const viewer = viewerOf(this.ctx);
    authorize(viewer, organizationActions.updateSettings);
    const tx = unitOf(this.ctx).em;
    let settings = await tx.findOne(OrganizationSettings, {
      organization: viewer.organizationId,
    });
    settings ??= tx.create(OrganizationSettings, { organization: viewer.organizationId });
    if (change.managerSections) settings.managerSections = unique(change.managerSections);
    if (change.enabledSections) settings.enabledSections = unique(change.enabledSections);
    if (typeof change.allowLeaveInAdvance === 'boolean') {
      settings.allowLeaveInAdvance = change.allowLeaveInAdvance;
    }
    if (typeof change.allowApiDocuments === 'boolean') {
      settings.allowApiDocuments = change.allowApiDocuments;
    }
    await this.ctx.access.writeNow(tx, {
      section: 'SETTINGS',
      action: 'CHANGE',
      allowed: true,
      operation: 'updateOrganizationSettings',
    });
    // The settings are read back by a statement of their own: the change must be in the database.
    await tx.flush();
    this.ctx.loaders.get(organizationSettingsLoader).clear(viewer.organizationId);
    return this.settings();
  }
}

const unique = <T>(items: T[]): T[] => [...new Set(items)];
