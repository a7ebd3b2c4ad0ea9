import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../test/harness.js';
import { Department } from './department.entity.js';
import { seedInstitution } from '../../seeders/institution.seeder.js';
import { Employee } from './employee.entity.js';
import { managerOf } from './employee.service.js';
import { Loaders } from '../../core/orm/loaders.js';
import {
  budgets,
  DASHBOARD_QUERY,
  EMPLOYEES_PAGE_QUERY,
  FILE_SECTIONS_QUERY,
  TEAM_QUERY,
} from '../../../test/statement-budgets.js';

/** A manager of a large department: their team page costs a constant number of SQL statements. */

let server: TestServer;
let token: string;
let teamSize: number;
let member: { id: string; token: string };

beforeAll(async () => {
  server = await startTestServer({ demo: false });
  const seeded = await seedInstitution(server.orm.em.fork(), {
    seed: 3,
    employees: 400,
    organization: {
      name: 'МБОУ «Гимназия № 1»',
      shortName: 'Гимназия № 1',
      inn: '3100000003',
      kpp: '310001001',
      address: '',
    },
    externalId: 'team-test',
    emailDomain: 'gym1.example.ru',
    loginPrefix: 't-',
    password: 'demo1234',
  });
  // The largest teaching unit and its head.
  const em = server.orm.em.fork();
  const units = await em.find(Department, {
    organization: seeded.organizationId,
    code: { $like: 'МО-%' },
  });
  const sizes = await Promise.all(
    units.map(
      async (unit) =>
        [unit, await em.count(Employee, { department: unit.id, dismissalDate: null })] as const,
    ),
  );
  const [unit, size] = sizes.sort((a, b) => b[1] - a[1])[0]!;
  teamSize = size - 1;
  const head = await em.findOneOrFail(Employee, { id: unit.head!.id });
  token = await server.login(`t-${head.personnelNumber}`);
  // The subordinate with the most rows across the sections.
  const [richest] = await em.getConnection().execute<{ id: string; personnel_number: string }[]>(
    `select e.id, e.personnel_number from employee e
      where e.department_id = ? and e.id <> ? and e.dismissal_date is null
      order by (select count(*) from assignment a where a.employee_id = e.id)
             + (select count(*) from leave_record l where l.employee_id = e.id)
             + (select count(*) from education_record r where r.employee_id = e.id) desc
      limit 1`,
    [unit.id, head.id],
  );
  member = { id: richest!.id, token: await server.login(`t-${richest!.personnel_number}`) };
});
afterAll(async () => {
  await server?.close();
});

const team = TEAM_QUERY;

describe('myTeam', () => {
  it('lists the subordinates with their current post, next leave, attestation and education', async () => {
    expect(teamSize).toBeGreaterThanOrEqual(50);
    const result = await server.gql<{
      myTeam: {
        edges: {
          node: { employment: { current: unknown }; leave: { nextLeaveStart: string | null } };
        }[];
      };
    }>(team, { first: 50 }, token);
    expect(result.errors).toBeUndefined();
    expect(result.data!.myTeam.edges).toHaveLength(50);
    expect(result.data!.myTeam.edges.every((edge) => edge.node.employment.current !== null)).toBe(
      true,
    );
  });

  it('runs the same small number of SQL statements for 5 and for 50 subordinates', async () => {
    const measure = async (first: number) => {
      const { result, statements } = await server.queries.measure(() =>
        server.gql(team, { first }, token),
      );
      expect(result.errors).toBeUndefined();
      return statements;
    };
    const five = await measure(5);
    const fifty = await measure(50);
    // the session (with the departments the manager heads and the organization's settings and time
    // zone), the page with departments and positions, one read of every section's rows (assignments
    // with their departments and positions, previous employment, leaves, leave schedule,
    // attestations, education) and one access-journal insert.
    expect(fifty).toBe(five);
    expect(fifty).toBe(4);
  });
});

describe('the manager rule', () => {
  it('names the same manager in the directory (SQL) as the writes do (headAbove), for everyone', async () => {
    const hr = await server.login('t-hr');
    const listed = new Map<string, string | null>();
    let after: string | null = null;
    do {
      const result: Awaited<ReturnType<typeof server.gql>> = await server.gql(
        `query($after: String) { employees(first: 100, after: $after, filter: { includeDismissed: true }) {
          edges { node { id manager { id } } } pageInfo { hasNextPage endCursor } } }`,
        { after },
        hr,
      );
      expect(result.errors).toBeUndefined();
      const page = (
        result.data as {
          employees: {
            edges: { node: { id: string; manager: { id: string } | null } }[];
            pageInfo: { hasNextPage: boolean; endCursor: string | null };
          };
        }
      ).employees;
      for (const { node } of page.edges) listed.set(node.id, node.manager?.id ?? null);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    const em = server.orm.em.fork();
    const loaders = new Loaders(em);
    const employees = await em.find(Employee, { id: { $in: [...listed.keys()] } });
    expect(employees.length).toBeGreaterThanOrEqual(400);
    let managed = 0;
    for (const employee of employees) {
      const expected = (await managerOf(employee, loaders))?.id ?? null;
      expect(listed.get(employee.id), employee.personnelNumber).toBe(expected);
      if (expected) managed += 1;
    }
    expect(managed).toBeGreaterThan(employees.length / 2);
  });
});

describe('statement budgets at the size of a large institution', () => {
  const measure = async (query: string, as: string, variables?: Record<string, unknown>) => {
    const { result, statements } = await server.queries.measure(() =>
      server.gql(query, variables, as),
    );
    expect(result.errors).toBeUndefined();
    return statements;
  };

  it("keeps the dashboard of the team's head and of a subordinate within the demo's budgets", async () => {
    expect(await measure(DASHBOARD_QUERY, token)).toBeLessThanOrEqual(budgets.dashboard.manager);
    expect(await measure(DASHBOARD_QUERY, member.token)).toBeLessThanOrEqual(
      budgets.dashboard.employee,
    );
  });

  it('keeps a full personal file within the demo budget', async () => {
    expect(await measure(FILE_SECTIONS_QUERY, member.token, { id: member.id })).toBeLessThanOrEqual(
      budgets.fileSections.owner,
    );
  });

  it("keeps HR's dashboard, directory page and a full file read by HR within the demo budgets", async () => {
    const hr = await server.login('t-hr');
    expect(await measure(DASHBOARD_QUERY, hr)).toBeLessThanOrEqual(budgets.dashboard.hr);
    expect(await measure(EMPLOYEES_PAGE_QUERY, hr, { first: 50 })).toBeLessThanOrEqual(
      budgets.employeesPage,
    );
    expect(await measure(FILE_SECTIONS_QUERY, hr, { id: member.id })).toBeLessThanOrEqual(
      budgets.fileSections.hr,
    );
  });

  it('keeps the team page within its budget', async () => {
    expect(await measure(team, token, { first: 50 })).toBeLessThanOrEqual(budgets.myTeam);
  });
});
