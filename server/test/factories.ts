import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Assignment } from '../src/modules/assignment/assignment.entity.js';
import { Department } from '../src/modules/employee/department.entity.js';
import { Employee } from '../src/modules/employee/employee.entity.js';
import { User, type StoredRole } from '../src/modules/identity/user.entity.js';
import { LeaveRecord } from '../src/modules/leave/leave.entity.js';
import { Organization } from '../src/modules/organization/organization.entity.js';
import { Position } from '../src/modules/position/position.entity.js';

/**
 * Test factories: each writes one row through MikroORM with plausible defaults, and creates the
 * parents it is not given (an employee without an organization gets a new one), so a use-case test
 * states only what its case is about. Every call flushes; relations are written by id, so an
 * entity built through another EntityManager fork may be passed.
 */

const unique = () => randomUUID().slice(0, 8);

/** Any row given as a parent: only its id is used. */
type Row = { id: string };

export async function buildOrganization(
  em: EntityManager,
  data: Partial<Pick<Organization, 'name' | 'shortName' | 'timeZone'>> = {},
): Promise<Organization> {
  const id = unique();
  const organization = em.create(Organization, {
    name: `Тестовое учреждение ${id}`,
    shortName: `ТУ ${id}`,
    timeZone: 'Europe/Moscow',
    ...data,
  });
  await em.flush();
  return organization;
}

export async function buildDepartment(
  em: EntityManager,
  data: { organization?: Row; name?: string; head?: Row | null } = {},
): Promise<Department> {
  const organization = data.organization ?? (await buildOrganization(em));
  const department = em.create(Department, {
    organization: organization.id,
    name: data.name ?? `Отдел ${unique()}`,
    head: data.head?.id ?? null,
  });
  await em.flush();
  return department;
}

export async function buildPosition(
  em: EntityManager,
  data: {
    organization?: Row;
    name?: string;
    basicLeaveDays?: number;
    additionalLeaveDays?: number;
  } = {},
): Promise<Position> {
  const organization = data.organization ?? (await buildOrganization(em));
  const position = em.create(Position, {
    organization: organization.id,
    name: data.name ?? 'Учитель',
    basicLeaveDays: data.basicLeaveDays ?? 28,
    additionalLeaveDays: data.additionalLeaveDays ?? 0,
  });
  await em.flush();
  return position;
}

/** An employee in a department and position of one organization, hired with a HIRE assignment. */
export async function buildEmployee(
  em: EntityManager,
  data: {
    organization?: Row;
    department?: Department;
    position?: Row;
    manager?: Row | null;
    hireDate?: string;
    lastName?: string;
  } = {},
): Promise<Employee> {
  const organizationId =
    data.organization?.id ?? data.department?.organization.id ?? (await buildOrganization(em)).id;
  const organization = { id: organizationId };
  const department = data.department ?? (await buildDepartment(em, { organization }));
  const position = data.position ?? (await buildPosition(em, { organization }));
  const hireDate = data.hireDate ?? '2020-09-01';
  const employee = em.create(Employee, {
    organization: organizationId,
    personnelNumber: unique(),
    lastName: data.lastName ?? 'Петрова',
    firstName: 'Анна',
    middleName: 'Сергеевна',
    department: department.id,
    position: position.id,
    manager: data.manager?.id ?? null,
    hireDate,
  });
  em.create(Assignment, {
    organization: organizationId,
    employee,
    kind: 'HIRE',
    department: department.id,
    position: position.id,
    rate: '1.00',
    startDate: hireDate,
  });
  await em.flush();
  return employee;
}

/** An active account; of `employee` when given (in its organization), else of a new organization. */
export async function buildUser(
  em: EntityManager,
  data: {
    employee?: Employee | null;
    organization?: Row;
    roles?: StoredRole[];
    login?: string;
  } = {},
): Promise<User> {
  const organizationId =
    data.organization?.id ?? data.employee?.organization.id ?? (await buildOrganization(em)).id;
  const user = em.create(User, {
    organization: organizationId,
    login: data.login ?? `user-${unique()}`,
    employee: data.employee?.id ?? null,
    roles: data.roles ?? ['EMPLOYEE'],
    status: 'ACTIVE',
  });
  await em.flush();
  return user;
}

/** An employee with an account, for a test that acts as them. */
export async function buildEmployeeUser(
  em: EntityManager,
  data: Parameters<typeof buildEmployee>[1] & { roles?: StoredRole[] } = {},
): Promise<{ employee: Employee; user: User }> {
  const employee = await buildEmployee(em, data);
  const user = await buildUser(em, { employee, roles: data.roles });
  return { employee, user };
}

/** A leave HR recorded in the file (annual basic by default), charged `days`. */
export async function buildLeaveRecord(
  em: EntityManager,
  data: { employee: Employee; startDate: string; endDate: string; days: number; kind?: string },
): Promise<LeaveRecord> {
  const record = em.create(LeaveRecord, {
    organization: data.employee.organization.id,
    employee: data.employee.id,
    kind: data.kind ?? 'ANNUAL_BASIC',
    startDate: data.startDate,
    endDate: data.endDate,
    days: data.days,
  });
  await em.flush();
  return record;
}
