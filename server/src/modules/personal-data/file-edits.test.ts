import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../test/harness.js';
import { AccessLogEntry } from '../access-log/access-log.entity.js';
import { Assignment } from '../assignment/assignment.entity.js';
import { LeaveRecord } from '../leave/leave.entity.js';

/** HR corrects files; bad input is refused with the field, and nothing is half written. */

let server: TestServer;
let hr: string;
let employee: string;
let file: string;

beforeAll(async () => {
  server = await startTestServer({ demo: true });
  hr = await server.login('hr');
  employee = await server.login('employee');
  file = (
    await server.gql<{ me: { employee: { id: string } } }>(
      `{ me { employee { id } } }`,
      {},
      employee,
    )
  ).data!.me.employee.id;
});
afterAll(async () => {
  await server?.close();
});

const saveAssignment = `mutation($input: AssignmentInput!) { saveAssignment(input: $input) { id kind rate startDate } }`;
const saveLeave = `mutation($input: LeaveInput!) { saveLeave(input: $input) { id kind days } }`;
/** A date `n` days from today: generated demo leave and courses never reach past today. */
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
const errorOf = (result: { errors?: { extensions?: Record<string, unknown> }[] }) =>
  result.errors?.[0]?.extensions;

describe('bad input', () => {
  it.each([
    [
      'a rate over 1.5',
      { kind: 'COMBINATION', rate: '1.75', startDate: '2026-01-10' },
      ['input', 'rate'],
    ],
    [
      'a rate of zero',
      { kind: 'COMBINATION', rate: '0', startDate: '2026-01-10' },
      ['input', 'rate'],
    ],
    [
      'an end before the start',
      { kind: 'COMBINATION', rate: '0.25', startDate: '2026-01-10', endDate: '2026-01-09' },
      ['input', 'endDate'],
    ],
    [
      'a date in the far future',
      { kind: 'COMBINATION', rate: '0.25', startDate: '2205-01-10' },
      ['input', 'startDate'],
    ],
    [
      'a hire overlapping the current post',
      { kind: 'HIRE', rate: '1.00', startDate: inDays(0) },
      ['input', 'startDate'],
    ],
    [
      'a department of no such id',
      {
        kind: 'COMBINATION',
        rate: '0.25',
        startDate: '2026-01-10',
        departmentId: '00000000-0000-7000-8000-000000000000',
      },
      ['input', 'departmentId'],
    ],
  ])(
    'refuses %s with BAD_USER_INPUT on the field, writing nothing',
    async (_name, input, field) => {
      const em = server.orm.em.fork();
      const before = await em.count(Assignment, { employee: file });
      const journal = await em.count(AccessLogEntry, { action: 'CHANGE' });
      const result = await server.gql(
        saveAssignment,
        { input: { employeeId: file, ...input } },
        hr,
      );
      expect(errorOf(result)).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(await em.count(Assignment, { employee: file })).toBe(before);
      expect(await em.count(AccessLogEntry, { action: 'CHANGE' })).toBe(journal);
    },
  );

  it('refuses an unknown kind at the schema', async () => {
    const result = await server.gql(
      saveAssignment,
      { input: { employeeId: file, kind: 'PROMOTION', rate: '1', startDate: '2026-01-10' } },
      hr,
    );
    expect(errorOf(result)?.['code']).toBe('BAD_USER_INPUT');
  });

  it('refuses a leave overlapping another, and an invalid СНИЛС', async () => {
    const em = server.orm.em.fork();
    const existing = await em.findOneOrFail(LeaveRecord, { employee: file, kind: 'ANNUAL_BASIC' });
    const overlap = await server.gql(
      saveLeave,
      {
        input: {
          employeeId: file,
          kind: 'UNPAID',
          startDate: existing.startDate,
          endDate: existing.startDate,
        },
      },
      hr,
    );
    expect(errorOf(overlap)).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: ['input', 'startDate'],
    });
    const snils = await server.gql(
      `mutation($id: ID!) { updatePersonalData(employeeId: $id, input: { snils: "11223344596" }) { id } }`,
      { id: file },
      hr,
    );
    expect(errorOf(snils)).toMatchObject({ code: 'BAD_USER_INPUT', field: ['input', 'snils'] });
  });
});

describe('HR edits', () => {
  it('adds a combination, journals the change, and the file shows it as entered in the portal', async () => {
    const result = await server.gql<{ saveAssignment: { id: string; rate: string } }>(
      saveAssignment,
      {
        input: {
          employeeId: file,
          kind: 'COMBINATION',
          rate: '0.5',
          startDate: '2026-02-01',
          orderNumber: '15-к',
        },
      },
      hr,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.saveAssignment.rate).toBe('0.50');
    const journal = await server.orm.em
      .fork()
      .find(AccessLogEntry, { subjectEmployeeId: file, action: 'CHANGE' });
    expect(journal.at(-1)).toMatchObject({
      actorLogin: 'hr',
      section: 'EMPLOYMENT',
      operation: 'saveAssignment',
    });
    const view = await server.gql<{
      employee: { employment: { assignments: { kind: string; startDate: string }[] } };
    }>(
      `query($id: ID!) { employee(id: $id) { employment { assignments { kind startDate } } } }`,
      { id: file },
      employee,
    );
    expect(view.data!.employee.employment.assignments).toContainEqual({
      kind: 'COMBINATION',
      startDate: '2026-02-01',
    });
  });

  it('counts the days of a new leave from its dates, and corrects it by id', async () => {
    const created = await server.gql<{ saveLeave: { id: string; days: number } }>(
      saveLeave,
      {
        input: { employeeId: file, kind: 'STUDY', startDate: inDays(100), endDate: inDays(109) },
      },
      hr,
    );
    expect(created.data!.saveLeave.days).toBe(10);
    const corrected = await server.gql<{ saveLeave: { id: string; days: number } }>(
      saveLeave,
      {
        input: {
          id: created.data!.saveLeave.id,
          employeeId: file,
          kind: 'STUDY',
          startDate: inDays(100),
          endDate: inDays(104),
        },
      },
      hr,
    );
    expect(corrected.data!.saveLeave).toEqual({
      id: created.data!.saveLeave.id,
      days: 5,
      kind: 'STUDY',
    });
  });

  it('adds seniority from before and the general seniority grows by it', async () => {
    const seniority = async () =>
      (
        await server.gql<{
          employee: { seniority: { kinds: { kind: string; totalDays: number }[] } };
        }>(
          `query($id: ID!) { employee(id: $id) { seniority(asOf: "2026-06-30") { kinds { kind totalDays } } } }`,
          { id: file },
          hr,
        )
      ).data!.employee.seniority.kinds.find((k) => k.kind === 'GENERAL')!.totalDays;
    const before = await seniority();
    const result = await server.gql(
      `mutation($input: SeniorityPeriodInput!) { saveSeniorityPeriod(input: $input) { id } }`,
      {
        input: {
          employeeId: file,
          kind: 'GENERAL',
          startDate: '1990-01-01',
          endDate: '1990-01-31',
          document: 'Трудовая книжка',
        },
      },
      hr,
    );
    expect(result.errors).toBeUndefined();
    expect(await seniority()).toBe(before + 31);
  });

  it('lets no one but HR change the file, the owner included', async () => {
    for (const who of ['employee', 'manager', 'admin']) {
      const token = await server.login(who);
      const result = await server.gql(
        `mutation($id: ID!) { updatePersonalData(employeeId: $id, input: { birthPlace: "г. Москва" }) { id } }`,
        { id: file },
        token,
      );
      expect(errorOf(result)?.['code']).toBe('FORBIDDEN');
    }
  });
});

describe('reportFileError', () => {
  it('stores the owner report for HR, and refuses an empty comment', async () => {
    const reported = await server.gql<{ reportFileError: { id: string; section: string } }>(
      `mutation { reportFileError(section: EDUCATION, comment: "Не указаны курсы 2024 года") { id section } }`,
      {},
      employee,
    );
    expect(reported.data!.reportFileError.section).toBe('EDUCATION');
    const open = await server.gql<{ fileErrorReports: { id: string; comment: string }[] }>(
      `{ fileErrorReports { id comment } }`,
      {},
      hr,
    );
    expect(open.data!.fileErrorReports).toContainEqual({
      id: reported.data!.reportFileError.id,
      comment: 'Не указаны курсы 2024 года',
    });
    const empty = await server.gql(
      `mutation { reportFileError(section: EDUCATION, comment: " ") { id } }`,
      {},
      employee,
    );
    expect(errorOf(empty)).toMatchObject({ code: 'BAD_USER_INPUT', field: ['comment'] });
  });
});

describe('trips, attestations and education', () => {
  it('records a trip with exact money, and refuses an amount that is not one', async () => {
    const input = {
      employeeId: file,
      destination: 'г. Москва',
      purpose: 'Совещание',
      startDate: '2026-03-02',
      endDate: '2026-03-04',
      status: 'APPROVED',
      advanceAmount: '4500.5',
    };
    const saved = await server.gql<{ saveBusinessTrip: { advanceAmount: string; status: string } }>(
      `mutation($input: BusinessTripInput!) { saveBusinessTrip(input: $input) { advanceAmount status } }`,
      { input },
      hr,
    );
    expect(saved.data!.saveBusinessTrip).toEqual({ advanceAmount: '4500.50', status: 'APPROVED' });
    const bad = await server.gql(
      `mutation($input: BusinessTripInput!) { saveBusinessTrip(input: $input) { id } }`,
      { input: { ...input, advanceAmount: '45,00' } },
      hr,
    );
    expect(errorOf(bad)).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: ['input', 'advanceAmount'],
    });
  });

  it('refuses an attestation dated in the future and a next due date before it', async () => {
    const base = {
      employeeId: file,
      kind: 'REGULAR',
      purpose: 'QUALIFICATION_CATEGORY',
      decision: 'MEETS',
      category: 'Первая',
    };
    const future = await server.gql(
      `mutation($input: AttestationInput!) { saveAttestation(input: $input) { id } }`,
      { input: { ...base, date: '2027-12-01' } },
      hr,
    );
    expect(errorOf(future)).toMatchObject({ code: 'BAD_USER_INPUT', field: ['input', 'date'] });
    const backwards = await server.gql(
      `mutation($input: AttestationInput!) { saveAttestation(input: $input) { id } }`,
      { input: { ...base, date: '2025-12-01', nextDueDate: '2025-01-01' } },
      hr,
    );
    expect(errorOf(backwards)).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: ['input', 'nextDueDate'],
    });
  });

  it('adds a course that shows as the latest, and removes it again', async () => {
    const saved = await server.gql<{ saveEducationRecord: { id: string } }>(
      `mutation($input: EducationRecordInput!) { saveEducationRecord(input: $input) { id } }`,
      {
        input: {
          employeeId: file,
          kind: 'PROFESSIONAL_DEVELOPMENT',
          program: 'Наставничество',
          hours: 36,
          startDate: inDays(-15),
          endDate: inDays(5),
        },
      },
      hr,
    );
    const last = async () =>
      (
        await server.gql<{ employee: { education: { lastCourseEnd: string | null } } }>(
          `query($id: ID!) { employee(id: $id) { education { lastCourseEnd } } }`,
          { id: file },
          employee,
        )
      ).data!.employee.education.lastCourseEnd;
    expect(await last()).toBe(inDays(5));
    const removed = await server.gql(
      `mutation($id: ID!) { deleteFileRecord(section: EDUCATION, id: $id) }`,
      { id: saved.data!.saveEducationRecord.id },
      hr,
    );
    expect(removed.data).toEqual({ deleteFileRecord: true });
    expect(await last()).not.toBe(inDays(5));
  });
});

describe('personal section edits', () => {
  it('replaces the passport and adds a family member, refusing a malformed number', async () => {
    const update = (identityDocument: Record<string, string>) =>
      server.gql(
        `mutation($id: ID!, $doc: IdentityDocumentInput!) { updatePersonalData(employeeId: $id, input: { identityDocument: $doc }) { id } }`,
        { id: file, doc: identityDocument },
        hr,
      );
    const passport = {
      series: '14 20',
      number: '123456',
      issuedBy: 'УМВД России по Белгородской области',
      issueDate: '2020-05-14',
      divisionCode: '310-015',
    };
    expect((await update(passport)).errors).toBeUndefined();
    expect(errorOf(await update({ ...passport, number: '12345' }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: ['input', 'identityDocument', 'number'],
    });
    await server.gql(
      `mutation($input: FamilyMemberInput!) { saveFamilyMember(input: $input) { id } }`,
      {
        input: {
          employeeId: file,
          relation: 'Супруг',
          fullName: 'Петров Пётр Петрович',
          birthDate: '1985-04-01',
        },
      },
      hr,
    );
    const view = await server.gql<{
      employee: {
        personalData: {
          identityDocument: { number: string };
          familyMembers: { fullName: string }[];
        };
      };
    }>(
      `query($id: ID!) { employee(id: $id) { personalData(reveal: true) { identityDocument { number } familyMembers { fullName } } } }`,
      { id: file },
      employee,
    );
    expect(view.data!.employee.personalData.identityDocument.number).toBe('123456');
    expect(view.data!.employee.personalData.familyMembers.map((m) => m.fullName)).toContain(
      'Петров Пётр Петрович',
    );
  });
});
