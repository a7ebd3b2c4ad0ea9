import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  collectEvents,
  startTestServer,
  testLane,
  type TestServer,
} from '../../../test/harness.js';
import { createLogger } from '../../core/logger.js';
import { newId } from '../../core/orm/base.entity.js';
import {
  OrganizationSettings,
  PortalSections,
  defaultManagerSections,
} from '../organization/organization-settings.entity.js';
import { Organization } from '../organization/organization.entity.js';
import { User } from '../identity/user.entity.js';
import { Employee } from '../employee/employee.entity.js';
import { ImportService } from './import.service.js';

/**
 * The import from the system of record, end to end over HTTP, GraphQL and WebSocket against
 * PostgreSQL: a fixture institution imported into an empty organization, re-imported, rejected
 * whole for one bad record, deleted from, and published to an employee who is watching.
 */

const fixturePath = path.resolve(import.meta.dirname, '../../../../scripts/import-fixture.ndjson');
const fixture = fs.readFileSync(fixturePath, 'utf8');
const fixtureRecords = fixture
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as Record<string, unknown>);
const recordsOf = (type: string) => fixtureRecords.filter((record) => record['type'] === type);

interface ImportAnswer {
  runId: string | null;
  status: string;
  records: number;
  created: number;
  updated: number;
  deleted: number;
  unchanged: number;
  byType: { type: string; created: number; updated: number; deleted: number; unchanged: number }[];
  errors: {
    line: number;
    type: string | null;
    externalId: string | null;
    path: string[];
    message: string;
  }[];
}

let server: TestServer;
let integrationToken: string;
let adminToken: string;
let hrToken: string;
let organizationId: string;
/** The demo password's hash, so test accounts sign in without hashing again. */
let passwordHash: string;

const header = JSON.stringify({
  type: 'header',
  schemaVersion: 1,
  source: '1c-zkgu',
  organizationExternalId: 'org-school-11',
});

async function postBatch(body: string, token = integrationToken) {
  const response = await fetch(`${server.url}/integration/import`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-ndjson', authorization: `Bearer ${token}` },
    body,
  });
  return { status: response.status, answer: (await response.json()) as ImportAnswer };
}

const batch = (...records: object[]) =>
  `${[header, ...records.map((record) => JSON.stringify(record))].join('\n')}\n`;

const gqlAs = <T>(token: string, query: string, variables?: Record<string, unknown>) =>
  server.gql<T>(query, variables, token);

async function sql<T>(text: string, params: unknown[] = []): Promise<T[]> {
  return server.orm.em.fork().execute<T[]>(text, params);
}

/** An account in the new organization with the demo password. */
async function account(login: string, roles: User['roles'], employeeId: string | null = null) {
  await server.orm.em.fork().insert(User, {
    id: newId(),
    organization: organizationId,
    login,
    roles,
    employee: employeeId,
    passwordHash,
    status: 'ACTIVE',
  });
  return server.login(login);
}

const employeeId = async (externalId: string) =>
  (
    await sql<{ id: string }>(
      `select id from employee where organization_id = ? and external_id = ?`,
      [organizationId, externalId],
    )
  )[0]?.id;

beforeAll(async () => {
  server = await startTestServer({ demo: true });
  passwordHash = (
    await sql<{ password_hash: string }>(`select password_hash from app_user where login = 'admin'`)
  )[0]!.password_hash;
  // An empty organization of its own: what an installation has before the first import.
  organizationId = newId();
  const em = server.orm.em.fork();
  await em.insert(Organization, {
    id: organizationId,
    name: 'Новая школа',
    timeZone: 'Europe/Moscow',
  });
  await em.insert(OrganizationSettings, {
    id: newId(),
    organization: organizationId,
    managerSections: [...defaultManagerSections],
    enabledSections: [...PortalSections],
  });
  adminToken = await account('school11-admin', ['ADMIN']);
  hrToken = await account('school11-hr', ['HR']);
  const created = await gqlAs<{ createIntegrationToken: { token: string } }>(
    adminToken,
    `mutation { createIntegrationToken(name: "1С:ЗКГУ, ночная выгрузка") { token integrationToken { id hint } } }`,
  );
  expect(created.errors).toBeUndefined();
  integrationToken = created.data!.createIntegrationToken.token;
  const first = await postBatch(fixture);
  expect(first.answer.errors).toEqual([]);
  expect(first.status).toBe(200);
}, 120_000);

afterAll(async () => {
  await server?.close();
});

describe('importing the fixture into an empty organization', () => {
  it('creates every record of the batch, type by type', async () => {
    const runs = await gqlAs<{
      importRuns: {
        edges: {
          node: {
            status: string;
            created: number;
            updated: number;
            records: number;
            actor: string;
            byType: { type: string; created: number }[];
          };
        }[];
      };
    }>(
      adminToken,
      `{ importRuns(first: 5) { edges { node { status created updated records actor byType { type created } } } } }`,
    );
    const run = runs.data!.importRuns.edges.at(-1)!.node;
    expect(run).toMatchObject({
      status: 'APPLIED',
      records: fixtureRecords.length - 1,
      // Every record but the organization, which existed and took the batch's details.
      created: fixtureRecords.length - 2,
      updated: 1,
      actor: '1С:ЗКГУ, ночная выгрузка',
    });
    for (const type of ['department', 'employee', 'leave', 'payslip', 'education'])
      expect(run.byType.find((row) => row.type === type)?.created).toBe(recordsOf(type).length);
  });

  it('binds the organization to the source and takes its details', async () => {
    const result = await gqlAs<{ organization: { name: string } }>(
      hrToken,
      `{ organization { name } }`,
    );
    expect(result.data!.organization.name).toBe(recordsOf('organization')[0]!['name']);
  });

  it('builds files that HR reads through the API: every section', async () => {
    const list = await gqlAs<{ employees: { totalCount: number } }>(
      hrToken,
      `{ employees(first: 100, filter: { includeDismissed: true }) { totalCount } }`,
    );
    expect(list.data!.employees.totalCount).toBe(recordsOf('employee').length);
    const departments = await gqlAs<{
      departments: {
        name: string;
        parent: { name: string } | null;
        head: { id: string } | null;
      }[];
    }>(hrToken, `{ departments { name parent { name } head { id } } }`);
    expect(departments.data!.departments).toHaveLength(recordsOf('department').length);
    // The head is a directory card (no personnel number): matched by file id (issue 16).
    const [accountantHead] = await sql<{ id: string }>(
      `select id from employee where organization_id = ? and personnel_number = '000002'`,
      [organizationId],
    );
    expect(departments.data!.departments.find((d) => d.name === 'Бухгалтерия')).toMatchObject({
      parent: { name: 'Администрация' },
      head: { id: accountantHead!.id },
    });

    const source = recordsOf('employee')[0]!;
    const id = (await employeeId('emp-000001'))!;
    const file = await gqlAs<{
      employee: {
        fullName: string;
        personnelNumber: string;
        birthDate: string;
        department: { name: string };
        personalData: { birthPlace: string; identityDocument: { number: string } | null };
        employment: { assignments: { kind: string; startDate: string }[] };
        leave: { records: { startDate: string }[]; schedule: { year: number }[] };
        trips: { trips: { id: string }[] };
        attestation: { attestations: { date: string }[] };
        education: { basic: { institution: string }[] };
      };
      payslips: { totals: { accrued: string }; openingBalance: string; closingBalance: string }[];
    }>(
      hrToken,
      `query($id: ID!) {
        employee(id: $id) {
          fullName personnelNumber birthDate department { name }
          personalData(reveal: true) { birthPlace identityDocument { number } }
          employment { assignments { kind startDate } }
          leave { records { startDate } schedule { year } }
          trips { trips { id } }
          attestation { attestations { date } }
          education { basic { institution } }
        }
        payslips(employeeId: $id) { openingBalance closingBalance totals { accrued } }
      }`,
      { id },
    );
    expect(file.errors).toBeUndefined();
    const employee = file.data!.employee;
    expect(employee.fullName).toBe(
      [source['lastName'], source['firstName'], source['middleName']].join(' '),
    );
    expect(employee.birthDate).toBe(source['birthDate']);
    expect(employee.department.name).toBe('Администрация');
    expect(employee.personalData.birthPlace).toBe(source['birthPlace']);
    expect(employee.personalData.identityDocument?.number).toBe(
      (source['identityDocument'] as { number: string }).number,
    );
    const own = (type: string) =>
      recordsOf(type).filter((record) => record['employeeExternalId'] === 'emp-000001');
    expect(employee.employment.assignments).toHaveLength(own('assignment').length);
    expect(employee.leave.records).toHaveLength(own('leave').length);
    expect(employee.leave.schedule).toHaveLength(own('leaveSchedule').length);
    expect(employee.trips.trips).toHaveLength(own('businessTrip').length);
    expect(employee.attestation.attestations).toHaveLength(own('attestation').length);
    expect(employee.education.basic.length).toBeGreaterThan(0);
    expect(file.data!.payslips).toHaveLength(own('payslip').length);
    const payslip = own('payslip')[0] as { lines: { kind: string; amount: string }[] };
    const accrued = payslip.lines
      .filter((line) => line.kind === 'ACCRUAL')
      .reduce((sum, line) => sum + Math.round(Number(line.amount) * 100), 0);
    expect(file.data!.payslips.map((p) => Math.round(Number(p.totals.accrued) * 100))).toContain(
      accrued,
    );
  });

  it('journals every file it changed as a CHANGE by the token', async () => {
    const rows = await sql<{ count: number }>(
      `select count(distinct subject_employee_id)::int as count from access_log
        where organization_id = ? and action = 'CHANGE' and operation = 'importRecords'`,
      [organizationId],
    );
    expect(rows[0]!.count).toBe(recordsOf('employee').length);
  });
});

describe('records the portal held before the feed', () => {
  it('adopts an employee by personnel number instead of making a second one', async () => {
    const id = newId();
    await server.orm.em.fork().insert(Employee, {
      id,
      organization: organizationId,
      personnelNumber: '000777',
      lastName: 'Старова',
      firstName: 'Анна',
      hireDate: '2010-09-01',
      formerNames: [],
    });
    const { answer } = await postBatch(
      batch({
        type: 'employee',
        op: 'upsert',
        externalId: 'emp-000777',
        personnelNumber: '000777',
        lastName: 'Старова',
        firstName: 'Анна',
        middleName: 'Ильинична',
        hireDate: '2010-09-01',
      }),
    );
    expect(answer).toMatchObject({ status: 'APPLIED', created: 0, updated: 1 });
    const rows = await sql<{ id: string; external_id: string; middle_name: string }>(
      `select id, external_id, middle_name from employee where organization_id = ? and personnel_number = '000777'`,
      [organizationId],
    );
    expect(rows).toEqual([{ id, external_id: 'emp-000777', middle_name: 'Ильинична' }]);
  });
});

describe('re-importing the same batch', () => {
  it('changes nothing, writes nothing and notifies nobody, even people with accounts', async () => {
    await account('school11-e1', ['EMPLOYEE'], await employeeId('emp-000001'));
    const count = async () =>
      (
        await sql<{ notifications: number; journal: number; updated: string }>(
          `select (select count(*)::int from notification where organization_id = ?) as notifications,
                  (select count(*)::int from access_log where organization_id = ? and action = 'CHANGE') as journal,
                  (select max(updated_at)::text from employee where organization_id = ?) as updated`,
          [organizationId, organizationId, organizationId],
        )
      )[0]!;
    const before = await count();
    const again = await postBatch(fixture);
    expect(again.status).toBe(200);
    expect(again.answer).toMatchObject({
      status: 'APPLIED',
      created: 0,
      updated: 0,
      deleted: 0,
      unchanged: fixtureRecords.length - 1,
    });
    expect(await count()).toEqual(before);
  });
});

describe('a batch with one bad record among valid ones', () => {
  it('writes nothing and names the line, field and reason of every bad record', async () => {
    const valid = recordsOf('employee')[1]!;
    const payslip = structuredClone(recordsOf('payslip')[0]!) as { lines: { amount: string }[] };
    payslip.lines[0]!.amount = '1.00';
    const body = [
      header,
      JSON.stringify({ ...valid, lastName: 'Переименованная' }),
      '{"type":"leave","op":"upsert",',
      JSON.stringify({ type: 'kpiPlan', op: 'upsert', externalId: 'k1' }),
      JSON.stringify({ ...recordsOf('familyMember')[0]!, fullName: undefined }),
      JSON.stringify({
        ...recordsOf('leave')[0]!,
        externalId: 'lv-new',
        employeeExternalId: 'emp-nobody',
      }),
      JSON.stringify(payslip),
      JSON.stringify({
        ...valid,
        externalId: 'emp-bad-snils',
        personnelNumber: '999',
        snils: '12345678900',
      }),
    ].join('\n');
    const { status, answer } = await postBatch(body);
    expect(status).toBe(422);
    expect(answer.status).toBe('REJECTED');
    const summary = answer.errors.map((e) => [e.line, e.path.join('.'), e.message]);
    expect(summary).toEqual([
      [3, '', expect.stringMatching(/^Malformed JSON/)],
      [4, 'type', expect.stringMatching(/^Unknown record type "kpiPlan"/)],
      [5, 'fullName', 'Required'],
      [6, 'employeeExternalId', expect.stringMatching(/^Unknown employee "emp-nobody"/)],
      [7, 'closingBalance', expect.stringMatching(/^The lines do not reconcile/)],
      [8, 'snils', 'Not a valid СНИЛС'],
    ]);
    const names = await sql<{ last_name: string }>(
      `select last_name from employee where organization_id = ? and external_id = ?`,
      [organizationId, valid['externalId']],
    );
    expect(names[0]!.last_name).toBe(valid['lastName']);
    const reconcile = answer.errors.find((e) => e.line === 7)!.message;
    expect(reconcile).toMatch(/= -?\d+\.\d{2}, not -?\d+\.\d{2}$/);
    const runs = await gqlAs<{
      importRuns: {
        edges: {
          node: { status: string; errorCount: number; errors: { line: number; message: string }[] };
        }[];
      };
    }>(
      adminToken,
      `{ importRuns(first: 1) { edges { node { status errorCount errors { line message } } } } }`,
    );
    const run = runs.data!.importRuns.edges[0]!.node;
    expect(run).toMatchObject({ status: 'REJECTED', errorCount: 6 });
    // The source hears the amounts; the run an ADMIN reads later keeps the reason, not the pay.
    const kept = run.errors.find((e) => e.line === 7)!.message;
    expect(kept).toMatch(/^The lines do not reconcile/);
    expect(kept).not.toMatch(/\d+\.\d{2}/);
    expect(run.errors.find((e) => e.line === 8)!.message).toBe('Not a valid СНИЛС');
  });

  it('refuses a schema version it does not know, and a header that is missing', async () => {
    const unknown = await postBatch(
      `${JSON.stringify({ type: 'header', schemaVersion: 2, source: '1c-zkgu', organizationExternalId: 'org-school-11' })}\n`,
    );
    expect(unknown.status).toBe(422);
    expect(unknown.answer.errors[0]).toMatchObject({ line: 1, path: ['schemaVersion'] });
    expect(unknown.answer.errors[0]!.message).toMatch(/Schema version 2 is unknown/);
    const headless = await postBatch(`${JSON.stringify(recordsOf('position')[0])}\n`);
    expect(headless.answer.errors[0]).toMatchObject({ line: 1, path: ['type'] });
  });

  it('rejects a leave that overlaps another, as HR editing the file would be', async () => {
    const leave = recordsOf('leave').find((record) => record['kind'] === 'ANNUAL_BASIC')!;
    const { status, answer } = await postBatch(
      batch({
        ...leave,
        externalId: 'lv-overlap',
        startDate: leave['startDate'],
        endDate: leave['endDate'],
      }),
    );
    expect(status).toBe(422);
    expect(answer.errors).toEqual([
      expect.objectContaining({
        line: 2,
        path: ['startDate'],
        message: expect.stringMatching(/^Overlaps the leave/) as string,
      }),
    ]);
  });
});

describe('two payslips of one employee for one month', () => {
  const payslip = recordsOf('payslip').find((record) => !record['assignmentExternalId'])!;
  const twin = { ...payslip, externalId: 'ps-twin' };

  it('refuses the second beside the one the portal holds', async () => {
    const { status, answer } = await postBatch(batch(twin));
    expect(status).toBe(422);
    expect(answer.errors).toEqual([
      expect.objectContaining({
        line: 2,
        path: ['periodExternalId'],
        message: `This employee already has a payslip for the month (externalId "${String(payslip['externalId'])}")`,
      }),
    ]);
  });

  it("refuses both in an organization's first batch, and writes nothing", async () => {
    const employee = recordsOf('employee').find(
      (record) => record['externalId'] === payslip['employeeExternalId'],
    )!;
    const department = recordsOf('department').find(
      (record) => record['externalId'] === employee['departmentExternalId'],
    )!;
    const records = [
      { ...recordsOf('organization')[0], externalId: 'org-twins', inn: '3100000099' },
      recordsOf('position').find(
        (record) => record['externalId'] === employee['positionExternalId'],
      ),
      { ...department, parentExternalId: null, headExternalId: null },
      { ...employee, managerExternalId: null },
      recordsOf('payrollPeriod').find(
        (record) => record['externalId'] === payslip['periodExternalId'],
      ),
      payslip,
      twin,
    ];
    const text = [
      JSON.stringify({
        type: 'header',
        schemaVersion: 1,
        source: 'twins',
        organizationExternalId: 'org-twins',
      }),
      ...records.map((record) => JSON.stringify(record)),
    ].join('\n');
    const service = new ImportService(server.orm, null, createLogger('silent'), {
      copy: testLane() === 'postgres',
      workers: 0,
    });
    const result = await service.run(
      (async function* () {
        yield* text.split('\n').map((line, at) => ({ line: at + 1, text: line }));
      })(),
      {
        channel: 'CLI',
        actor: { userId: null, label: 'cli:test', login: 'cli' },
        organizationId: null,
        createOrganization: true,
      },
    );
    expect(result.status).toBe('REJECTED');
    expect(result.errors).toEqual([
      expect.objectContaining({
        line: 7,
        path: ['periodExternalId'],
        externalId: payslip['externalId'],
        message: expect.stringContaining('"ps-twin"') as string,
      }),
      expect.objectContaining({ line: 8, path: ['periodExternalId'], externalId: 'ps-twin' }),
    ]);
    const held = await sql<{ count: number }>(
      `select count(*)::int as count from payslip where external_source = 'twins'`,
    );
    expect(held[0]!.count).toBe(0);
  });
});

describe('deletion by the source', () => {
  it('removes a leave from the file, and a second delete changes nothing', async () => {
    const leave = recordsOf('leave').find(
      (record) => record['employeeExternalId'] === 'emp-000003',
    )!;
    const id = (await employeeId('emp-000003'))!;
    const countLeaves = async () =>
      (
        await gqlAs<{ employee: { leave: { records: unknown[] } } }>(
          hrToken,
          `query($id: ID!) { employee(id: $id) { leave { records { startDate } } } }`,
          { id },
        )
      ).data!.employee.leave.records.length;
    const before = await countLeaves();
    const removal = { type: 'leave', op: 'delete', externalId: leave['externalId'] };
    const first = await postBatch(batch(removal));
    expect(first.answer).toMatchObject({ status: 'APPLIED', deleted: 1 });
    expect(await countLeaves()).toBe(before - 1);
    const second = await postBatch(batch(removal));
    expect(second.answer).toMatchObject({ status: 'APPLIED', deleted: 0, unchanged: 1 });
  });

  it('hides a deleted employee and their payslips from every list and lookup, keeping the rows', async () => {
    const target = recordsOf('employee').find((record) => record['externalId'] === 'emp-000012')!;
    const id = (await employeeId('emp-000012'))!;
    const payslipId = (
      await sql<{ id: string }>(`select id from payslip where employee_id = ? limit 1`, [id])
    )[0]!.id;
    const removal = await postBatch(
      batch({ type: 'employee', op: 'delete', externalId: target['externalId'] }),
    );
    expect(removal.answer).toMatchObject({ status: 'APPLIED', deleted: 1 });
    const lookup = await gqlAs(hrToken, `query($id: ID!) { employee(id: $id) { id } }`, { id });
    expect(lookup.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
    const list = await gqlAs<{ employees: { edges: { node: { id: string } }[] } }>(
      hrToken,
      `{ employees(first: 100, filter: { includeDismissed: true }) { edges { node { id } } } }`,
    );
    expect(list.data!.employees.edges.map((edge) => edge.node.id)).not.toContain(id);
    const payslip = await gqlAs(hrToken, `query($id: ID!) { payslip(id: $id) { id } }`, {
      id: payslipId,
    });
    expect(payslip.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
    const kept = await sql<{ deleted: boolean }>(
      `select deleted_at is not null as deleted from employee where id = ?`,
      [id],
    );
    expect(kept).toEqual([{ deleted: true }]);
    // Sent again as an upsert, the file is back: the source changed its mind.
    const back = await postBatch(batch(target));
    expect(back.answer).toMatchObject({ status: 'APPLIED', updated: 1 });
    const again = await gqlAs(hrToken, `query($id: ID!) { employee(id: $id) { id } }`, { id });
    expect(again.errors).toBeUndefined();
  });

  it('hides a deleted department, and refuses to delete one people still work in', async () => {
    const blocked = await postBatch(
      batch({ type: 'department', op: 'delete', externalId: 'dep-БУХ' }),
    );
    expect(blocked.status).toBe(422);
    expect(blocked.answer.errors[0]!.message).toMatch(
      /Cannot be deleted while \d+ employees work in it/,
    );
    const empty = {
      type: 'department',
      op: 'upsert',
      externalId: 'dep-empty',
      name: 'Упразднённый отдел',
      parentExternalId: 'dep-АДМ',
    };
    expect((await postBatch(batch(empty))).answer.created).toBe(1);
    const names = async () =>
      (
        await gqlAs<{ departments: { name: string }[] }>(hrToken, `{ departments { name } }`)
      ).data!.departments.map((d) => d.name);
    expect(await names()).toContain('Упразднённый отдел');
    expect(
      (await postBatch(batch({ type: 'department', op: 'delete', externalId: 'dep-empty' }))).answer
        .deleted,
    ).toBe(1);
    expect(await names()).not.toContain('Упразднённый отдел');
  });
});

describe('real time', () => {
  it("delivers a payslip published through the import to the employee's open subscription", async () => {
    const token = await account('school11-e2', ['EMPLOYEE'], await employeeId('emp-000002'));
    const client = server.wsClient(token);
    // From a cursor before anything: what commits before the subscription is live is replayed.
    const events = collectEvents<{
      notificationAdded: { type: string; title: string; link: string };
    }>(
      client,
      `subscription { notificationAdded(after: "00000000-0000-7000-8000-000000000000") { type title link } }`,
      1,
      15_000,
    );
    const pushed = await gqlAs<{ importRecords: ImportAnswer }>(
      integrationToken,
      `mutation($records: [JSON!]!) {
        importRecords(source: "1c-zkgu", schemaVersion: 1, records: $records) {
          status created errors { line message }
        }
      }`,
      {
        records: [
          {
            type: 'payrollPeriod',
            op: 'upsert',
            externalId: 'pp-2010-01',
            year: 2010,
            month: 1,
            published: true,
          },
          {
            type: 'payslip',
            op: 'upsert',
            externalId: 'ps-000002-2010-01',
            periodExternalId: 'pp-2010-01',
            employeeExternalId: 'emp-000002',
            openingBalance: '0',
            closingBalance: '870.00',
            lines: [
              { kind: 'ACCRUAL', payCode: '001', name: 'Оклад', amount: '1000.00' },
              { kind: 'DEDUCTION', payCode: '900', name: 'НДФЛ', amount: '130' },
            ],
          },
        ],
      },
    );
    expect(pushed.errors).toBeUndefined();
    expect(pushed.data!.importRecords).toMatchObject({ status: 'APPLIED', created: 2, errors: [] });
    const [event] = await events;
    expect(event!.notificationAdded).toMatchObject({
      type: 'PAYSLIP_PUBLISHED',
      title: 'Расчётный листок за январь 2010 г. готов',
    });
    expect(event!.notificationAdded.link).toMatch(/^\/payslips\//);
  }, 30_000);

  it('tells the employee what changed in their file, once, with the sections', async () => {
    await account('school11-e4', ['EMPLOYEE'], await employeeId('emp-000004'));
    const employee = recordsOf('employee').find((record) => record['externalId'] === 'emp-000004')!;
    const before = await sql<{ count: number }>(
      `select count(*)::int as count from notification n join app_user u on u.id = n.recipient_user_id
        where u.login = 'school11-e4' and n.type = 'FILE_UPDATED'`,
    );
    const result = await postBatch(batch({ ...employee, mobilePhone: '+7 (900) 000-00-00' }));
    expect(result.answer).toMatchObject({ status: 'APPLIED', updated: 1 });
    const after = await sql<{ count: number; title: string }>(
      `select count(*)::int as count, max(n.title) as title from notification n join app_user u on u.id = n.recipient_user_id
        where u.login = 'school11-e4' and n.type = 'FILE_UPDATED'`,
    );
    expect(after[0]!.count).toBe(before[0]!.count + 1);
    expect(after[0]!.title).toBe('Личное дело обновлено: персональные данные');
  });
});

describe('who may import', () => {
  it('takes importRecords from an INTEGRATION token only', async () => {
    const refused = await gqlAs(
      hrToken,
      `mutation { importRecords(source: "x", schemaVersion: 1, records: []) { status } }`,
    );
    expect(refused.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    const post = await postBatch(batch(), hrToken);
    expect(post.status).toBe(403);
  });

  it('stops a revoked token at once', async () => {
    const created = await gqlAs<{
      createIntegrationToken: { token: string; integrationToken: { id: string } };
    }>(
      adminToken,
      `mutation { createIntegrationToken(name: "временный") { token integrationToken { id } } }`,
    );
    const { token, integrationToken: row } = created.data!.createIntegrationToken;
    expect((await postBatch(batch(), token)).status).toBe(200);
    const revoked = await gqlAs<{ revokeIntegrationToken: { revokedAt: string | null } }>(
      adminToken,
      `mutation($id: ID!) { revokeIntegrationToken(id: $id) { revokedAt } }`,
      { id: row.id },
    );
    expect(revoked.data!.revokeIntegrationToken.revokedAt).not.toBeNull();
    const after = await postBatch(batch(), token);
    expect(after.status).toBe(401);
    const list = await gqlAs<{
      integrationTokens: { name: string; hint: string; revokedAt: string | null }[];
    }>(adminToken, `{ integrationTokens { name hint revokedAt } }`);
    expect(list.data!.integrationTokens.map((t) => [t.name, t.revokedAt !== null])).toEqual([
      ['временный', true],
      ['1С:ЗКГУ, ночная выгрузка', false],
    ]);
    expect(list.data!.integrationTokens[1]!.hint).toBe(integrationToken.slice(-4));
  });
});
