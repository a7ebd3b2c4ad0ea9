import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../src/core/local-date.js';
import { todayIn } from '../src/core/time.js';
import { periodOf } from '../src/modules/kpi/kpi.rules.js';
import { startTestServer, testLane, type GraphQLResponse, type TestServer } from './harness.js';

/**
 * The embedded server left idle past its pool's idle timeout (the pool really closes its one
 * connection) still signs in, files a leave request and enters KPI facts, each within 2 seconds.
 */

const IDLE_MS = 300;

/** The knex (tarn) pool under the ORM, as far as this test looks at it. */
interface Pool {
  max: number;
  numUsed(): number;
  numFree(): number;
  on(event: 'destroySuccess', listener: () => void): void;
}

let server: TestServer;
let pool: Pool;
let closed = 0;

beforeAll(async () => {
  server = await startTestServer({
    demo: true,
    env: { DATABASE_IDLE_TIMEOUT_MS: String(IDLE_MS) },
  });
  pool = (server.orm.em.getConnection().getKnex().client as { pool: Pool }).pool;
  pool.on('destroySuccess', () => (closed += 1));
});
afterAll(async () => {
  await server?.close();
});

/** Waits until the pool has closed its idle connection, and proves that it did. */
async function idle(): Promise<void> {
  const before = closed;
  const deadline = Date.now() + IDLE_MS * 20;
  while (Date.now() < deadline && !(closed > before && pool.numFree() + pool.numUsed() === 0))
    await new Promise((resolve) => setTimeout(resolve, 50));
  expect(closed).toBeGreaterThan(before);
  expect(pool.numFree() + pool.numUsed()).toBe(0);
}

/** Runs one request and returns its answer with how long it took. */
async function timed<T>(request: () => Promise<GraphQLResponse<T>>) {
  const started = performance.now();
  const answer = await request();
  return { answer, ms: performance.now() - started };
}

describe('the embedded server after idling', () => {
  it('runs on the embedded database with its pool of one connection', async () => {
    expect(testLane()).toBe('embedded');
    const [row] = await server.orm.em
      .getConnection()
      .execute<{ version: string }[]>(`select version()`);
    expect(row?.version).toMatch(/PGlite/);
    expect(pool.max).toBe(1);
  });

  it('signs in, files a leave request and enters KPI facts, each within 2 s', async () => {
    const login = (password: string) =>
      server.gql<{ login: { accessToken: string } }>(
        `mutation($input: LoginInput!) { login(input: $input) { accessToken } }`,
        { input: { login: 'employee', password } },
      );
    await idle();
    const wrong = await timed(() => login('not the password'));
    expect(wrong.answer.errors?.[0]?.extensions?.['code']).toBe('INVALID_CREDENTIALS');
    expect(wrong.ms).toBeLessThan(2000);

    await idle();
    const signIn = await timed(() => login('demo1234'));
    expect(signIn.answer.errors).toBeUndefined();
    expect(signIn.ms).toBeLessThan(2000);
    const token = signIn.answer.data!.login.accessToken;

    await idle();
    const today = todayIn('Europe/Moscow');
    const leave = await timed(() =>
      server.gql<{ requestLeave: { id: string; status: string } }>(
        `mutation($input: LeaveRequestInput!) { requestLeave(input: $input) { id status } }`,
        {
          input: { kind: 'UNPAID', startDate: addDays(today, 60), endDate: addDays(today, 62) },
        },
        token,
      ),
    );
    expect(leave.answer.errors).toBeUndefined();
    expect(leave.answer.data!.requestLeave.id).toBeTruthy();
    expect(leave.ms).toBeLessThan(2000);

    // The employee's own sheet of this month and the facts they may enter on it.
    const sheet = (
      await server.gql<{ myIndicators: { id: string; factsEditable: string[] } }>(
        `query($p: String) { myIndicators(period: $p) { id factsEditable } }`,
        { p: periodOf('MONTH', today).code },
        token,
      )
    ).data!.myIndicators;
    expect(sheet.factsEditable.length).toBeGreaterThan(0);
    await idle();
    const facts = await timed(() =>
      server.gql<{ enterIndicatorFacts: { id: string } }>(
        `mutation($id: ID!, $f: [IndicatorFactInput!]!) { enterIndicatorFacts(sheetId: $id, facts: $f) { id } }`,
        { id: sheet.id, f: sheet.factsEditable.map((indicatorId) => ({ indicatorId, fact: '2' })) },
        token,
      ),
    );
    expect(facts.answer.errors).toBeUndefined();
    expect(facts.answer.data!.enterIndicatorFacts.id).toBe(sheet.id);
    expect(facts.ms).toBeLessThan(2000);
  }, 60_000);
});
