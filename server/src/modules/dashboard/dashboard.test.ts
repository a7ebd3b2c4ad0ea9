import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actors, startTestServer, type TestServer } from '../../../test/harness.js';
import { addDays } from '../../core/local-date.js';
import { todayIn } from '../../core/time.js';
import {
  budgets,
  DASHBOARD_QUERY,
  FILE_SECTIONS_QUERY,
  TEAM_QUERY,
} from '../../../test/statement-budgets.js';

/** The dashboard: every widget from demo data in one request, in a bounded number of statements. */

let server: TestServer;
let as: Awaited<ReturnType<typeof actors>>['as'];
let fileOf: Awaited<ReturnType<typeof actors>>['fileOf'];

const DASHBOARD = DASHBOARD_QUERY;

type Dashboard = {
  roles: string[];
  notifications: { unread: number; latest: { id: string; title: string }[] };
  tasks: { open: number; waiting: number; nearestDue: { id: string; dueDate: string } | null };
  lastPayslip: {
    payslipId: string | null;
    year: number;
    month: number;
    net: string;
    change: string | null;
  } | null;
  leave: { remainingDays: string; nextLeaveStart: string | null } | null;
  development: { attestationDue: string | null; trainingDue: string | null } | null;
  kpi: {
    current: { period: string; status: string; values: unknown[] } | null;
    lastApprovedScore: string | null;
    lastApprovedPeriod: string | null;
  } | null;
  team: { size: number; sheetsToApprove: number; requestsToApprove: number } | null;
};

const dashboardOf = async (who: string) => {
  const { result, statements } = await server.queries.measure(() =>
    as<{ dashboard: Dashboard }>(who, DASHBOARD),
  );
  expect(result.errors).toBeUndefined();
  return { dashboard: result.data!.dashboard, statements };
};

beforeAll(async () => {
  server = await startTestServer({ demo: true });
  ({ as, fileOf } = await actors(server, [
    'manager',
    'employee',
    'guest',
    'hr',
    'accountant',
    'admin',
  ]));
  await as('hr', `mutation { announce(title: "Педсовет в среду в 15:00") }`);
  // Something in the employee's tasks, and a leave request waiting for the manager.
  await as('employee', `mutation { requestCertificate(input: { kind: EMPLOYMENT }) { id } }`);
  const start = new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10);
  const end = new Date(Date.now() + 42 * 86_400_000).toISOString().slice(0, 10);
  await as(
    'employee',
    `mutation($s: LocalDate!, $e: LocalDate!) { requestLeave(input: { kind: UNPAID, startDate: $s, endDate: $e }) { id } }`,
    { s: start, e: end },
  );
});
afterAll(async () => {
  await server?.close();
});

describe('dashboard', () => {
  it("gives an employee every widget from the demo's data", async () => {
    const { dashboard, statements } = await dashboardOf('employee');
    expect(dashboard.notifications.unread).toBeGreaterThan(0);
    expect(dashboard.notifications.latest.length).toBeGreaterThan(0);
    expect(dashboard.tasks.open).toBe(2);
    expect(dashboard.tasks.nearestDue).not.toBeNull();
    expect(typeof dashboard.lastPayslip!.payslipId).toBe('string');
    expect(Number(dashboard.lastPayslip!.net)).toBeGreaterThan(0);
    expect(dashboard.lastPayslip!.change).not.toBeNull();
    expect(dashboard.leave!.remainingDays).toMatch(/^-?\d+(\.\d{1,2})?$/);
    expect(dashboard.development).not.toBeNull();
    expect(dashboard.kpi!.current).toMatchObject({ status: 'DRAFT' });
    expect(dashboard.kpi!.current!.values).toHaveLength(4);
    expect(dashboard.kpi!.lastApprovedScore).not.toBeNull();
    expect(dashboard.team).toBeNull();
    expect(statements).toBeLessThanOrEqual(budgets.dashboard.employee);
  });

  it("gives a manager the team's pending approvals", async () => {
    const { dashboard, statements } = await dashboardOf('manager');
    expect(dashboard.roles).toContain('MANAGER');
    expect(dashboard.team!.size).toBeGreaterThan(0);
    // Last month's sheets of the team wait for the manager; so does the employee's leave request.
    expect(dashboard.team!.sheetsToApprove).toBeGreaterThan(0);
    expect(dashboard.team!.requestsToApprove).toBeGreaterThanOrEqual(1);
    expect(dashboard.tasks.waiting).toBe(dashboard.team!.requestsToApprove);
    expect(statements).toBeLessThanOrEqual(budgets.dashboard.manager);
  });

  it('counts for a deputy what waits for the one they stand in for, only during the period', async () => {
    const waitingOf = async (who: string) => (await dashboardOf(who)).dashboard.tasks.waiting;
    const forManager = await waitingOf('manager');
    const before = await waitingOf('accountant');
    expect(forManager).toBeGreaterThanOrEqual(1);
    const deputy = (await as<{ me: { id: string } }>('accountant', `{ me { id } }`)).data!.me.id;
    const today = todayIn('Europe/Moscow');
    const named = await as<{ setDeputy: { id: string } }>(
      'manager',
      `mutation($input: DeputyInput!) { setDeputy(input: $input) { id } }`,
      { input: { deputyUserId: deputy, startDate: today, endDate: addDays(today, 7) } },
    );
    expect(named.errors).toBeUndefined();
    try {
      expect(await waitingOf('accountant')).toBe(before + forManager);
    } finally {
      await as('manager', `mutation($id: ID!) { revokeDeputy(id: $id) { revokedAt } }`, {
        id: named.data!.setDeputy.id,
      });
    }
    expect(await waitingOf('accountant')).toBe(before);
  });

  it('leaves out the personal widgets for an account without a personal file', async () => {
    const { dashboard } = await dashboardOf('guest');
    expect(dashboard).toMatchObject({
      lastPayslip: null,
      leave: null,
      development: null,
      kpi: null,
      team: null,
    });
    expect(dashboard.tasks.open).toBe(0);
  });

  it('stays within its statement budget for every role', async () => {
    for (const who of ['employee', 'manager', 'hr', 'accountant', 'admin', 'guest'] as const) {
      const { result, sql } = await server.queries.record(() => as(who, DASHBOARD));
      expect(result.errors).toBeUndefined();
      // Over the budget, the message lists the statements: what to fold.
      expect(sql.length, `${who}:\n${sql.join('\n')}`).toBeLessThanOrEqual(budgets.dashboard[who]);
    }
  });
});

describe("the manager's team page", () => {
  it('costs the demo manager no more than a large team costs its head', async () => {
    const { result, statements } = await server.queries.measure(() =>
      as('manager', TEAM_QUERY, { first: 50 }),
    );
    expect(result.errors).toBeUndefined();
    expect((result.data as { myTeam: { edges: unknown[] } }).myTeam.edges.length).toBeGreaterThan(
      0,
    );
    expect(statements).toBeLessThanOrEqual(budgets.myTeam);
  });
});

describe('a personal file with every section', () => {
  it('costs its owner and HR a bounded number of statements, the journal insert included', async () => {
    const id = await fileOf('employee');
    const measure = async (who: string) => {
      const { result, statements } = await server.queries.measure(() =>
        as(who, FILE_SECTIONS_QUERY, { id }),
      );
      expect(result.errors).toBeUndefined();
      return statements;
    };
    expect(await measure('employee')).toBeLessThanOrEqual(budgets.fileSections.owner);
    expect(await measure('hr')).toBeLessThanOrEqual(budgets.fileSections.hr);
  });
});
