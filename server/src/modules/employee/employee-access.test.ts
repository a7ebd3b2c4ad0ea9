import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actors, startTestServer, type TestServer } from '../../../test/harness.js';
import { AccessLogEntry } from '../access-log/access-log.entity.js';
import {
  FileSections,
  PortalSections,
  defaultManagerSections,
} from '../organization/organization-settings.entity.js';
import { Employee } from './employee.entity.js';

/** Scopes, masking, settings and the access journal, as each demo account meets them. */

let server: TestServer;
let files: Record<'employee' | 'other' | 'manager' | 'hr', string>;

let as: Awaited<ReturnType<typeof actors>>['as'];

const journal = (where: Partial<AccessLogEntry>) =>
  server.orm.em.fork().find(AccessLogEntry, where, { orderBy: { at: 'asc', id: 'asc' } });

const update = (input: Record<string, unknown>) =>
  as<{ updateOrganizationSettings: { managerSections: string[]; enabledSections: string[] } }>(
    'admin',
    `mutation($input: OrganizationSettingsInput!) {
      updateOrganizationSettings(input: $input) { managerSections enabledSections }
    }`,
    { input },
  );

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

  it('shows a manager masked СНИЛС and ИНН where the organization widens PERSONAL to managers, even when asked to reveal', async () => {
    await update({ managerSections: [...defaultManagerSections, 'PERSONAL'] });
    try {
      for (const reveal of [false, true]) {
        const result = await as<Ids>('manager', identifiers, { id: files.employee, reveal });
        expect(result.data!.employee.snils).toMatch(/^\*\*\*-\*\*\*-\*\*\* \d{2}$/);
        expect(result.data!.employee.inn).toMatch(/^\*{10}\d{2}$/);
      }
    } finally {
      await update({ managerSections: [...defaultManagerSections] });
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
    expect(reveals.length).toBe(before + 2);
    expect(reveals.at(-1)).toMatchObject({ actorLogin: 'hr', section: 'PERSONAL', allowed: true });
  });

  it('journals one REVEAL per field HR sees in full: СНИЛС, ИНН and passport in one request are three entries', async () => {
    const before = (await journal({ subjectEmployeeId: files.employee, action: 'REVEAL' })).length;
    const result = await as<{
      employee: { personalData: { identityDocument: { number: string } | null } };
    }>(
      'hr',
      `query($id: ID!) { employee(id: $id) {
        snils(reveal: true) inn(reveal: true) personalData(reveal: true) { identityDocument { number } }
      } }`,
      { id: files.employee },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.employee.personalData.identityDocument!.number).toMatch(/^\d+$/);
    const reveals = (await journal({ subjectEmployeeId: files.employee, action: 'REVEAL' })).slice(
      before,
    );
    expect(reveals.map((entry) => entry.operation).sort()).toEqual([
      'Employee.inn',
      'Employee.personalData.identityDocument',
      'Employee.snils',
    ]);
    expect(new Set(reveals.map((entry) => entry.requestId)).size).toBe(1);
    expect(reveals.every((entry) => entry.actorLogin === 'hr' && entry.allowed)).toBe(true);
  });
});

describe('access journal', () => {
  it("records a manager's reads of a subordinate's file, section by section, once per request", async () => {
    const before = (await journal({ subjectEmployeeId: files.employee, actorLogin: 'manager' }))
      .length;
    const result = await as(
      'manager',
      `query($id: ID!) { employee(id: $id) {
        fullName attestation { nextDueDate } education { lastCourseEnd } } }`,
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
        ['ATTESTATION', 'READ', true],
        ['EDUCATION', 'READ', true],
      ]),
    );
    expect(entries).toHaveLength(3);
    expect(entries[0]!.ip).toMatch(/127\.0\.0\.1/);
    expect(entries[0]!.operation).toBe('employee');
  });

  it("records a refused attempt on a colleague's file and answers NOT_FOUND, as for an id that does not exist", async () => {
    const open = (id: string) =>
      as('employee', `query($id: ID!) { employee(id: $id) { fullName birthDate } }`, { id });
    const result = await open(files.other);
    const missing = '00000000-0000-7000-8000-000000000000';
    const unknown = await open(missing);
    expect(result.data).toBeNull();
    expect(unknown.data).toBeNull();
    const shape = (
      error: { message: string; extensions?: Record<string, unknown> },
      id: string,
    ) => ({
      ...error,
      message: error.message.replace(id, '<id>'),
      extensions: { ...error.extensions, id: '<id>' },
    });
    expect(shape(result.errors![0]!, files.other)).toEqual(shape(unknown.errors![0]!, missing));
    expect(result.errors![0]).toMatchObject({
      message: `Employee ${files.other} not found`,
      extensions: { code: 'NOT_FOUND' },
    });
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
    await update({ managerSections: [...defaultManagerSections] });
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

describe("a manager's default sections", () => {
  const work = `query($id: ID!) { employee(id: $id) {
    fullName position { name } viewerCan { sections }
    employment { current { startDate } } leave { nextLeaveStart }
    attestation { nextDueDate } education { lastCourseEnd }
  } }`;
  const personal = `query($id: ID!) { employee(id: $id) {
    personalData { registrationAddress residenceAddress militaryCategory maritalStatus
      identityDocument { number } familyMembers { relation } }
  } }`;

  it('are the work-related ones: post, employment, leave, attestation, education and KPI', async () => {
    const result = await as<{ employee: { viewerCan: { sections: string[] } } }>('manager', work, {
      id: files.employee,
    });
    expect(result.errors).toBeUndefined();
    expect(result.data!.employee.viewerCan.sections).toEqual([
      'BASIC',
      'EMPLOYMENT',
      'LEAVE',
      'ATTESTATION',
      'EDUCATION',
      'KPI',
    ]);
  });

  it("leave a subordinate's passport, addresses, family and military registration to HR", async () => {
    for (const query of [
      personal,
      `query($id: ID!) { employee(id: $id) { birthDate } }`,
      `query($id: ID!) { employee(id: $id) { snils } }`,
    ]) {
      const result = await as('manager', query, { id: files.employee });
      expect(result.errors?.[0]?.extensions?.['code'], query).toBe('FORBIDDEN');
    }
    const hr = await as('hr', personal, { id: files.employee });
    expect(hr.errors).toBeUndefined();
  });

  it('widen to the personal section when the organization allows it', async () => {
    await update({ managerSections: [...defaultManagerSections, 'PERSONAL'] });
    try {
      const result = await as<{ employee: { personalData: { registrationAddress: string } } }>(
        'manager',
        personal,
        { id: files.employee },
      );
      expect(result.errors).toBeUndefined();
      expect(result.data!.employee.personalData.registrationAddress.length).toBeGreaterThan(0);
    } finally {
      await update({ managerSections: [...defaultManagerSections] });
    }
  });
});

describe('the directory', () => {
  type Card = {
    id: string;
    fullName: string;
    lastName: string;
    email: string | null;
    workPhone: string | null;
    position: { name: string } | null;
    department: { name: string } | null;
  };
  const card = `id fullName lastName email workPhone position { name } department { name }`;

  it('shows a plain employee their manager and the department heads as cards, unjournalled', async () => {
    const before = (await journal({ actorLogin: 'employee' })).length;
    const result = await as<{
      me: { employee: { manager: Card } };
      departments: { head: Card | null }[];
    }>('employee', `{ me { employee { manager { ${card} } } } departments { head { ${card} } } }`);
    expect(result.errors).toBeUndefined();
    const manager = result.data!.me.employee.manager;
    expect(manager.id).toBe(files.manager);
    expect(typeof manager.position?.name).toBe('string');
    expect(manager.email).toMatch(/@/);
    const heads = result.data!.departments.flatMap((d) => (d.head ? [d.head] : []));
    expect(heads.length).toBeGreaterThan(1);
    expect(Object.keys(heads[0]!).sort()).toEqual(
      ['department', 'email', 'fullName', 'id', 'lastName', 'position', 'workPhone'].sort(),
    );
    // Directory data is work contact data: reading it writes nothing to the journal.
    expect(await journal({ actorLogin: 'employee' })).toHaveLength(before);
  });

  it('has no personnel number, hire date or file sections on a card', async () => {
    for (const field of [
      'personnelNumber',
      'hireDate',
      'birthDate',
      'personalData { citizenship }',
    ]) {
      for (const query of [
        `{ me { employee { manager { ${field} } } } }`,
        `{ departments { head { ${field} } } }`,
      ]) {
        const result = await as('employee', query);
        expect(result.errors?.[0]?.extensions?.['code'], query).toBe('GRAPHQL_VALIDATION_FAILED');
      }
    }
  });

  it("does not open the manager's file to the employee: employee(id) says NOT_FOUND", async () => {
    const result = await as('employee', `query($id: ID!) { employee(id: $id) { id } }`, {
      id: files.manager,
    });
    expect(result.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
  });
});
