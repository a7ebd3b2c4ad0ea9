/**
 * Organizations and their settings (sections, manager access, time zone).
 *
 * The module's public face: other modules and the wiring import only from here.
 */
export { DEFAULT_TIME_ZONE, organizationToday, todayOf } from './clock.js';
export {
  defaultManagerSections,
  FileSections,
  fileSectionWords,
  OrganizationSettings,
  PortalSections,
  type FileSection,
  type PortalSection,
} from './organization-settings.entity.js';
export {
  organizationFactsSql,
  organizationSettingsLoader,
  settingsOfFacts,
  type EffectiveSettings,
  type OrganizationFacts,
} from './organization-settings.loader.js';
export { FileSectionValue } from './organization-settings.type.js';
export { Organization } from './organization.entity.js';
export { organizationActions } from './organization.policy.js';
export { OrganizationResolver } from './organization.resolver.js';
export { OrganizationType } from './organization.type.js';
