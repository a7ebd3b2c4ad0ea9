import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAppSchema } from '../src/app/build-schema.js';
import { publicRootFields } from '../src/core/auth/public.js';
import { startTestServer, type GraphQLResponse, type TestServer } from './harness.js';

/**
 * Who may call what: every root field of the schema, for every demo account and an anonymous
 * caller, over HTTP and over WebSocket. A new root field without cases here fails the first test.
 */

const accounts = ['admin', 'hr', 'accountant', 'manager', 'employee', 'other', 'guest'] as const;
type Account = (typeof accounts)[number];
type Who = Account | 'anonymous';
const everyone: Who[] = [...accounts, 'anonymous'];

/** 'allow', or the `extensions.code` the call must fail with. */
type Outcome = 'allow' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND';

interface Ids {
  leaveToDelete: () => Promise<string>;
  payslipOfEmployee: string;
  lineOfEmployee: string;
  employeeFile: string;
  otherFile: string;
  runId: string;
  pendingUser: (token: string | null) => Promise<string>;
  /** A certificate request `employee` filed: seen by them and HR's queue only. */
  employeeTask: string;
  /** A fresh certificate request of `employee`, for a case that changes it. */
  newEmployeeTask: () => Promise<string>;
  userOf: Record<'employee' | 'manager', string>;
  /** The demo's four teacher indicators, whose default weights make 100 %. */
  indicators: string[];
  /** A new period for each sheet a case makes: plans need a draft, facts a period begun. */
  freshPeriod: () => string;
  /** HR plans a fresh (past) period for `employee`, with facts when asked; returns the sheet. */
  sheetOfEmployee: (withFacts: boolean) => Promise<string>;
}

interface Case {
  field: string;
  name: string;
  operation: (ids: Ids, who: Who) => { query: string; variables?: Record<string, unknown> };
  expect: Record<Who, Outcome>;
  /** Ends the caller's session: run on a fresh one, and sign everyone in again after. */
  endsSession?: boolean;
  /** Needs something made for it first (a pending registration to approve). */
  prepare?: (ids: Ids, token: string | null) => Promise<Record<string, unknown>>;
}

/** The same outcome for everyone signed in, and UNAUTHENTICATED for the anonymous caller. */
const signedIn = (overrides: Partial<Record<Account, Outcome>> = {}): Record<Who, Outcome> => ({
  ...(Object.fromEntries(accounts.map((a) => [a, 'allow'])) as Record<Account, Outcome>),
  ...overrides,
  anonymous: 'UNAUTHENTICATED',
});

/** The listed accounts may; every other signed-in account is told the thing does not exist. */
const seenBy = (...allowed: Account[]): Record<Who, Outcome> =>
  signedIn(
    Object.fromEntries(accounts.map((a) => [a, allowed.includes(a) ? 'allow' : 'NOT_FOUND'])),
  );

/** Only the listed accounts may; every other signed-in account is FORBIDDEN. */
const only = (...allowed: Account[]): Record<Who, Outcome> =>
  signedIn(
    Object.fromEntries(accounts.map((a) => [a, allowed.includes(a) ? 'allow' : 'FORBIDDEN'])),
  );

/** As `outcomes`, but the listed accounts, who may not see the file at all, are told it does not exist. */
const hiding = (outcomes: Record<Who, Outcome>, ...hidden: Account[]): Record<Who, Outcome> => ({
  ...outcomes,
  ...Object.fromEntries(hidden.map((a) => [a, 'NOT_FOUND'])),
});

const credentials: Record<Who, string> = {
  admin: 'admin',
  hr: 'hr',
  accountant: 'accountant',
  manager: 'manager',
  employee: 'employee',
  other: 'other',
  guest: 'guest',
  anonymous: 'employee',
};

const cases: Case[] = [
  {
    field: 'Query.me',
    name: 'the signed-in account',
    operation: () => ({ query: `{ me { id login roles } }` }),
    expect: signedIn(),
  },
  {
    field: 'Query.organization',
    name: "the viewer's organization",
    operation: () => ({ query: `{ organization { id name } }` }),
    expect: signedIn(),
  },
  {
    field: 'Query.organizationSettings',
    name: 'access settings',
    operation: () => ({ query: `{ organizationSettings { managerSections enabledSections } }` }),
    expect: signedIn(),
  },
  {
    field: 'Query.departments',
    name: 'the department tree (members only)',
    operation: () => ({ query: `{ departments { id name } }` }),
    expect: signedIn({ guest: 'FORBIDDEN' }),
  },
  {
    field: 'Query.employee',
    name: "employee's file: own, subordinate of manager, directory of admin",
    operation: (ids) => ({
      query: `query($id: ID!) { employee(id: $id) { id fullName } }`,
      variables: { id: ids.employeeFile },
    }),
    expect: signedIn({ other: 'NOT_FOUND', guest: 'NOT_FOUND' }),
  },
  {
    field: 'Query.employee',
    name: "other's file: not a subordinate of manager, a colleague of employee",
    operation: (ids) => ({
      query: `query($id: ID!) { employee(id: $id) { id fullName } }`,
      variables: { id: ids.otherFile },
    }),
    expect: signedIn({ manager: 'NOT_FOUND', employee: 'NOT_FOUND', guest: 'NOT_FOUND' }),
  },
  {
    field: 'Query.employee',
    name: "the personal section of employee's file: HR's, not the manager's by default",
    operation: (ids) => ({
      query: `query($id: ID!) { employee(id: $id) { birthDate mobilePhone snils inn } }`,
      variables: { id: ids.employeeFile },
    }),
    expect: hiding(only('hr', 'employee'), 'other', 'guest'),
  },
  {
    field: 'Query.employee',
    name: "employee's employment, leave, attestation and education sections: the manager's by default",
    operation: (ids) => ({
      query: `query($id: ID!) { employee(id: $id) {
        employment { current { startDate } } leave { nextLeaveStart }
        attestation { nextDueDate } education { lastCourseEnd }
      } }`,
      variables: { id: ids.employeeFile },
    }),
    expect: hiding(only('hr', 'manager', 'employee'), 'other', 'guest'),
  },
  {
    field: 'Query.employee',
    name: "employee's seniority and trips sections: HR's, not the manager's by default",
    operation: (ids) => ({
      query: `query($id: ID!) { employee(id: $id) {
        seniority { kinds { kind years } } trips { trips { id } }
      } }`,
      variables: { id: ids.employeeFile },
    }),
    expect: hiding(only('hr', 'employee'), 'other', 'guest'),
  },
  {
    field: 'Query.employee',
    name: "employee's medical examinations (health data, 152-ФЗ ст. 10): HR's, not the manager's by default",
    operation: (ids) => ({
      query: `query($id: ID!) { employee(id: $id) { medicalExaminations { nextDueDate } } }`,
      variables: { id: ids.employeeFile },
    }),
    expect: hiding(only('hr', 'employee'), 'other', 'guest'),
  },
  {
    field: 'Query.employees',
    name: 'the files in scope',
    operation: () => ({ query: `{ employees(first: 5) { edges { node { id } } } }` }),
    expect: signedIn({ guest: 'FORBIDDEN' }),
  },
  {
    field: 'Query.myTeam',
    name: "a manager's subordinates",
    operation: () => ({ query: `{ myTeam(first: 5) { edges { node { id } } } }` }),
    expect: only('manager'),
  },
  {
    field: 'Query.payslips',
    name: "the viewer's own payslips",
    operation: () => ({ query: `{ payslips { id } }` }),
    expect: signedIn({ guest: 'FORBIDDEN' }),
  },
  {
    field: 'Query.payslips',
    name: "employee's payslips: HR and the accountant, not the manager by default",
    operation: (ids) => ({
      query: `query($id: ID) { payslips(employeeId: $id) { id } }`,
      variables: { id: ids.employeeFile },
    }),
    expect: hiding(only('hr', 'accountant', 'employee'), 'other', 'guest'),
  },
  {
    field: 'Query.payslip',
    name: "one of employee's payslips",
    operation: (ids) => ({
      query: `query($id: ID!) { payslip(id: $id) { id totals { accrued } } }`,
      variables: { id: ids.payslipOfEmployee },
    }),
    expect: seenBy('hr', 'accountant', 'employee'),
  },
  {
    field: 'Mutation.publishPayrollPeriod',
    name: 'publishing a payroll month',
    operation: () => {
      const now = new Date();
      return {
        query: `mutation($year: Int!, $month: Int!) { publishPayrollPeriod(year: $year, month: $month, part: ADVANCE) { id } }`,
        variables: { year: now.getUTCFullYear(), month: now.getUTCMonth() + 1 },
      };
    },
    expect: only('accountant'),
  },
  {
    field: 'Mutation.savePayslip',
    name: 'writing a payslip',
    operation: (ids) => ({
      query: `mutation($input: PayslipInput!) { savePayslip(input: $input) { id } }`,
      variables: {
        input: {
          employeeId: ids.employeeFile,
          year: 2020,
          month: 1,
          openingBalance: '0.00',
          closingBalance: '100.00',
          lines: [{ kind: 'ACCRUAL', payCode: '001', name: 'Оклад', amount: '100.00' }],
        },
      },
    }),
    expect: only('accountant'),
  },
  {
    field: 'Mutation.acknowledgePayslip',
    name: "acknowledging employee's payslip",
    operation: (ids) => ({
      query: `mutation($id: ID!) { acknowledgePayslip(id: $id) { acknowledgedAt } }`,
      variables: { id: ids.payslipOfEmployee },
    }),
    expect: hiding(only('employee'), 'admin', 'manager', 'other', 'guest'),
  },
  {
    field: 'Query.unacknowledgedPayslips',
    name: 'who has not acknowledged',
    operation: () => ({ query: `{ unacknowledgedPayslips(year: 2025, month: 1) { id } }` }),
    expect: only('accountant'),
  },
  {
    field: 'Mutation.questionPayslipLine',
    name: "questioning a line of employee's payslip",
    operation: (ids) => ({
      query: `mutation($id: ID!) { questionPayslipLine(lineId: $id, question: "Почему премия меньше?") { id } }`,
      variables: { id: ids.lineOfEmployee },
    }),
    expect: hiding(only('employee', 'accountant'), 'admin', 'manager', 'other', 'guest'),
  },
  {
    field: 'Query.salaryDynamics',
    name: "employee's pay over time",
    operation: (ids) => ({
      query: `query($id: ID) { salaryDynamics(employeeId: $id, groupBy: YEAR) { start net } }`,
      variables: { id: ids.employeeFile },
    }),
    expect: hiding(only('hr', 'accountant', 'employee'), 'other', 'guest'),
  },
  {
    field: 'Query.productionCalendar',
    name: 'the production calendar',
    operation: () => ({ query: `{ productionCalendar(year: 2025) { workingDaysByMonth } }` }),
    expect: signedIn(),
  },
  {
    field: 'Mutation.setCalendarDay',
    name: 'recording a day of the decree',
    operation: () => ({
      query: `mutation { setCalendarDay(date: "2030-12-31", kind: DAY_OFF, note: "Постановление") }`,
    }),
    expect: only('hr', 'admin'),
  },
  {
    field: 'Query.myFileAccessLog',
    name: 'who viewed my file (people with a file)',
    operation: () => ({ query: `{ myFileAccessLog(first: 5) { edges { node { id } } } }` }),
    expect: signedIn({ guest: 'FORBIDDEN' }),
  },
  {
    field: 'Query.accessLog',
    name: "the organization's access journal",
    operation: () => ({ query: `{ accessLog(first: 5) { edges { node { id } } } }` }),
    expect: only('admin'),
  },
  {
    field: 'Query.pendingUsers',
    name: 'registrations waiting',
    operation: () => ({ query: `{ pendingUsers { id login } }` }),
    expect: only('admin'),
  },
  {
    field: 'Mutation.login',
    name: 'signing in (public)',
    operation: (_ids, who) => ({
      query: `mutation($input: LoginInput!) { login(input: $input) { accessToken } }`,
      variables: { input: { login: credentials[who], password: 'demo1234' } },
    }),
    expect: { ...signedIn(), anonymous: 'allow' },
  },
  {
    field: 'Mutation.register',
    name: 'asking for a third-party account (public)',
    operation: (ids, who) => ({
      query: `mutation($input: RegisterInput!) { register(input: $input) { login } }`,
      variables: {
        input: {
          login: `ext-${ids.runId}-${who}`,
          password: 'a long enough password',
          displayName: `Проверка ${who}`,
          email: `${who}@example.org`,
        },
      },
    }),
    expect: { ...signedIn(), anonymous: 'allow' },
  },
  {
    field: 'Mutation.approveUser',
    name: 'approving a registration',
    prepare: async (ids, token) => ({ userId: await ids.pendingUser(token) }),
    operation: () => ({
      query: `mutation($userId: ID!) { approveUser(userId: $userId) { id status } }`,
    }),
    expect: only('admin'),
  },
  {
    field: 'Mutation.updateOrganizationSettings',
    name: 'changing access settings',
    operation: () => ({
      query: `mutation { updateOrganizationSettings(input: {}) { managerSections } }`,
    }),
    expect: only('admin'),
  },
  {
    field: 'Mutation.publishPing',
    name: 'publishing a diagnostic ping',
    operation: () => ({ query: `mutation { publishPing(message: "matrix") }` }),
    expect: only('admin'),
  },
  {
    field: 'Mutation.saveAssignment',
    name: 'HR adds a combination (совмещение) to a file',
    operation: (ids) => ({
      query: `mutation($input: AssignmentInput!) { saveAssignment(input: $input) { id } }`,
      variables: {
        input: {
          employeeId: ids.employeeFile,
          kind: 'COMBINATION',
          rate: '0.25',
          startDate: nextDate(),
        },
      },
    }),
    expect: hiding(only('hr'), 'other', 'guest'),
  },
  {
    field: 'Mutation.saveLeave',
    name: 'HR records a leave',
    operation: (ids) => ({
      query: `mutation($input: LeaveInput!) { saveLeave(input: $input) { id } }`,
      variables: {
        input: {
          employeeId: ids.employeeFile,
          kind: 'STUDY',
          startDate: nextDate(),
          endDate: nextDate(),
        },
      },
    }),
    expect: hiding(only('hr'), 'other', 'guest'),
  },
  {
    field: 'Mutation.saveSeniorityPeriod',
    name: 'HR enters seniority from before',
    operation: (ids) => ({
      query: `mutation($input: SeniorityPeriodInput!) { saveSeniorityPeriod(input: $input) { id } }`,
      variables: {
        input: {
          employeeId: ids.employeeFile,
          kind: 'GENERAL',
          startDate: '2001-09-01',
          endDate: '2003-06-30',
        },
      },
    }),
    expect: hiding(only('hr'), 'other', 'guest'),
  },
  {
    field: 'Mutation.saveBusinessTrip',
    name: 'HR records a business trip',
    operation: (ids) => {
      const date = nextDate();
      return {
        query: `mutation($input: BusinessTripInput!) { saveBusinessTrip(input: $input) { id } }`,
        variables: {
          input: {
            employeeId: ids.employeeFile,
            destination: 'г. Курск',
            purpose: 'Семинар',
            startDate: date,
            endDate: date,
            status: 'APPROVED',
          },
        },
      };
    },
    expect: hiding(only('hr'), 'other', 'guest'),
  },
  {
    field: 'Mutation.saveAttestation',
    name: 'HR records an attestation',
    operation: (ids) => ({
      query: `mutation($input: AttestationInput!) { saveAttestation(input: $input) { id } }`,
      variables: {
        input: {
          employeeId: ids.employeeFile,
          kind: 'REGULAR',
          purpose: 'POST_FITNESS',
          date: '2025-05-20',
          decision: 'MEETS',
        },
      },
    }),
    expect: hiding(only('hr'), 'other', 'guest'),
  },
  {
    field: 'Mutation.saveEducationRecord',
    name: 'HR records a course',
    operation: (ids) => ({
      query: `mutation($input: EducationRecordInput!) { saveEducationRecord(input: $input) { id } }`,
      variables: {
        input: {
          employeeId: ids.employeeFile,
          kind: 'PROFESSIONAL_DEVELOPMENT',
          program: 'Первая помощь',
          hours: 16,
        },
      },
    }),
    expect: hiding(only('hr'), 'other', 'guest'),
  },
  {
    field: 'Mutation.saveMedicalExamination',
    name: 'HR records a medical examination',
    operation: (ids) => ({
      query: `mutation($input: MedicalExaminationInput!) { saveMedicalExamination(input: $input) { id } }`,
      variables: {
        input: {
          employeeId: ids.employeeFile,
          date: '2025-05-20',
          kind: 'PERIODIC',
          result: 'FIT',
          nextDueDate: '2026-05-20',
        },
      },
    }),
    expect: hiding(only('hr'), 'other', 'guest'),
  },
  {
    field: 'Mutation.saveFamilyMember',
    name: 'HR records a family member',
    operation: (ids) => ({
      query: `mutation($input: FamilyMemberInput!) { saveFamilyMember(input: $input) { id } }`,
      variables: {
        input: {
          employeeId: ids.employeeFile,
          relation: 'Дочь',
          fullName: 'Иванова Мария Ивановна',
        },
      },
    }),
    expect: hiding(only('hr'), 'other', 'guest'),
  },
  {
    field: 'Mutation.updatePersonalData',
    name: 'HR corrects the personal section',
    operation: (ids) => ({
      query: `mutation($id: ID!) { updatePersonalData(employeeId: $id, input: { citizenship: "Российская Федерация" }) { id } }`,
      variables: { id: ids.employeeFile },
    }),
    expect: hiding(only('hr'), 'other', 'guest'),
  },
  {
    field: 'Mutation.deleteFileRecord',
    name: 'HR removes a leave',
    prepare: async (ids) => ({ recordId: await ids.leaveToDelete() }),
    operation: () => ({
      query: `mutation($recordId: ID!) { deleteFileRecord(section: LEAVE, id: $recordId) }`,
    }),
    expect: hiding(only('hr'), 'other', 'guest'),
  },
  {
    field: 'Mutation.reportFileError',
    name: 'the owner reports an error in their file',
    operation: () => ({
      query: `mutation { reportFileError(section: PERSONAL, comment: "Неверный адрес") { id } }`,
    }),
    expect: signedIn({ guest: 'FORBIDDEN' }),
  },
  {
    field: 'Query.fileErrorReports',
    name: 'open error reports',
    operation: () => ({ query: `{ fileErrorReports { id section } }` }),
    expect: only('hr'),
  },
  {
    field: 'Mutation.logout',
    name: 'ending this session',
    operation: () => ({ query: `mutation { logout }` }),
    expect: signedIn(),
    endsSession: true,
  },
  {
    field: 'Mutation.logoutEverywhere',
    name: 'ending every session',
    operation: () => ({ query: `mutation { logoutEverywhere }` }),
    expect: signedIn(),
    endsSession: true,
  },
  {
    field: 'Query.notifications',
    name: "the viewer's notifications",
    operation: () => ({ query: `{ notifications(first: 5) { edges { node { id title } } } }` }),
    expect: signedIn(),
  },
  {
    field: 'Query.unreadNotificationCount',
    name: 'unread notifications',
    operation: () => ({ query: `{ unreadNotificationCount }` }),
    expect: signedIn(),
  },
  {
    field: 'Mutation.markNotificationsRead',
    name: 'marking notifications read',
    operation: () => ({ query: `mutation { markNotificationsRead(all: true) }` }),
    expect: signedIn(),
  },
  {
    field: 'Mutation.announce',
    name: 'an announcement to the organization',
    operation: () => ({
      query: `mutation { announce(title: "Собрание коллектива", body: "В 15:00") }`,
    }),
    expect: only('hr'),
  },
  {
    field: 'Query.notificationPreferences',
    name: "the viewer's e-mail choice per notification type",
    operation: () => ({ query: `{ notificationPreferences { type email emailAvailable } }` }),
    expect: signedIn(),
  },
  {
    field: 'Mutation.setNotificationPreference',
    name: 'turning e-mail off for a type, for oneself',
    operation: () => ({
      query: `mutation { setNotificationPreference(type: ANNOUNCEMENT, email: false) { type email } }`,
    }),
    expect: signedIn(),
  },
  {
    field: 'Subscription.notificationAdded',
    name: "the viewer's notifications, replayed from the start",
    prepare: async () => {
      await server.gql(`mutation { announce(title: "Для проверки подписки") }`, {}, tokens.hr);
      return {};
    },
    operation: () => ({
      query: `subscription { notificationAdded(after: "00000000-0000-7000-8000-000000000000") { id title } }`,
    }),
    expect: signedIn(),
  },
  {
    field: 'Query.tasks',
    name: 'the tasks the viewer may see',
    operation: () => ({
      query: `{ tasks(scope: ALL, first: 5) { edges { node { id status } } } }`,
    }),
    expect: signedIn(),
  },
  {
    field: 'Query.task',
    name: "an employee's certificate request",
    operation: (ids) => ({
      query: `query($id: ID!) { task(id: $id) { id status actions { action } } }`,
      variables: { id: ids.employeeTask },
    }),
    expect: seenBy('employee', 'hr'),
  },
  {
    field: 'Query.taskTypes',
    name: 'the status models',
    operation: () => ({ query: `{ taskTypes { type transitions { action } } }` }),
    expect: signedIn(),
  },
  {
    field: 'Query.deputies',
    name: 'deputies',
    operation: () => ({ query: `{ deputies { id startDate } }` }),
    expect: signedIn(),
  },
  {
    field: 'Mutation.createTask',
    name: 'a task for an employee',
    operation: (ids) => ({
      query: `mutation($input: CreateTaskInput!) { createTask(input: $input) { id } }`,
      variables: {
        input: { title: 'Ознакомиться с приказом', assigneeEmployeeId: ids.employeeFile },
      },
    }),
    expect: only('hr', 'accountant'),
  },
  {
    field: 'Mutation.requestLeave',
    name: 'a leave request of their own',
    operation: () => {
      const date = nextDate();
      return {
        query: `mutation($input: LeaveRequestInput!) { requestLeave(input: $input) { id } }`,
        variables: { input: { kind: 'UNPAID', startDate: date, endDate: date } },
      };
    },
    expect: signedIn({ guest: 'FORBIDDEN' }),
  },
  {
    field: 'Mutation.requestCertificate',
    name: 'a certificate request of their own',
    operation: () => ({
      query: `mutation { requestCertificate(input: { kind: EMPLOYMENT }) { id } }`,
    }),
    expect: signedIn({ guest: 'FORBIDDEN' }),
  },
  {
    field: 'Mutation.transitionTask',
    name: "taking an employee's certificate request",
    prepare: async (ids) => ({ id: await ids.newEmployeeTask() }),
    operation: () => ({
      query: `mutation($id: ID!) { transitionTask(id: $id, action: "TAKE") { status } }`,
    }),
    expect: { ...seenBy('hr'), employee: 'FORBIDDEN' },
  },
  {
    field: 'Mutation.reassignTask',
    name: "handing an employee's certificate request to accounting",
    prepare: async (ids) => ({ id: await ids.newEmployeeTask() }),
    operation: () => ({
      query: `mutation($id: ID!) { reassignTask(id: $id, queue: ACCOUNTANT) { id } }`,
    }),
    expect: { ...seenBy('hr'), employee: 'FORBIDDEN' },
  },
  {
    field: 'Mutation.postTaskMessage',
    name: "a message on an employee's certificate request",
    operation: (ids) => ({
      query: `mutation($id: ID!) { postTaskMessage(taskId: $id, text: "Вопрос по справке") { id } }`,
      variables: { id: ids.employeeTask },
    }),
    expect: seenBy('employee', 'hr'),
  },
  {
    field: 'Mutation.attachToTask',
    name: "attaching one's upload to an employee's certificate request",
    prepare: async (_ids, token) => {
      if (!token) return { files: ['01900000-0000-7000-8000-000000000000'] };
      const form = new FormData();
      form.append('file', new Blob([matrixPdf], { type: 'application/pdf' }), 'Скан.pdf');
      const response = await fetch(`${server.url}/files`, {
        method: 'POST',
        body: form,
        headers: { authorization: `Bearer ${token}` },
      });
      return { files: [((await response.json()) as { id: string }).id] };
    },
    operation: (ids) => ({
      query: `mutation($id: ID!, $files: [ID!]!) { attachToTask(taskId: $id, fileIds: $files) { id } }`,
      variables: { id: ids.employeeTask },
    }),
    expect: seenBy('employee', 'hr'),
  },
  {
    field: 'Mutation.markTaskMessagesRead',
    name: "reading the messages of an employee's certificate request",
    operation: (ids) => ({
      query: `mutation($id: ID!) { markTaskMessagesRead(taskId: $id) { id } }`,
      variables: { id: ids.employeeTask },
    }),
    expect: seenBy('employee', 'hr'),
  },
  {
    field: 'Mutation.setDeputy',
    name: 'naming a deputy for oneself',
    operation: (ids, who) => {
      const date = nextDate();
      return {
        query: `mutation($input: DeputyInput!) { setDeputy(input: $input) { id } }`,
        variables: {
          input: {
            deputyUserId: who === 'employee' ? ids.userOf.manager : ids.userOf.employee,
            startDate: date,
            endDate: date,
          },
        },
      };
    },
    expect: signedIn({ guest: 'FORBIDDEN' }),
  },
  {
    field: 'Mutation.revokeDeputy',
    name: "revoking the manager's deputy",
    prepare: async (ids) => {
      const date = nextDate();
      const result = await server.gql<{ setDeputy: { id: string } }>(
        `mutation($input: DeputyInput!) { setDeputy(input: $input) { id } }`,
        {
          input: {
            principalUserId: ids.userOf.manager,
            deputyUserId: ids.userOf.employee,
            startDate: date,
            endDate: date,
          },
        },
        tokens.hr,
      );
      return { id: result.data!.setDeputy.id };
    },
    operation: () => ({ query: `mutation($id: ID!) { revokeDeputy(id: $id) { revokedAt } }` }),
    expect: seenBy('hr', 'manager'),
  },
  {
    field: 'Subscription.taskChanged',
    name: "the history of an employee's certificate request, replayed",
    operation: (ids) => ({
      query: `subscription($id: ID!) { taskChanged(taskId: $id, after: "00000000-0000-7000-8000-000000000000") { kind } }`,
      variables: { id: ids.employeeTask },
    }),
    expect: seenBy('employee', 'hr'),
  },
  {
    field: 'Subscription.messageAdded',
    name: "the messages of an employee's certificate request, replayed",
    operation: (ids) => ({
      query: `subscription($id: ID!) { messageAdded(taskId: $id, after: "00000000-0000-7000-8000-000000000000") { text } }`,
      variables: { id: ids.employeeTask },
    }),
    expect: seenBy('employee', 'hr'),
  },
  {
    field: 'Query.indicators',
    name: 'the indicator catalogue',
    operation: () => ({ query: `{ indicators { id name } }` }),
    expect: signedIn({ guest: 'FORBIDDEN' }),
  },
  {
    field: 'Mutation.saveIndicator',
    name: 'a new indicator',
    operation: () => ({
      query: `mutation($i: IndicatorInput!) { saveIndicator(input: $i) { id } }`,
      variables: {
        i: {
          name: 'Методическая работа',
          unit: 'баллов',
          direction: 'HIGHER_BETTER',
          periodKind: 'QUARTER',
          defaultWeight: '10',
          rule: { kind: 'LINEAR', maxPoints: '5', capPercent: '100' },
        },
      },
    }),
    expect: only('hr', 'admin'),
  },
  {
    field: 'Mutation.assignIndicator',
    name: "applying an indicator to the employee's file",
    operation: (ids) => ({
      query: `mutation($i: ID!, $e: ID!) { assignIndicator(indicatorId: $i, employeeId: $e) { id } }`,
      variables: { i: ids.indicators[0], e: ids.employeeFile },
    }),
    expect: only('hr', 'admin'),
  },
  {
    field: 'Query.myIndicators',
    name: "the viewer's own sheet",
    operation: () => ({ query: `{ myIndicators { id status } }` }),
    expect: signedIn({ guest: 'FORBIDDEN' }),
  },
  {
    field: 'Query.evaluationSheet',
    name: "the employee's sheet",
    operation: (ids) => ({
      query: `query($e: ID!) { evaluationSheet(employeeId: $e, period: "2026-01") { id } }`,
      variables: { e: ids.employeeFile },
    }),
    expect: seenBy('employee', 'manager', 'hr'),
  },
  {
    field: 'Query.evaluationSheetById',
    name: "the employee's sheet by id",
    prepare: async (ids) => ({ id: await ids.sheetOfEmployee(false) }),
    operation: () => ({ query: `query($id: ID!) { evaluationSheetById(id: $id) { id } }` }),
    expect: seenBy('employee', 'manager', 'hr'),
  },
  {
    field: 'Query.indicatorHistory',
    name: "the employee's indicator history",
    operation: (ids) => ({
      query: `query($e: ID!, $i: ID!) { indicatorHistory(employeeId: $e, indicatorId: $i, from: "2020-01", to: "2030-12") { period } }`,
      variables: { e: ids.employeeFile, i: ids.indicators[0] },
    }),
    expect: seenBy('employee', 'manager', 'hr'),
  },
  {
    field: 'Query.sheetsAwaitingMe',
    name: "the sheets waiting for the viewer's step",
    operation: () => ({ query: `{ sheetsAwaitingMe { id status } }` }),
    expect: only('hr', 'manager'),
  },
  {
    field: 'Query.teamIndicators',
    name: "the team's sheets",
    operation: () => ({ query: `{ teamIndicators(period: "2026-01") { employee { name } } }` }),
    expect: only('manager'),
  },
  {
    field: 'Mutation.setIndicatorPlans',
    name: "the employee's plan for a period",
    operation: (ids) => ({
      query: `mutation($e: ID!, $p: String!, $plans: [IndicatorPlanInput!]!) { setIndicatorPlans(employeeId: $e, period: $p, plans: $plans) { id } }`,
      variables: {
        e: ids.employeeFile,
        p: ids.freshPeriod(),
        plans: ids.indicators.map((indicatorId) => ({ indicatorId, plan: '5' })),
      },
    }),
    expect: signedIn({
      manager: 'allow',
      hr: 'allow',
      admin: 'FORBIDDEN',
      accountant: 'FORBIDDEN',
      employee: 'FORBIDDEN',
      other: 'FORBIDDEN',
      guest: 'FORBIDDEN',
    }),
  },
  {
    field: 'Mutation.enterIndicatorFacts',
    name: "a self-assessed fact on the employee's sheet",
    prepare: async (ids) => ({ id: await ids.sheetOfEmployee(false) }),
    operation: (ids) => ({
      query: `mutation($id: ID!, $f: [IndicatorFactInput!]!) { enterIndicatorFacts(sheetId: $id, facts: $f) { id } }`,
      variables: { f: [{ indicatorId: ids.indicators[2], fact: '3' }] },
    }),
    expect: seenBy('employee', 'manager', 'hr'),
  },
  {
    field: 'Mutation.evaluationSheetAction',
    name: "submitting the employee's complete sheet",
    prepare: async (ids) => ({ id: await ids.sheetOfEmployee(true) }),
    operation: () => ({
      query: `mutation($id: ID!) { evaluationSheetAction(sheetId: $id, action: SUBMIT) { status } }`,
    }),
    expect: { ...seenBy('employee', 'manager', 'hr'), manager: 'FORBIDDEN', hr: 'FORBIDDEN' },
  },
  {
    field: 'Query.dashboard',
    name: 'the dashboard',
    operation: () => ({
      query: `{ dashboard { notifications { unread } tasks { open } lastPayslip { net } leave { remainingDays } kpi { lastApprovedScore } team { size } } }`,
    }),
    expect: signedIn(),
  },
  {
    field: 'Query.integrationTokens',
    name: "the organization's integration tokens",
    operation: () => ({ query: `{ integrationTokens { id name hint } }` }),
    expect: only('admin'),
  },
  {
    field: 'Mutation.createIntegrationToken',
    name: 'a token for the system of record',
    operation: () => ({
      query: `mutation { createIntegrationToken(name: "matrix") { token integrationToken { id } } }`,
    }),
    expect: only('admin'),
  },
  {
    field: 'Mutation.revokeIntegrationToken',
    name: 'revoking a token (an unknown one: the admin is told it does not exist)',
    operation: () => ({
      query: `mutation { revokeIntegrationToken(id: "01900000-0000-7000-8000-000000000000") { id } }`,
    }),
    expect: signedIn({
      admin: 'NOT_FOUND',
      hr: 'FORBIDDEN',
      accountant: 'FORBIDDEN',
      manager: 'FORBIDDEN',
      employee: 'FORBIDDEN',
      other: 'FORBIDDEN',
      guest: 'FORBIDDEN',
    }),
  },
  {
    field: 'Query.importRuns',
    name: 'the imports from the system of record',
    operation: () => ({ query: `{ importRuns(first: 5) { edges { node { id status } } } }` }),
    expect: only('admin'),
  },
  {
    field: 'Mutation.importRecords',
    name: 'importing records: the system of record only (INTEGRATION), no person',
    operation: () => ({
      query: `mutation { importRecords(source: "matrix", schemaVersion: 1, records: []) { status } }`,
    }),
    expect: only(),
  },
  {
    field: 'Subscription.ping',
    name: 'diagnostic pings',
    operation: () => ({ query: `subscription { ping { message } }` }),
    expect: only('admin'),
  },
];

/** The smallest PDF the upload endpoint accepts. */
const matrixPdf = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n' +
    '2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);

let server: TestServer;
let tokens: Record<Who, string | null>;
/** A fresh future day for each record a case adds, so no two overlap. */
let day = 0;
const nextDate = () =>
  // From two months ahead: generated demo leave never reaches past today.
  new Date(Date.now() + (60 + 2 * day++) * 86_400_000).toISOString().slice(0, 10);
let ids: Ids;

async function signInEveryone(): Promise<void> {
  const entries = await Promise.all(
    accounts.map(async (account) => [account, await server.login(account)] as const),
  );
  tokens = { ...(Object.fromEntries(entries) as Record<Account, string>), anonymous: null };
}

beforeAll(async () => {
  // Generous limits: the matrix signs in many times from one address.
  server = await startTestServer({
    demo: true,
    env: {
      LOGIN_MAX_FAILURES_PER_IP: '1000',
      LOGIN_MAX_FAILURES: '1000',
      REGISTER_MAX_PER_IP_HOUR: '1000',
    },
  });
  await signInEveryone();
  const userOf = async (who: Account) =>
    (await server.gql<{ me: { id: string } }>(`{ me { id } }`, {}, tokens[who])).data!.me.id;
  const fileOf = async (who: Account) =>
    (
      await server.gql<{ me: { employee: { id: string } } }>(
        `{ me { employee { id } } }`,
        {},
        tokens[who],
      )
    ).data!.me.employee.id;
  let pending = 0;
  const runId = Date.now().toString(36);
  const ownPayslips = (
    await server.gql<{ payslips: { id: string; accruals: { id: string }[] }[] }>(
      `{ payslips { id accruals { id } } }`,
      {},
      tokens.employee,
    )
  ).data!.payslips;
  const payslipOfEmployee = ownPayslips[0]!.id;
  const lineOfEmployee = ownPayslips[0]!.accruals[0]!.id;
  ids = {
    payslipOfEmployee,
    lineOfEmployee,
    employeeFile: await fileOf('employee'),
    otherFile: await fileOf('other'),
    runId,
    leaveToDelete: async () => {
      const date = nextDate();
      const result = await server.gql<{ saveLeave: { id: string } }>(
        `mutation($input: LeaveInput!) { saveLeave(input: $input) { id } }`,
        { input: { employeeId: ids.employeeFile, kind: 'STUDY', startDate: date, endDate: date } },
        tokens.hr,
      );
      return result.data!.saveLeave.id;
    },
    pendingUser: async () => {
      pending += 1;
      const login = `pending-${runId}-${pending}`;
      await server.gql(`mutation($input: RegisterInput!) { register(input: $input) { login } }`, {
        input: {
          login,
          password: 'a long enough password',
          displayName: 'Ожидает одобрения',
          email: 'pending@example.org',
        },
      });
      // The receipt names no account: the id is read where the admin would see it.
      const row = await server.orm.em
        .getKnex()('app_user')
        .where({ login, status: 'PENDING' })
        .first<{ id: string } | undefined>('id');
      return row!.id;
    },
    employeeTask: '',
    newEmployeeTask: async () => {
      const result = await server.gql<{ requestCertificate: { id: string } }>(
        `mutation { requestCertificate(input: { kind: SENIORITY }) { id } }`,
        {},
        tokens.employee,
      );
      return result.data!.requestCertificate.id;
    },
    userOf: { employee: await userOf('employee'), manager: await userOf('manager') },
    indicators: [],
    freshPeriod: () => '',
    sheetOfEmployee: () => Promise.resolve(''),
  };
  ids.employeeTask = await ids.newEmployeeTask();
  const catalogue = await server.gql<{ indicators: { id: string; name: string }[] }>(
    `{ indicators { id name } }`,
    {},
    tokens.hr,
  );
  // Quality, absences, olympiads (self-assessed), open lessons: as the demo seeds them.
  const order = ['Качество', 'Пропуски', 'Участие', 'Открытые'];
  ids.indicators = order.map(
    (start) => catalogue.data!.indicators.find((i) => i.name.startsWith(start))!.id,
  );
  let periods = 0;
  ids.freshPeriod = () => {
    periods += 1;
    return `${2040 + Math.floor(periods / 12)}-${String((periods % 12) + 1).padStart(2, '0')}`;
  };
  let pastPeriods = 0;
  ids.sheetOfEmployee = async (withFacts) => {
    pastPeriods += 1;
    const period = `${2000 + Math.floor(pastPeriods / 12)}-${String((pastPeriods % 12) + 1).padStart(2, '0')}`;
    const planned = await server.gql<{ setIndicatorPlans: { id: string } }>(
      `mutation($e: ID!, $p: String!, $plans: [IndicatorPlanInput!]!) { setIndicatorPlans(employeeId: $e, period: $p, plans: $plans) { id } }`,
      {
        e: ids.employeeFile,
        p: period,
        plans: ids.indicators.map((indicatorId) => ({ indicatorId, plan: '5' })),
      },
      tokens.hr,
    );
    const sheetId = planned.data!.setIndicatorPlans.id;
    if (withFacts) {
      await server.gql(
        `mutation($id: ID!, $f: [IndicatorFactInput!]!) { enterIndicatorFacts(sheetId: $id, facts: $f) { id } }`,
        { id: sheetId, f: ids.indicators.map((indicatorId) => ({ indicatorId, fact: '5' })) },
        tokens.hr,
      );
    }
    return sheetId;
  };
  await server.gql(
    `mutation($id: ID!) { postTaskMessage(taskId: $id, text: "Нужна к пятнице") { id } }`,
    { id: ids.employeeTask },
    tokens.employee,
  );
});
afterAll(async () => {
  await server?.close();
});

const outcomeOf = (result: GraphQLResponse): string => {
  if (!result.errors || result.errors.length === 0) return 'allow';
  return String(result.errors[0]!.extensions?.['code']);
};

/** Runs one cell and returns the outcome observed. */
type Transport = (
  operation: { query: string; variables?: Record<string, unknown> },
  token: string | null,
) => Promise<string>;

const overHttp: Transport = async (operation, token) =>
  outcomeOf(await server.gql(operation.query, operation.variables, token));

/** Over graphql-ws: the first result (or error) of the operation on a socket opened with `token`. */
const overWebSocket: Transport = async (operation, token) => {
  const client: Client = server.wsClient(token);
  // An accepted subscription yields its first event once something is published.
  const publisher = operation.query.trim().startsWith('subscription')
    ? setInterval(() => {
        void server.gql(`mutation { publishPing(message: "matrix") }`, {}, tokens.admin);
      }, 100)
    : null;
  try {
    return await new Promise<string>((resolve) => {
      const timer = setTimeout(() => resolve('NO RESULT'), 5000);
      const done = (outcome: string) => {
        clearTimeout(timer);
        resolve(outcome);
      };
      client.subscribe(operation, {
        next: (result) => done(outcomeOf(result as GraphQLResponse)),
        error: (error: unknown) => {
          if (Array.isArray(error)) {
            done(String((error[0] as { extensions?: { code?: string } }).extensions?.code));
          } else {
            // The server refuses a socket without a valid session: close code 4403.
            done((error as { code?: number }).code === 4403 ? 'UNAUTHENTICATED' : 'CLOSED');
          }
        },
        complete: () => undefined,
      });
    });
  } finally {
    if (publisher) clearInterval(publisher);
    await client.dispose();
  }
};

async function runMatrix(transport: Transport, name: 'HTTP' | 'WebSocket') {
  const mismatches: string[] = [];
  ids = { ...ids, runId: `${ids.runId}-${name}` };
  for (const testCase of cases) {
    if (name === 'HTTP' && testCase.field.startsWith('Subscription.')) continue;
    for (const who of everyone) {
      let token = tokens[who];
      if (testCase.endsSession && token) token = await server.login(who);
      const extra = testCase.prepare ? await testCase.prepare(ids, token) : {};
      const operation = testCase.operation(ids, who);
      const request = { ...operation, variables: { ...operation.variables, ...extra } };
      // Anonymous sockets are refused at connection: every anonymous WebSocket cell is that refusal.
      const expected =
        name === 'WebSocket' && who === 'anonymous' ? 'UNAUTHENTICATED' : testCase.expect[who];
      const actual = await transport(request, token);
      if (actual !== expected) {
        mismatches.push(
          `${testCase.field} (${testCase.name}) as ${who}: expected ${expected}, got ${actual}`,
        );
      }
    }
    if (testCase.endsSession) await signInEveryone();
  }
  expect(mismatches).toEqual([]);
}

describe('permission matrix', () => {
  it('has cases for every root field of the schema, and names the public ones', async () => {
    const schema = await buildAppSchema(null);
    const rootFields = [
      schema.getQueryType(),
      schema.getMutationType(),
      schema.getSubscriptionType(),
    ]
      .flatMap((type) =>
        type ? Object.keys(type.getFields()).map((f) => `${type.name}.${f}`) : [],
      )
      .sort();
    expect([...new Set(cases.map((c) => c.field))].sort()).toEqual(rootFields);
    expect(publicRootFields(schema).sort()).toEqual(['Mutation.login', 'Mutation.register']);
  });

  it('holds over HTTP', async () => {
    await runMatrix(overHttp, 'HTTP');
  }, 120_000);

  it('holds over WebSocket', async () => {
    await runMatrix(overWebSocket, 'WebSocket');
  }, 120_000);
});
