import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { runSql } from '../../core/orm/sql.js';
import { DEFAULT_TIME_ZONE } from './time-zone.js';
import {
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
  /** IANA time zone: the organization's clock (`todayOf`). */
  timeZone: string;
}

const defaults: EffectiveSettings = {
  managerSections: new Set(defaultManagerSections),
  enabledSections: new Set(PortalSections),
  allowLeaveInAdvance: false,
  allowApiDocuments: true,
  timeZone: DEFAULT_TIME_ZONE,
};

/**
 * An organization's settings and time zone as one jsonb value, for `idExpression` (a column of the
 * caller's statement): the session lookup reads them in its own statement, the loader below alone.
 */
export function organizationFactsSql(idExpression: string): string {
  return `(select jsonb_build_object(
      'time_zone', facts_o.time_zone,
      'manager_sections', facts_s.manager_sections,
      'enabled_sections', facts_s.enabled_sections,
      'allow_leave_in_advance', facts_s.allow_leave_in_advance,
      'allow_api_documents', facts_s.allow_api_documents)
    from organization facts_o
    left join organization_settings facts_s on facts_s.organization_id = facts_o.id
    where facts_o.id = ${idExpression})`;
}

/** The facts `organizationFactsSql` read; the defaults where no settings were saved. */
export interface OrganizationFacts {
  time_zone: string | null;
  manager_sections: FileSection[] | null;
  enabled_sections: PortalSection[] | null;
  allow_leave_in_advance: boolean | null;
  allow_api_documents: boolean | null;
}

/** Effective settings from the facts (none at all: the organization is gone; the defaults). */
export function settingsOfFacts(facts: OrganizationFacts | null): EffectiveSettings {
  if (!facts) return defaults;
  return {
    managerSections: facts.manager_sections
      ? new Set(facts.manager_sections)
      : defaults.managerSections,
    enabledSections: facts.enabled_sections
      ? new Set(facts.enabled_sections)
      : defaults.enabledSections,
    allowLeaveInAdvance: facts.allow_leave_in_advance ?? defaults.allowLeaveInAdvance,
    allowApiDocuments: facts.allow_api_documents ?? defaults.allowApiDocuments,
    timeZone: facts.time_zone ?? DEFAULT_TIME_ZONE,
  };
}

/**
 * Each organization's access settings and time zone, the defaults where none were saved; once per
 * request, and no statement at all when the session lookup brought them (`prime`).
 */
export const organizationSettingsLoader = (em: EntityManager) =>
  new DataLoader<string, EffectiveSettings>(async (organizationIds) => {
    const rows = await runSql<{ id: string; facts: OrganizationFacts }>(
      em,
      `select org.id, ${organizationFactsSql('org.id')} as facts
         from organization org where org.id = any(?::uuid[])`,
      [`{${organizationIds.join(',')}}`],
    );
    const byOrganization = new Map(rows.map((row) => [row.id, row.facts]));
    return organizationIds.map((id) => settingsOfFacts(byOrganization.get(id) ?? null));
  });
