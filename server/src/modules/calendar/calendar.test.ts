import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../test/harness.js';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ demo: false });
});
afterAll(async () => {
  await server?.close();
});

type Calendar = {
  productionCalendar: { days: { date: string; kind: string }[]; workingDaysByMonth: number[] };
};
const query = `query($year: Int!) { productionCalendar(year: $year) { days { date kind } workingDaysByMonth } }`;

describe('production calendar', () => {
  it('holds the statutory holidays from the start, with weekend ones moved', async () => {
    const { seedInstitution } = await import('../../seeders/institution.seeder.js');
    await seedInstitution(server.orm.em.fork(), {
      seed: 5,
      employees: 10,
      organization: {
        name: 'Тест',
        shortName: 'Тест',
        inn: '3100000005',
        kpp: '310001001',
        address: '',
      },
      externalId: 'calendar-test',
      emailDomain: 'test.example.ru',
      loginPrefix: 'c-',
      password: 'demo1234',
    });
    const token = await server.login('c-hr');
    const result = await server.gql<Calendar>(query, { year: 2025 }, token);
    expect(result.errors).toBeUndefined();
    const { days, workingDaysByMonth } = result.data!.productionCalendar;
    expect(days.find((day) => day.date === '2025-02-24')?.kind).toBe('DAY_OFF');
    expect(days.filter((day) => day.kind === 'HOLIDAY')).toHaveLength(14);
    expect(workingDaysByMonth[4]).toBe(20);
  });

  it('lets HR record the decree, and counts working days by it', async () => {
    const token = await server.login('c-hr');
    const november = async () =>
      (await server.gql<Calendar>(query, { year: 2025 }, token)).data!.productionCalendar
        .workingDaysByMonth[10]!;
    const before = await november();
    const set = (kind: string) =>
      server.gql(
        `mutation($kind: CalendarDaySetting!) { setCalendarDay(date: "2025-11-01", kind: $kind, note: "Рабочая суббота") }`,
        { kind },
        token,
      );
    expect((await set('WORKING')).errors).toBeUndefined();
    expect(await november()).toBe(before + 1);
    await set('ORDINARY');
    expect(await november()).toBe(before);
    // Account c-000003 belongs to a department head: heads are never generated as dismissed.
    const employee = await server.login('c-000003');
    const refused = await server.gql(
      `mutation { setCalendarDay(date: "2025-11-01", kind: WORKING) }`,
      {},
      employee,
    );
    expect(refused.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  });
});
