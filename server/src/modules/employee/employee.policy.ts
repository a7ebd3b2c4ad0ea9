import DataLoader from 'dataloader';
import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { AppContext } from '../../core/context.js';
import { forbidden, hasRole, type Viewer } from '../../core/auth/viewer.js';
import { definePolicy } from '../../core/policy.js';
import type { Loaders } from '../../core/orm/loaders.js';
import type { AccessJournal } from '../../core/access.js';
import {
  type EffectiveSettings,
  type FileSection,
  FileSections,
  organizationSettingsLoader,
  type PortalSection,
  PortalSections,
} from '../organization/index.js';
import type { Employee, EmployeeRow } from './employee.entity.js';

/** SQL: the departments the managers in `?` head, with every department below them. */
const headedSql = `with recursive headed as (
         select d.id, d.head_id as manager_id from department d
          where d.head_id in (?) and d.deleted_at is null
         union
         select child.id, headed.manager_id from department child join headed on child.parent_id = headed.id
          where child.deleted_at is null
       )`;

/** The departments each manager heads, with every department below them, in one recursive query. */
const managedDepartmentsLoader = (em: EntityManager) =>
  new DataLoader<string, ReadonlySet<string>>(async (managerIds) => {
    const rows = await em.execute<{ manager_id: string; id: string }[]>(
      `${headedSql}
       select manager_id, id from headed`,
      [[...managerIds]],
    );
    return managerIds.map(
      (managerId) =>
        new Set(rows.filter((row) => row.manager_id === managerId).map((row) => row.id)),
    );
  });

/**
 * SQL: the ids of the departments the employee in `employeeColumn` heads, with every department
 * below them, as a uuid array: for the session lookup, which then primes the loader above.
 */
export const managedDepartmentsSql = (employeeColumn: string): string =>
  `(with recursive headed as (
      select d.id from department d where d.head_id = ${employeeColumn} and d.deleted_at is null
      union
      select child.id from department child join headed on child.parent_id = headed.id
       where child.deleted_at is null
    ) select coalesce(array_agg(id::text), '{}'::text[]) from headed)`;

/** Hands the request the departments a manager heads, read with the session: no statement later. */
export function primeManagedDepartments(
  loaders: Loaders,
  managerId: string,
  departmentIds: readonly string[],
): void {
  loaders.get(managedDepartmentsLoader).prime(managerId, new Set(departmentIds));
}

const isPortalSection = (section: FileSection): section is FileSection & PortalSection =>
  (PortalSections as readonly string[]).includes(section);

/**
 * Who may read which section of whose personal file. Deny by default: the owner reads their own
 * file; HR reads every file of the organization; ACCOUNTANT the basic and payroll sections; ADMIN the
 * basic section (the directory); a manager the sections the organization allows of subordinates.
 * Sections the organization has switched off are hidden from everyone. Every decision about someone
 * else's file is written to the access journal.
 */
export class EmployeePolicy {
  private readonly loaders: Loaders;
  private readonly journal: AccessJournal;

  constructor(
    private readonly viewer: Viewer,
    ctx: Pick<AppContext, 'loaders' | 'access'>,
  ) {
    this.loaders = ctx.loaders;
    this.journal = ctx.access;
  }

  /**
   * Each file's sections as decided for this request, per row or entity: a list asks once per
   * field of every row, and the answer only changes with the facts it was decided on (the file's
   * place, and the organization's settings: a settings change clears their loader).
   */
  private readonly decided = new WeakMap<
    EmployeeRow,
    {
      facts: string;
      settings: Promise<EffectiveSettings>;
      sections: Promise<ReadonlySet<FileSection>>;
    }
  >();

  /** The sections of `employee`'s file the viewer may read. */
  sections(employee: EmployeeRow): Promise<ReadonlySet<FileSection>> {
    const viewer = this.viewer;
    if (employee.organization.id !== viewer.organizationId || hasRole(viewer, 'EXTERNAL')) {
      return Promise.resolve(new Set());
    }
    const facts = `${employee.id} ${employee.manager?.id ?? ''} ${employee.department?.id ?? ''}`;
    const settings = this.loaders.get(organizationSettingsLoader).load(this.viewer.organizationId);
    const known = this.decided.get(employee);
    if (known?.facts === facts && known.settings === settings) return known.sections;
    const sections = this.decide(employee, settings);
    this.decided.set(employee, { facts, settings, sections });
    return sections;
  }

  private async decide(
    employee: EmployeeRow,
    settingsLoaded: Promise<EffectiveSettings>,
  ): Promise<ReadonlySet<FileSection>> {
    const viewer = this.viewer;
    const settings = await settingsLoaded;
    const { all, byRoles } = this.grantsUnder(settings);
    // One's own file is read whole; no need for the departments one heads.
    if (viewer.employeeId === employee.id) return all;
    if (hasRole(viewer, 'MANAGER') && (await this.isSubordinate(employee))) {
      const granted = new Set(byRoles);
      for (const section of ['BASIC', ...settings.managerSections] as FileSection[]) {
        if (all.has(section)) granted.add(section);
      }
      return granted;
    }
    return byRoles;
  }

  /** Per settings answer: every section the organization shows, and what the viewer's roles grant. */
  private readonly grants = new WeakMap<
    EffectiveSettings,
    { all: ReadonlySet<FileSection>; byRoles: ReadonlySet<FileSection> }
  >();

  /**
   * What the viewer's roles alone grant on any file of the organization (HR everything, ACCOUNTANT
   * the basic and payroll sections, ADMIN the basic one), within the sections the organization
   * shows: the same for every row of a list, so worked out once and shared (never mutated).
   */
  private grantsUnder(settings: EffectiveSettings) {
    let grants = this.grants.get(settings);
    if (!grants) {
      const all = new Set(
        FileSections.filter(
          (section) => !isPortalSection(section) || settings.enabledSections.has(section),
        ),
      );
      const viewer = this.viewer;
      const roleSections: FileSection[] = hasRole(viewer, 'HR')
        ? [...FileSections]
        : [
            ...(hasRole(viewer, 'ACCOUNTANT') ? (['BASIC', 'PAYROLL'] as const) : []),
            ...(hasRole(viewer, 'ADMIN') ? (['BASIC'] as const) : []),
          ];
      grants = { all, byRoles: new Set(roleSections.filter((section) => all.has(section))) };
      this.grants.set(settings, grants);
    }
    return grants;
  }

  /** Allows or refuses reading one section, journalling the decision for someone else's file. */
  async read(employee: EmployeeRow, section: FileSection, operation: string): Promise<boolean> {
    const allowed = (await this.sections(employee)).has(section);
    if (employee.id !== this.viewer.employeeId) {
      this.journal.record({
        subjectEmployeeId: employee.id,
        section,
        action: allowed ? 'READ' : 'DENIED',
        allowed,
        operation,
      });
    }
    return allowed;
  }

  /** `read`, throwing FORBIDDEN when refused. */
  async require(employee: EmployeeRow, section: FileSection, operation: string): Promise<void> {
    if (!(await this.read(employee, section, operation))) throw forbidden();
  }

  /** Whether the viewer may know the file exists at all: its basic section is theirs to read. */
  async sees(employee: EmployeeRow): Promise<boolean> {
    return (await this.sections(employee)).has('BASIC');
  }

  /**
   * `read` for a lookup by id: a file the viewer may not see at all is refused as `missing()`, the
   * very answer an unknown id gets (no existence oracle); a seen file's closed section is FORBIDDEN.
   */
  async requireFound(
    employee: EmployeeRow,
    section: FileSection,
    operation: string,
    missing: () => Error,
  ): Promise<void> {
    if (await this.read(employee, section, operation)) return;
    throw (await this.sees(employee)) ? forbidden() : missing();
  }

  /** Whether the viewer may see identifiers (СНИЛС, ИНН) in full: the owner and HR, never others. */
  canReveal(employee: EmployeeRow): boolean {
    return employee.id === this.viewer.employeeId || hasRole(this.viewer, 'HR');
  }

  /** HR data is HR's to change: HR of the employee's organization only, never the employee. */
  canEdit(employee: EmployeeRow): boolean {
    return hasRole(this.viewer, 'HR') && employee.organization.id === this.viewer.organizationId;
  }

  /** A SQL filter for the files the viewer may list, or null when they may list none. */
  async listScope(): Promise<FilterQuery<Employee> | null> {
    const viewer = this.viewer;
    if (hasRole(viewer, 'EXTERNAL') && !viewer.employeeId) return null;
    const organization = { organization: viewer.organizationId };
    if (hasRole(viewer, 'HR', 'ACCOUNTANT', 'ADMIN')) return organization;
    const own: FilterQuery<Employee>[] = viewer.employeeId ? [{ id: viewer.employeeId }] : [];
    if (hasRole(viewer, 'MANAGER') && viewer.employeeId) {
      const departments = await this.loaders.get(managedDepartmentsLoader).load(viewer.employeeId);
      own.push({ department: { $in: [...departments] } }, { manager: viewer.employeeId });
    }
    return own.length > 0 ? { ...organization, $or: own } : null;
  }

  /** The subordinates of a manager, themselves excluded; null for anyone who manages no one. */
  async teamScope(): Promise<FilterQuery<Employee> | null> {
    const viewer = this.viewer;
    if (!hasRole(viewer, 'MANAGER') || !viewer.employeeId) return null;
    const departments = await this.loaders.get(managedDepartmentsLoader).load(viewer.employeeId);
    return {
      organization: viewer.organizationId,
      id: { $ne: viewer.employeeId },
      $or: [{ department: { $in: [...departments] } }, { manager: viewer.employeeId }],
    };
  }

  /**
   * `teamScope` with the departments headed as a recursive sub-select, for a statement that needs
   * the team but not the departments themselves (the dashboard's counts): no statement of its own.
   */
  teamScopeInline(): FilterQuery<Employee> | null {
    const viewer = this.viewer;
    if (!hasRole(viewer, 'MANAGER') || !viewer.employeeId) return null;
    const headed = this.loaders.em
      .getKnex()
      .raw(`(${headedSql} select id from headed)`, [viewer.employeeId]);
    return {
      organization: viewer.organizationId,
      id: { $ne: viewer.employeeId },
      $or: [{ department: { $in: headed as never } }, { manager: viewer.employeeId }],
    };
  }

  /** Whether the viewer manages `employee`: explicitly, or by heading a department above them. */
  async isSubordinate(employee: EmployeeRow): Promise<boolean> {
    if (!this.viewer.employeeId) return false;
    if (employee.manager?.id === this.viewer.employeeId) return true;
    const departments = await this.loaders
      .get(managedDepartmentsLoader)
      .load(this.viewer.employeeId);
    return employee.department !== null && departments.has(employee.department.id);
  }
}

/** The employee module's actions apart from a file's sections (EmployeePolicy above). */
export const employeeActions = definePolicy('employee', {
  /** Read the organization's departments: its members, not a third party without a file. */
  readDepartments: (viewer) => !hasRole(viewer, 'EXTERNAL') || viewer.employeeId !== null,
});
