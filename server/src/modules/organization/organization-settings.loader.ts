import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  OrganizationSettings,
  PortalSections,
  defaultManagerSections,
  type FileSection,
  type PortalSection,
} from './organization-settings.entity.js';

export interface EffectiveSettings {
  managerSections: ReadonlySet<FileSection>;
  enabledSections: ReadonlySet<PortalSection>;
  allowLeaveInAdvance: boolean;
  allowApiDocuments: boolean;
}

const defaults: EffectiveSettings = {
  managerSections: new Set(defaultManagerSections),
  enabledSections: new Set(PortalSections),
  allowLeaveInAdvance: false,
  allowApiDocuments: true,
};

/** Each organization's access settings, the defaults where none were saved; once per request. */
export const organizationSettingsLoader = (em: EntityManager) =>
  new DataLoader<string, EffectiveSettings>(async (organizationIds) => {
    // The organization comes along (its time zone is asked next), so the clock needs no statement.
    const rows = await em.find(
      OrganizationSettings,
      { organization: { $in: [...organizationIds] } },
      { populate: ['organization'], strategy: 'joined' },
    );
    const byOrganization = new Map(rows.map((row) => [row.organization.id, row]));
    return organizationIds.map((id) => {
      const row = byOrganization.get(id);
      return row
        ? {
            managerSections: new Set(row.managerSections),
            enabledSections: new Set(row.enabledSections),
            allowLeaveInAdvance: row.allowLeaveInAdvance,
            allowApiDocuments: row.allowApiDocuments,
          }
        : defaults;
    });
  });
