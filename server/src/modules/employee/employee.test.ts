import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Department } from './department.entity.js';
import { startTestServer, type TestServer } from '../../../test/harness.js';
import { Employee } from './employee.entity.js';
import { budgets, EMPLOYEES_PAGE_QUERY } from '../../../test/statement-budgets.js';

interface EmployeesData {
  employees: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { cursor: string; node: { id: string; lastName: string; firstName: string } }[];
  };
}

const page = `query Page($first: Int!, $after: String, $filter: EmployeeFilter) {
  employees(first: $first, after: $after, filter: $filter) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id lastName firstName } }
  }
}`;

let server: TestServer;
let hr: string;
/** HR reads every file of the organization: the widest scope, for the list behaviour. */
const gql: TestServer['gql'] = (query, variables) => server.gql(query, variables, hr);

beforeAll(async () => {
  server = await startTestServer({ demo: true });
  hr = await server.login('hr');
});
afterAll(async () => {
  await server?.close();
});

describe('employees connection', () => {
  it('pages through every active employee in name order without gaps or repeats', async () => {
    const seen: { id: string; lastName: string; firstName: string }[] = [];
    let after: string | null = null;
    let total = 0;
    for (let guard = 0; guard < 20; guard++) {
      const result: Awaited<ReturnType<typeof server.gql<EmployeesData>>> =
        await gql<EmployeesData>(page, { first: 7, after });
      expect(result.errors).toBeUndefined();
      const connection = result.data!.employees;
      total = connection.totalCount;
      seen.push(...connection.edges.map((edge) => edge.node));
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    const em = server.orm.em.fork();
    const active = await em.count(Employee, { dismissalDate: null });
    expect(total).toBe(active);
    expect(seen).toHaveLength(active);
    expect(new Set(seen.map((employee) => employee.id)).size).toBe(active);
    const keys = seen.map((employee) => `${employee.lastName}\u0000${employee.firstName}`);
    expect(keys).toEqual([...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it('counts dismissed employees only when asked', async () => {
    const em = server.orm.em.fork();
    const all = await em.count(Employee, {});
    const result = await gql<EmployeesData>(page, {
      first: 1,
      filter: { includeDismissed: true },
    });
    expect(result.data!.employees.totalCount).toBe(all);
    expect(all).toBeGreaterThan(await em.count(Employee, { dismissalDate: null }));
  });

  it('filters by a department together with its sub-departments', async () => {
    const em = server.orm.em.fork();
    const teaching = await em.findOneOrFail(Department, { code: 'УЧ' });
    const subtree = await em.find(Department, {
      $or: [{ id: teaching.id }, { parent: teaching.id }],
    });
    const expected = await em.count(Employee, {
      department: { $in: subtree.map((unit) => unit.id) },
      dismissalDate: null,
    });
    const result = await gql<EmployeesData>(page, {
      first: 100,
      filter: { departmentId: teaching.id },
    });
    expect(subtree.length).toBeGreaterThan(1);
    expect(result.data!.employees.totalCount).toBe(expected);
    expect(result.data!.employees.edges).toHaveLength(expected);
  });

  it('finds people by the start of any part of the name', async () => {
    const em = server.orm.em.fork();
    const someone = await em.findOneOrFail(
      Employee,
      { dismissalDate: null },
      { orderBy: { personnelNumber: 'desc' } },
    );
    const result = await gql<EmployeesData>(page, {
      first: 100,
      filter: { search: `${someone.lastName.slice(0, 4)} ${someone.firstName}` },
    });
    const ids = result.data!.employees.edges.map((edge) => edge.node.id);
    expect(ids).toContain(someone.id);
    for (const edge of result.data!.employees.edges) {
      expect(edge.node.lastName.startsWith(someone.lastName.slice(0, 4))).toBe(true);
    }
  });

  it('treats LIKE wildcards in the search as plain text', async () => {
    const result = await gql<EmployeesData>(page, { first: 10, filter: { search: '%' } });
    expect(result.data!.employees.totalCount).toBe(0);
  });

  it('rejects a forged cursor and an out-of-range page size with BAD_USER_INPUT and the field', async () => {
    const forged = Buffer.from(JSON.stringify(['x', 'y', "1' or 1=1"])).toString('base64url');
    const badCursor = await gql(page, { first: 5, after: forged });
    expect(badCursor.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: ['after'],
    });
    const tooMany = await gql(page, { first: 1000 });
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: ['first'],
    });
    const unknownDepartment = await gql(page, {
      first: 5,
      filter: { departmentId: '00000000-0000-7000-8000-000000000000' },
    });
    expect(unknownDepartment.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: ['filter', 'departmentId'],
    });
  });
});

describe('employee', () => {
  it('returns one employee with department, position and organization', async () => {
    const em = server.orm.em.fork();
    const someone = await em.findOneOrFail(Employee, {
      dismissalDate: null,
      position: { $ne: null },
    });
    const result = await gql<{ employee: Record<string, unknown> }>(
      `query($id: ID!) { employee(id: $id) { id personnelNumber fullName hireDate department { id } position { name } organization { name timeZone } } }`,
      { id: someone.id },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.employee).toMatchObject({
      id: someone.id,
      personnelNumber: someone.personnelNumber,
      hireDate: someone.hireDate,
      department: { id: someone.department!.id },
      organization: { timeZone: 'Europe/Moscow' },
    });
  });

  it('answers NOT_FOUND for an unknown or malformed id', async () => {
    for (const id of ['00000000-0000-7000-8000-000000000000', 'not-a-uuid']) {
      const result = await gql(`query($id: ID!) { employee(id: $id) { id } }`, { id });
      expect(result.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
      expect(result.errors?.[0]?.message).not.toMatch(/select|syntax|invalid input/i);
    }
  });

  it('derives the manager: explicit first, else the department head, else the head above', async () => {
    const em = server.orm.em.fork();
    const unit = await em.findOneOrFail(Department, { code: 'МО-ЕН' }, { populate: ['parent'] });
    const teacher = await em.findOneOrFail(Employee, {
      department: unit.id,
      id: { $ne: unit.head!.id },
    });
    const parentHead = (await em.findOneOrFail(Department, { id: unit.parent!.id })).head!.id;
    const managerOf = async (id: string) =>
      (
        await gql<{ employee: { manager: { id: string } | null } }>(
          `query($id: ID!) { employee(id: $id) { manager { id } } }`,
          { id },
        )
      ).data!.employee.manager?.id;

    expect(await managerOf(teacher.id)).toBe(unit.head!.id);
    expect(await managerOf(unit.head!.id)).toBe(parentHead);

    teacher.manager = em.getReference(Employee, parentHead) as never;
    await em.flush();
    expect(await managerOf(teacher.id)).toBe(parentHead);
  });
});

describe('SQL statements per request', () => {
  const measure = async (query: string, first: number) => {
    const { result, statements } = await server.queries.measure(() => gql(query, { first }));
    expect(result.errors).toBeUndefined();
    return statements;
  };

  it('stay the same however long the list is (no N+1)', async () => {
    const withRelations = `query($first: Int!) {
      employees(first: $first) { edges { node { id department { name } position { name } } } }
    }`;
    const counts = [
      await measure(withRelations, 1),
      await measure(withRelations, 10),
      await measure(withRelations, 50),
    ];
    // the session (with the organization's settings), the page with its departments and positions,
    // one access-journal insert
    expect(counts).toEqual([3, 3, 3]);
  });

  it('count the list only when totalCount is selected', async () => {
    const withoutCount = await measure(
      `query($first: Int!) { employees(first: $first) { edges { node { id } } } }`,
      5,
    );
    const withCount = await measure(
      `query($first: Int!) { employees(first: $first) { totalCount } }`,
      5,
    );
    expect(withCount).toBe(withoutCount + 1);
  });

  it('stay bounded for deep nesting: batches follow the depth of the query, not the rows', async () => {
    const nested = `query($first: Int!) {
      employees(first: $first) {
        totalCount
        edges { node { id fullName organization { name } department { name parent { name } head { lastName } }
                       position { name } manager { lastName department { name } } } }
      }
    }`;
    const counts = [];
    for (const first of [2, 20, 50]) counts.push(await measure(nested, first));
    expect(Math.max(...counts)).toBeLessThanOrEqual(12);
  });

  it('keep the directory page (department, position, manager, total) within its budget', async () => {
    expect(await measure(EMPLOYEES_PAGE_QUERY, 50)).toBeLessThanOrEqual(budgets.employeesPage);
  });

  it('departments with heads and headcounts take a constant number of statements', async () => {
    const { result, statements } = await server.queries.measure(() =>
      gql(
        `{ departments { id name headcount parent { id } head { fullName position { name } } } }`,
      ),
    );
    expect(result.errors).toBeUndefined();
    expect(statements).toBeLessThanOrEqual(6);
  });
});
