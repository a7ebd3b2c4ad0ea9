import type { FilterQuery } from '@mikro-orm/core';
import type { AppContext } from '../../core/context.js';
import { hasRole, type Viewer } from '../../core/auth/viewer.js';
import { anyRole, can, definePolicy } from '../../core/policy.js';
import { type Employee, EmployeePolicy } from '../employee/index.js';
import type { EvaluationSheet } from './kpi.entity.js';
import { mayEnterFact } from './kpi.rules.js';

/** The parts someone plays on an employee's evaluation sheets. */
export type SheetActor = 'EMPLOYEE' | 'MANAGER' | 'HR' | 'INTEGRATION';

/**
 * Who may do what with performance indicators. Deny by default: the employee reads their own
 * sheets and enters self-assessed facts; their manager (explicit, or the head of a department above
 * them) sets plans and agrees facts; HR reads every sheet of the organization and approves;
 * INTEGRATION imports plans and facts; HR and ADMIN keep the catalogue. Reading someone else's
 * sheet is journalled.
 */
export class KpiPolicy {
  private readonly employees: EmployeePolicy;

  constructor(
    private readonly viewer: Viewer,
    private readonly ctx: Pick<AppContext, 'loaders' | 'access'>,
  ) {
    this.employees = new EmployeePolicy(viewer, ctx);
  }

  /** The parts the viewer plays on `employee`'s sheets. */
  async actorsOn(employee: Employee): Promise<ReadonlySet<SheetActor>> {
    const viewer = this.viewer;
    const actors = new Set<SheetActor>();
    if (employee.organization.id !== viewer.organizationId) return actors;
    if (viewer.employeeId === employee.id) actors.add('EMPLOYEE');
    if (hasRole(viewer, 'HR')) actors.add('HR');
    if (hasRole(viewer, 'INTEGRATION')) actors.add('INTEGRATION');
    if (
      hasRole(viewer, 'MANAGER') &&
      viewer.employeeId !== employee.id &&
      (await this.employees.isSubordinate(employee))
    ) {
      actors.add('MANAGER');
    }
    return actors;
  }

  /** Whether the viewer may read `employee`'s sheets; journals reads of someone else's. */
  async read(employee: Employee, operation: string): Promise<boolean> {
    const actors = await this.actorsOn(employee);
    const allowed = actors.has('EMPLOYEE') || actors.has('MANAGER') || actors.has('HR');
    if (employee.id !== this.viewer.employeeId) {
      this.ctx.access.record({
        subjectEmployeeId: employee.id,
        section: 'KPI',
        action: allowed ? 'READ' : 'DENIED',
        allowed,
        operation,
      });
    }
    return allowed;
  }

  /** HR and ADMIN keep the catalogue. */
  managesCatalogue(): boolean {
    return hasRole(this.viewer, 'HR', 'ADMIN');
  }
}

/** The KPI module's actions apart from a sheet's own steps (KpiPolicy above). */
export const kpiActions = definePolicy('kpi', {
  /** Read the organization's indicator catalogue: its employees, HR, admins, the system of record. */
  readCatalogue: (viewer) =>
    viewer.employeeId !== null || hasRole(viewer, 'HR', 'ADMIN', 'INTEGRATION'),
  /** Approve the organization's agreed sheets (HR's step). */
  approveAgreedSheets: anyRole('HR'),
  /**
   * Enter the fact of one indicator of a sheet now: the subject carries what the caller loaded (the
   * viewer's roles on the sheet, its status, whether its period began, the indicator's kind).
   * `enterIndicatorFacts` and `EvaluationSheet.factsEditable` both ask it.
   */
  enterFact: (
    _viewer,
    fact: {
      actors: ReadonlySet<SheetActor>;
      status: 'DRAFT' | 'SUBMITTED' | 'AGREED' | 'APPROVED';
      started: boolean;
      selfAssessed: boolean;
    },
  ) =>
    mayEnterFact({
      started: fact.started,
      status: fact.status,
      service:
        fact.actors.has('MANAGER') || fact.actors.has('HR') || fact.actors.has('INTEGRATION'),
      employee: fact.actors.has('EMPLOYEE'),
      selfAssessed: fact.selfAssessed,
    }),
});

/**
 * The sheets waiting for the viewer's step, as alternatives (none when nothing can wait for them):
 * SUBMITTED sheets of their team (`teamScope`), AGREED ones of the organization for HR.
 */
export function awaitingFilters(
  viewer: Viewer,
  teamScope: FilterQuery<Employee> | null,
): FilterQuery<EvaluationSheet>[] {
  const filters: FilterQuery<EvaluationSheet>[] = [];
  if (can(viewer, kpiActions.approveAgreedSheets)) {
    filters.push({
      organization: viewer.organizationId,
      status: 'AGREED',
      employee: { deletedAt: null },
    });
  }
  if (teamScope) {
    filters.push({ status: 'SUBMITTED', employee: { $and: [teamScope, { deletedAt: null }] } });
  }
  return filters;
}
