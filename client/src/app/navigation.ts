import type { IconName } from '../components/icons';
import type { PortalSection, Role } from '../gql/graphql';

/** Where an entry sits: the viewer's own portal, the HR and accounting back office, administration. */
export type NavGroup = 'self' | 'office' | 'admin';

export interface NavItem {
  to: string;
  /** `self` when omitted. */
  group?: NavGroup;
  label:
    | 'nav.dashboard'
    | 'nav.tasks'
    | 'nav.file'
    | 'nav.payslips'
    | 'nav.notifications'
    | 'nav.team'
    | 'nav.employees'
    | 'nav.accessLog'
    | 'nav.kpi'
    | 'nav.teamKpi'
    | 'nav.kpiWaiting'
    | 'nav.deputies'
    | 'nav.settings';
  icon: IconName;
  /** Shown when the viewer has an employee record. */
  needsFile?: boolean;
  /** Shown when the organization has this portal section on. */
  section?: PortalSection;
  /** Shown to any of these roles. */
  roles?: Role[];
}

export const navItems: NavItem[] = [
  { to: '/', label: 'nav.dashboard', icon: 'home' },
  { to: '/tasks', label: 'nav.tasks', icon: 'check', section: 'TASKS' },
  { to: '/file', label: 'nav.file', icon: 'file', needsFile: true },
  { to: '/payslips', label: 'nav.payslips', icon: 'wallet', needsFile: true, section: 'PAYROLL' },
  { to: '/kpi', label: 'nav.kpi', icon: 'chart', needsFile: true, section: 'KPI' },
  { to: '/notifications', label: 'nav.notifications', icon: 'bell' },
  { to: '/team', label: 'nav.team', icon: 'team', roles: ['MANAGER'] },
  { to: '/kpi/team', label: 'nav.teamKpi', icon: 'chart', roles: ['MANAGER'], section: 'KPI' },
  {
    to: '/kpi/waiting',
    label: 'nav.kpiWaiting',
    icon: 'check',
    roles: ['MANAGER', 'HR'],
    section: 'KPI',
  },
  { to: '/employees', label: 'nav.employees', icon: 'team', roles: ['HR', 'ACCOUNTANT', 'ADMIN'] },
  { to: '/deputies', label: 'nav.deputies', icon: 'swap', needsFile: true, section: 'TASKS' },
  { to: '/access-log', label: 'nav.accessLog', icon: 'eye', needsFile: true },
  { to: '/settings/notifications', label: 'nav.settings', icon: 'settings' },
];

/** The viewer's entries by group, in the order the menu shows them; empty groups left out. */
export function groupedNav(items: readonly NavItem[]): { group: NavGroup; items: NavItem[] }[] {
  return (['self', 'office', 'admin'] as const)
    .map((group) => ({ group, items: items.filter((item) => (item.group ?? 'self') === group) }))
    .filter((entry) => entry.items.length > 0);
}

/** The navigation entries this viewer may use. */
export function visibleNav(
  roles: readonly Role[],
  hasFile: boolean,
  sections: readonly PortalSection[],
): NavItem[] {
  return navItems.filter(
    (item) =>
      (!item.needsFile || hasFile) &&
      (!item.section || sections.includes(item.section)) &&
      (!item.roles || item.roles.some((role) => roles.includes(role))),
  );
}
