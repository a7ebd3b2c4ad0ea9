import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../test/harness.js';
import { seedInstitution } from '../../seeders/institution.seeder.js';
import { Employee } from './employee.entity.js';

/** Two institutions on one installation: every scope stops at the organization's edge. */

let server: TestServer;
let foreignEmployee: string;

beforeAll(async () => {
  server = await startTestServer({ demo: true });
  const other = await seedInstitution(server.orm.em.fork(), {
    seed: 99,
    employees: 20,
    organization: {
      name: 'ГБУЗ «Больница № 2»',
      shortName: 'Больница № 2',
      inn: '3100000099',
      kpp: '310001001',
      address: '',
    },
    externalId: 'second-org',
    emailDomain: 'hospital2.example.ru',
    loginPrefix: 'h2-',
    password: 'demo1234',
  });
  const someone = await server.orm.em
    .fork()
    .findOneOrFail(Employee, { organization: other.organizationId, dismissalDate: null });
  foreignEmployee = someone.id;
});
afterAll(async () => {
  await server?.close();
});

describe('organization boundary', () => {
  it.each(['hr', 'accountant', 'admin', 'manager'])(
    '%s cannot open a file of another organization, nor tell it from a missing one',
    async (who) => {
      const token = await server.login(who);
      const open = (id: string) =>
        server.gql(`query($id: ID!) { employee(id: $id) { id } }`, { id }, token);
      const result = await open(foreignEmployee);
      expect(result.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
      expect(result.errors?.[0]?.message).toBe(`Employee ${foreignEmployee} not found`);
      const missing = '00000000-0000-7000-8000-000000000000';
      expect((await open(missing)).errors?.[0]?.message).toBe(`Employee ${missing} not found`);
    },
  );

  it("lists and department trees show only the viewer's organization", async () => {
    const hr = await server.login('hr');
    const result = await server.gql<{
      employees: { totalCount: number; edges: { node: { id: string } }[] };
      departments: { id: string }[];
    }>(`{ employees(first: 100) { totalCount edges { node { id } } } departments { id } }`, {}, hr);
    expect(result.data!.employees.edges.map((e) => e.node.id)).not.toContain(foreignEmployee);
    expect(result.data!.departments).toHaveLength(8);
    const foreign = await server.login('h2-000001');
    const theirs = await server.gql<{ organization: { name: string } }>(
      `{ organization { name } }`,
      {},
      foreign,
    );
    expect(theirs.data!.organization.name).toBe('ГБУЗ «Больница № 2»');
  });
});
