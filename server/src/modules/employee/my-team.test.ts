import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../test/harness.js';
import { Department } from './department.entity.js';
import { seedInstitution } from '../../seeders/institution.seeder.js';
import { Employee } from './employee.entity.js';

/** A manager of a large department: their team page costs a constant number of SQL statements. */

let server: TestServer;
let token: string;
let teamSize: number;

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
});
afterAll(async () => {
  await server?.close();
});

const team = `query($first: Int!) { myTeam(first: $first) {
  edges { node {
    id fullName
    position { name }
    employment { current { startDate position { name } } }
    leave { nextLeaveStart }
    attestation { nextDueDate }
    education { lastCourseEnd basic { level } }
  } }
} }`;

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
    // session, managed departments, page, organization settings with the organization (its time
    // zone), the organization's positions, one read of every section's rows (assignments, previous
    // employment, leaves, leave schedule, attestations, education) and one access-journal insert.
    expect(fifty).toBe(five);
    expect(fifty).toBe(7);
  });
});
