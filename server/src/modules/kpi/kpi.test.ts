import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayIn } from '../../core/time.js';
import { actors, errorCode, startTestServer, type TestServer } from '../../../test/harness.js';
import { periodOf } from './kpi.rules.js';

/** KPIs: the demo's sheets, the employee → manager → HR workflow, and who may see and set what. */

let server: TestServer;
let as: Awaited<ReturnType<typeof actors>>['as'];
let fileOf: (who: string) => Promise<string>;
const thisMonth = periodOf('MONTH', todayIn('Europe/Moscow'));
const lastMonth = periodOf(
  'MONTH',
  new Date(Date.UTC(Number(thisMonth.code.slice(0, 4)), Number(thisMonth.code.slice(5)) - 2, 1))
    .toISOString()
    .slice(0, 10),
);

type Sheet = {
  id: string;
  period: string;
  status: string;
  totalScore: string | null;
  actions: string[];
  factsEditable: string[];
  employee: { name: string };
  values: {
    plan: string;
    fact: string | null;
    achievement: string | null;
    points: string | null;
    weight: string;
    indicator: { id: string; name: string; selfAssessed: boolean };
  }[];
  history: {
    action: string;
    fromStatus: string | null;
    toStatus: string;
    actor: { name: string };
  }[];
};
const SHEET = `id period status totalScore actions factsEditable employee { name }
  values { plan fact achievement points weight indicator { id name selfAssessed } }
  history { action fromStatus toStatus actor { name } }`;

const mySheet = async (period: string) =>
  (
    await as<{ myIndicators: Sheet | null }>(
      'employee',
      `query($p: String) { myIndicators(period: $p) { ${SHEET} } }`,
      { p: period },
    )
  ).data!.myIndicators!;

const act = (who: string, sheetId: string, action: string, comment?: string) =>
  as<{ evaluationSheetAction: Sheet }>(
    who,
    `mutation($id: ID!, $a: EvaluationSheetAction!, $c: String) {
       evaluationSheetAction(sheetId: $id, action: $a, comment: $c) { ${SHEET} } }`,
    { id: sheetId, a: action, c: comment ?? null },
  );

const facts = (who: string, sheetId: string, list: { indicatorId: string; fact: string }[]) =>
  as<{ enterIndicatorFacts: Sheet }>(
    who,
    `mutation($id: ID!, $f: [IndicatorFactInput!]!) { enterIndicatorFacts(sheetId: $id, facts: $f) { ${SHEET} } }`,
    { id: sheetId, f: list },
  );

/** The ids of the sheets waiting for `who`'s step. */
const waitingFor = async (who: string) =>
  (
    await as<{ sheetsAwaitingMe: { id: string }[] }>(who, `{ sheetsAwaitingMe { id } }`)
  ).data!.sheetsAwaitingMe.map((sheet) => sheet.id);

const latestNote = async (who: string) =>
  (
    await as<{
      notifications: { edges: { node: { type: string; title: string; link: string } }[] };
    }>(who, `{ notifications(first: 1) { edges { node { type title link } } } }`)
  ).data!.notifications.edges[0]?.node;

beforeAll(async () => {
  server = await startTestServer({ demo: true });
  ({ as, fileOf } = await actors(server, ['hr', 'manager', 'employee', 'other', 'admin']));
});
afterAll(async () => {
  await server?.close();
});

describe('the demo', () => {
  it("gives a teacher this month's plan, last month's submitted sheet and a year of history", async () => {
    const current = await mySheet(thisMonth.code);
    expect(current.status).toBe('DRAFT');
    expect(current.values).toHaveLength(4);
    expect(current.values.every((value) => value.fact === null)).toBe(true);
    expect(current.values.map((value) => value.weight).sort()).toEqual(['20', '20', '20', '40']);
    expect((await mySheet(lastMonth.code)).status).toBe('SUBMITTED');

    const quality = current.values.find((value) => value.indicator.name.startsWith('Качество'))!;
    const history = await as<{
      indicatorHistory: { period: string; plan: string; points: string | null }[];
    }>(
      'employee',
      `query($e: ID!, $i: ID!, $from: String!, $to: String!) {
         indicatorHistory(employeeId: $e, indicatorId: $i, from: $from, to: $to) { period plan points } }`,
      { e: await fileOf('employee'), i: quality.indicator.id, from: '2000-01', to: thisMonth.code },
    );
    expect(history.data!.indicatorHistory).toHaveLength(13);
    expect(history.data!.indicatorHistory.at(-1)!.period).toBe(thisMonth.code);
    expect(history.data!.indicatorHistory[0]!.points).not.toBeNull();
  });
});

describe('the sheet workflow', () => {
  it('goes employee → manager → HR with a notification at each step, then closes the period', async () => {
    const sheet = await mySheet(thisMonth.code);
    const byName = (start: string) =>
      sheet.values.find((value) => value.indicator.name.startsWith(start))!.indicator;
    const [quality, absences, olympiads, lessons] = [
      byName('Качество'),
      byName('Пропуски'),
      byName('Участие'),
      byName('Открытые'),
    ];
    // The employee enters what they assess themselves, and nothing else; the sheet says which.
    const sorted = (ids: string[]) => [...ids].sort();
    expect(sorted(sheet.factsEditable)).toEqual(sorted([olympiads.id, lessons.id]));
    expect(
      errorCode(await facts('employee', sheet.id, [{ indicatorId: quality.id, fact: '66' }])),
    ).toBe('FORBIDDEN');
    const own = await facts('employee', sheet.id, [
      { indicatorId: olympiads.id, fact: '3' },
      { indicatorId: lessons.id, fact: '2' },
    ]);
    expect(own.errors).toBeUndefined();
    // Submitting with facts missing is neither offered nor accepted; the manager enters them.
    expect(own.data!.enterIndicatorFacts.actions).not.toContain('SUBMIT');
    expect(errorCode(await act('employee', sheet.id, 'SUBMIT'))).toBe('BAD_USER_INPUT');
    const managed = await facts('manager', sheet.id, [
      { indicatorId: quality.id, fact: '66' },
      { indicatorId: absences.id, fact: '8' },
    ]);
    expect(managed.errors).toBeUndefined();
    expect(managed.data!.enterIndicatorFacts.actions).toEqual([]);
    // 66/60 = 110 % → 11 points; 8/8 → 100 % → band 10; 3/3 → band 10; 2/1 = 200 %, capped at 150 → 15.
    // 11·0.4 + 10·0.2 + 10·0.2 + 15·0.2 = 11.40
    expect(managed.data!.enterIndicatorFacts.totalScore).toBe('11.4');
    expect(
      managed.data!.enterIndicatorFacts.values.find((v) => v.indicator.id === lessons.id),
    ).toMatchObject({ achievement: '200', points: '15' });

    expect((await mySheet(thisMonth.code)).actions).toEqual(['SUBMIT']);
    const submitted = await act('employee', sheet.id, 'SUBMIT');
    expect(submitted.data!.evaluationSheetAction.status).toBe('SUBMITTED');
    // Submitted: it waits for the manager, not for HR yet.
    expect(await waitingFor('manager')).toContain(sheet.id);
    expect(await waitingFor('hr')).not.toContain(sheet.id);
    // Submitted: no longer the employee's to change; the manager may still correct any fact.
    expect(submitted.data!.evaluationSheetAction.factsEditable).toEqual([]);
    expect(await latestNote('manager')).toMatchObject({
      type: 'KPI_SHEET',
      link: `/kpi/${sheet.id}`,
    });

    // Out of order: HR cannot approve what the manager has not agreed.
    const early = await act('hr', sheet.id, 'APPROVE');
    expect(errorCode(early)).toBe('TRANSITION_NOT_ALLOWED');
    expect(errorCode(await act('employee', sheet.id, 'AGREE'))).toBe('FORBIDDEN');

    const agreed = (await act('manager', sheet.id, 'AGREE')).data!.evaluationSheetAction;
    expect(agreed.status).toBe('AGREED');
    expect(await waitingFor('hr')).toContain(sheet.id);
    expect(await waitingFor('manager')).not.toContain(sheet.id);
    expect(sorted(agreed.factsEditable)).toEqual(
      sorted([quality.id, absences.id, olympiads.id, lessons.id]),
    );
    expect(await latestNote('hr')).toMatchObject({ type: 'KPI_SHEET', link: `/kpi/${sheet.id}` });
    const approved = await act('hr', sheet.id, 'APPROVE');
    expect(approved.data!.evaluationSheetAction.status).toBe('APPROVED');
    expect((await latestNote('employee'))!.title).toContain('утверждён');

    // The period is closed: no more facts, from anyone.
    const late = await facts('manager', sheet.id, [{ indicatorId: quality.id, fact: '70' }]);
    expect(errorCode(late)).toBe('PERIOD_CLOSED');
    expect(approved.data!.evaluationSheetAction.history.map((e) => e.action)).toEqual([
      'PLANNED',
      'FACTS',
      'FACTS',
      'SUBMIT',
      'AGREE',
      'APPROVE',
    ]);
    expect(approved.data!.evaluationSheetAction.actions).toEqual([]);
    expect(approved.data!.evaluationSheetAction.factsEditable).toEqual([]);
    expect(await waitingFor('hr')).not.toContain(sheet.id);
    expect(errorCode(await as('employee', `{ sheetsAwaitingMe { id } }`))).toBe('FORBIDDEN');
  });

  it('refuses weights that do not make 100 % and plans outside the bounds, writing nothing', async () => {
    const sheet = await mySheet(thisMonth.code);
    const [first, second] = sheet.values.map((value) => value.indicator.id);
    const period = '2031-01';
    const setPlans = (plans: { indicatorId: string; plan: string; weight?: string }[]) =>
      as<{ setIndicatorPlans: Sheet }>(
        'manager',
        `mutation($e: ID!, $p: String!, $plans: [IndicatorPlanInput!]!) {
           setIndicatorPlans(employeeId: $e, period: $p, plans: $plans) { ${SHEET} } }`,
        { e: sheetOwner, p: period, plans },
      );
    const sheetOwner = await fileOf('employee');
    const uneven = await setPlans([
      { indicatorId: first!, plan: '10', weight: '70' },
      { indicatorId: second!, plan: '10', weight: '40' },
    ]);
    expect(errorCode(uneven)).toBe('WEIGHTS_NOT_100');
    const quality = sheet.values.find((value) => value.indicator.name.startsWith('Качество'))!;
    const tooHigh = await setPlans([
      { indicatorId: quality.indicator.id, plan: '120', weight: '100' },
    ]);
    expect(errorCode(tooHigh)).toBe('BAD_USER_INPUT');
    expect(tooHigh.errors![0]!.extensions!['field']).toEqual(['plans', 0, 'plan']);
    expect(
      (
        await as<{ evaluationSheet: Sheet | null }>(
          'hr',
          `query($e: ID!) { evaluationSheet(employeeId: $e, period: "${period}") { id } }`,
          { e: sheetOwner },
        )
      ).data!.evaluationSheet,
    ).toBeNull();
    const fine = await setPlans([
      { indicatorId: first!, plan: '10', weight: '60' },
      { indicatorId: second!, plan: '10', weight: '40' },
    ]);
    expect(fine.errors).toBeUndefined();
    expect(fine.data!.setIndicatorPlans).toMatchObject({ period, status: 'DRAFT' });
    // The period has not begun: no fact can be entered yet, by anyone.
    expect(fine.data!.setIndicatorPlans.factsEditable).toEqual([]);
  });
});

describe('access', () => {
  it("keeps a manager to their own team's indicators", async () => {
    const other = await fileOf('other');
    const seen = await as(
      'manager',
      `query($e: ID!, $p: String!) { evaluationSheet(employeeId: $e, period: $p) { id } }`,
      { e: other, p: lastMonth.code },
    );
    expect(errorCode(seen)).toBe('NOT_FOUND');
    const set = await as(
      'manager',
      `mutation($e: ID!, $plans: [IndicatorPlanInput!]!) {
         setIndicatorPlans(employeeId: $e, period: "2031-02", plans: $plans) { id } }`,
      { e: other, plans: [{ indicatorId: '01900000-0000-7000-8000-000000000000', plan: '1' }] },
    );
    expect(errorCode(set)).toBe('FORBIDDEN');

    const team = await as<{
      teamIndicators: { employee: { employeeId: string }; sheet: { status: string } | null }[];
    }>(
      'manager',
      `query($p: String!) { teamIndicators(period: $p) { employee { employeeId } sheet { status } } }`,
      { p: lastMonth.code },
    );
    const ids = team.data!.teamIndicators.map((row) => row.employee.employeeId);
    expect(ids).toContain(await fileOf('employee'));
    expect(ids).not.toContain(other);
    expect(
      errorCode(
        await as('other', `{ teamIndicators(period: "${lastMonth.code}") { sheet { id } } }`),
      ),
    ).toBe('FORBIDDEN');
  });

  it('opens a sheet by id (as notifications link to it) for those who may read it only', async () => {
    const sheet = await mySheet(lastMonth.code);
    const byId = (who: string) =>
      as<{ evaluationSheetById: { period: string } }>(
        who,
        `query($id: ID!) { evaluationSheetById(id: $id) { period } }`,
        { id: sheet.id },
      );
    expect((await byId('manager')).data!.evaluationSheetById.period).toBe(lastMonth.code);
    expect(errorCode(await byId('other'))).toBe('NOT_FOUND');
  });

  it("gives a manager their team's account ids, to name one a deputy", async () => {
    const team = await as<{
      myTeam: { edges: { node: { id: string; accountId: string | null } }[] };
    }>('manager', `{ myTeam(first: 100) { edges { node { id accountId } } } }`);
    const me = await as<{ me: { id: string } }>('employee', `{ me { id } }`);
    const employee = await fileOf('employee');
    expect(team.data!.myTeam.edges.find((edge) => edge.node.id === employee)!.node.accountId).toBe(
      me.data!.me.id,
    );
  });

  it('lets HR and admins keep the catalogue, no one else', async () => {
    const input = {
      name: 'Доля обучающихся, охваченных дополнительным образованием',
      unit: '%',
      direction: 'HIGHER_BETTER',
      periodKind: 'QUARTER',
      defaultWeight: '10',
      rule: { kind: 'LINEAR', maxPoints: '5', capPercent: '100' },
    };
    const save = (who: string, rule = input.rule) =>
      as<{ saveIndicator: { id: string; rule: { kind: string; maxPoints: string } } }>(
        who,
        `mutation($i: IndicatorInput!) { saveIndicator(input: $i) { id rule { kind maxPoints } } }`,
        { i: { ...input, rule } },
      );
    expect((await save('hr')).data!.saveIndicator.rule).toEqual({ kind: 'LINEAR', maxPoints: '5' });
    expect(errorCode(await save('manager'))).toBe('FORBIDDEN');
    expect(errorCode(await save('hr', { kind: 'LINEAR', maxPoints: '5', capPercent: '80' }))).toBe(
      'BAD_USER_INPUT',
    );
  });
});
