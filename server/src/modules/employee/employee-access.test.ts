import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actors, startTestServer, type TestServer } from '../../../test/harness.js';
import { AccessLogEntry } from '../access-log/access-log.entity.js';
import { FileSections, PortalSections } from '../organization/organization-settings.entity.js';
import { Employee } from './employee.entity.js';

/** Scopes, masking, settings and the access journal, as each demo account meets them. */

let server: TestServer;
let files: Record<'employee' | 'other' | 'manager' | 'hr', string>;

let as: Awaited<ReturnType<typeof actors>>['as'];

const journal = (where: Partial<AccessLogEntry>) =>
  server.orm.em.fork().find(AccessLogEntry, where, { orderBy: { at: 'asc', id: 'asc' } });

beforeAll(async () => {
  server = await startTestServer({ demo: true });
  const signedIn = await actors(server, [
    'admin',
    'hr',
    'accountant',
    'manager',
    'employee',
    'other',
    'guest',
  ]);
  ({ as } = signedIn);
  const { fileOf } = signedIn;
  files = {
    employee: await fileOf('employee'),
    other: await fileOf('other'),
    manager: await fileOf('manager'),
    hr: await fileOf('hr'),
  };
});
afterAll(async () => {
  await server?.close();
});

describe('list scopes', () => {
  const listed = async (who: string) =>
    (
      await as<{ employees: { edges: { node: { id: string } }[] } }>(
        who,
        `{ employees(first: 100) { edges { node { id } } } }`,
      )
    ).data!.employees.edges.map((edge) => edge.node.id);

  it('an employee lists only their own file', async () => {
    expect(await listed('employee')).toEqual([files.employee]);
  });

  it('a manager lists their subtree: themselves and their subordinates, not other departments', async () => {
    const ids = await listed('manager');
    expect(ids).toContain(files.manager);
    expect(ids).toContain(files.employee);
    expect(ids).not.toContain(files.other);
    const em = server.orm.em.fork();
    const manager = await em.findOneOrFail(Employee, { id: files.manager });
    const sameDepartment = await em.count(Employee, {
      department: manager.department!.id,
      dismissalDate: null,
    });
    expect(ids).toHaveLength(sameDepartment);
  });

  it('HR, the accountant and the admin list the whole organization', async () => {
    const total = await server.orm.em.fork().count(Employee, { dismissalDate: null });
    for (const who of ['hr', 'accountant', 'admin']) expect(await listed(who)).toHaveLength(total);
  });
});

describe('masking of identifiers', () => {
  const identifiers = `query($id: ID!, $reveal: Boolean!) { employee(id: $id) { snils(reveal: $reveal) inn(reveal: $reveal) } }`;
  type Ids = { employee: { snils: string; inn: string } };

  it('shows a manager masked СНИЛС and ИНН, even when asked to reveal', async () => {
    for (const reveal of [false, true]) {
      const result = await as<Ids>('manager', identifiers, { id: files.employee, reveal });
      expect(result.data!.employee.snils).toMatch(/^\*\*\*-\*\*\*-\*\*\* \d{2}$/);
      expect(result.data!.employee.inn).toMatch(/^\*{10}\d{2}$/);
    }
  });

  it('reveals to the owner and to HR on request, journalling HR but not the owner', async () => {
    const em = server.orm.em.fork();
    const subject = await em.findOneOrFail(Employee, { id: files.employee });
    const owner = await as<Ids>('employee', identifiers, { id: files.employee, reveal: true });
    expect(owner.data!.employee.inn).toBe(subject.inn);
    expect(owner.data!.employee.snils.replace(/\D/g, '')).toBe(subject.snils);
    const masked = await as<Ids>('hr', identifiers, { id: files.employee, reveal: false });
    expect(masked.data!.employee.inn).toMatch(/^\*+/);
    const before = (await journal({ subjectEmployeeId: files.employee, action: 'REVEAL' })).length;
    const revealed = await as<Ids>('hr', identifiers, { id: files.employee, reveal: true });
    expect(revealed.data!.employee.inn).toBe(subject.inn);
    const reveals = await journal({ subjectEmployeeId: files.employee, action: 'REVEAL' });
    expect(reveals.length).toBe(before + 1);
    expect(reveals.at(-1)).toMatchObject({ actorLogin: 'hr', section: 'PERSONAL', allowed: true });
  });
});

describe('access journal', () => {
  it("records a manager's reads of a subordinate's file, section by section, once per request", async () => {
    const before = (await journal({ subjectEmployeeId: files.employee, actorLogin: 'manager' }))
      .length;
    const result = await as(
      'manager',
      `query($id: ID!) { employee(id: $id) { fullName birthDate mobilePhone } }`,
      {
        id: files.employee,
      },
    );
    expect(result.errors).toBeUndefined();
    const entries = (
      await journal({ subjectEmployeeId: files.employee, actorLogin: 'manager' })
    ).slice(before);
    expect(entries.map((e) => [e.section, e.action, e.allowed])).toEqual(
      expect.arrayContaining([
        ['BASIC', 'READ', true],
        ['PERSONAL', 'READ', true],
      ]),
    );
    expect(entries).toHaveLength(2);
    expect(entries[0]!.ip).toMatch(/127\.0\.0\.1/);
    expect(entries[0]!.operation).toBe('employee');
  });

  it("records a refused attempt on a colleague's file and answers FORBIDDEN without data", async () => {
    const result = await as(
      'employee',
      `query($id: ID!) { employee(id: $id) { fullName birthDate } }`,
      {
        id: files.other,
      },
    );
    expect(result.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    expect(result.data).toBeNull();
    const denied = await journal({ subjectEmployeeId: files.other, actorLogin: 'employee' });
    expect(denied.at(-1)).toMatchObject({ action: 'DENIED', allowed: false, section: 'BASIC' });
  });

  it('does not journal reading your own file', async () => {
    await as('other', `query($id: ID!) { employee(id: $id) { fullName birthDate } }`, {
      id: files.other,
    });
    expect(await journal({ subjectEmployeeId: files.other, actorLogin: 'other' })).toEqual([]);
  });

  it('lets the owner see who viewed their file, and only ADMIN the whole journal', async () => {
    const mine = await as<{
      myFileAccessLog: { edges: { node: { actorLogin: string; section: string } }[] };
    }>(
      'employee',
      `{ myFileAccessLog(first: 50) { edges { node { actorLogin section action } } } }`,
    );
    const viewers = new Set(mine.data!.myFileAccessLog.edges.map((edge) => edge.node.actorLogin));
    expect(viewers).toContain('manager');
    expect(viewers).not.toContain('employee');
    const all = await as<{ accessLog: { edges: unknown[] } }>(
      'admin',
      `{ accessLog(first: 100) { edges { node { id } } } }`,
    );
    expect(all.data!.accessLog.edges.length).toBeGreaterThan(3);
    const refused = await as('hr', `{ accessLog(first: 5) { edges { node { id } } } }`);
    expect(refused.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  });

  it('is append-only for the role the server uses: UPDATE, DELETE and TRUNCATE fail', async () => {
    const em = server.orm.em.fork();
    await expect(em.execute(`update access_log set allowed = true`)).rejects.toThrow(/append-only/);
    await expect(em.execute(`delete from access_log`)).rejects.toThrow(/append-only/);
    await expect(em.execute(`truncate access_log`)).rejects.toThrow(/append-only/);
    expect(await em.count(AccessLogEntry, {})).toBeGreaterThan(0);
  });
});

describe('organization settings', () => {
  const update = (input: Record<string, unknown>) =>
    as<{ updateOrganizationSettings: { managerSections: string[]; enabledSections: string[] } }>(
      'admin',
      `mutation($input: OrganizationSettingsInput!) {
        updateOrganizationSettings(input: $input) { managerSections enabledSections }
      }`,
      { input },
    );
  const sectionsOf = async (who: string, id: string) =>
    (
      await as<{ employee: { viewerCan: { sections: string[] } } }>(
        who,
        `query($id: ID!) { employee(id: $id) { viewerCan { sections } } }`,
        { id },
      )
    ).data!.employee.viewerCan.sections;

  it("hides a subordinate's pay from a manager by default, and shows it when the admin allows", async () => {
    expect(await sectionsOf('manager', files.employee)).not.toContain('PAYROLL');
    expect(await sectionsOf('hr', files.employee)).toContain('PAYROLL');
    const all: string[] = [...FileSections];
    await update({ managerSections: all });
    expect(await sectionsOf('manager', files.employee)).toContain('PAYROLL');
    await update({ managerSections: all.filter((s) => s !== 'PAYROLL' && s !== 'PERSONAL') });
    const refused = await as(
      'manager',
      `query($id: ID!) { employee(id: $id) { fullName birthDate } }`,
      {
        id: files.employee,
      },
    );
    expect(refused.errors?.[0]).toMatchObject({
      path: ['employee', 'birthDate'],
      extensions: { code: 'FORBIDDEN' },
    });
    const partial = refused.data as { employee: { fullName: string; birthDate: string | null } };
    expect(partial.employee.fullName.length).toBeGreaterThan(0);
    expect(partial.employee.birthDate).toBeNull();
    await update({ managerSections: all.filter((s) => s !== 'PAYROLL') });
  });

  it('switches a portal section off for everyone, the owner and HR included', async () => {
    await update({ enabledSections: PortalSections.filter((section) => section !== 'KPI') });
    for (const who of ['employee', 'hr'])
      expect(await sectionsOf(who, files.employee)).not.toContain('KPI');
    const settings = await as<{ organizationSettings: { enabledSections: string[] } }>(
      'employee',
      `{ organizationSettings { enabledSections } }`,
    );
    expect(settings.data!.organizationSettings.enabledSections).not.toContain('KPI');
    await update({ enabledSections: [...PortalSections] });
    expect(await sectionsOf('employee', files.employee)).toContain('KPI');
  });

  it('journals each settings change', async () => {
    const changes = await journal({ section: 'SETTINGS', action: 'CHANGE' });
    expect(changes.length).toBeGreaterThanOrEqual(3);
    expect(changes.every((entry) => entry.actorLogin === 'admin')).toBe(true);
  });
});
