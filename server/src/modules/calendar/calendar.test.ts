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
  productionCalendar: {
    days: { date: string; kind: string }[];
    workingDaysByMonth: number[];
    workingDays: number;
    norms: { weekHours: number; hours: string; hoursByMonth: string[] }[];
    source: string;
  };
};
const query = `query($year: Int!) { productionCalendar(year: $year) {
  days { date kind } workingDaysByMonth workingDays norms { weekHours hours hoursByMonth } source } }`;

describe('production calendar', () => {
  it('holds each year as its decree sets it, from the start', async () => {
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
    const calendar = result.data!.productionCalendar;
    // ПП РФ от 04.10.2024 № 1335 moved 23 February (a Sunday) to 8 May, not to Monday 24 February.
    expect(calendar.source).toContain('№ 1335');
    expect(calendar.days.find((day) => day.date === '2025-02-24')).toBeUndefined();
    expect(calendar.days.find((day) => day.date === '2025-05-08')?.kind).toBe('DAY_OFF');
    expect(calendar.days.find((day) => day.date === '2025-11-01')?.kind).toBe('SHORT');
    expect(calendar.days.filter((day) => day.kind === 'HOLIDAY')).toHaveLength(14);
    expect(calendar.workingDaysByMonth[4]).toBe(18);
    expect(calendar.workingDays).toBe(247);
    expect(calendar.norms.map(({ weekHours, hours }) => [weekHours, hours])).toEqual([
      [40, '1972'],
      [36, '1774.4'],
      [24, '1181.6'],
    ]);
    expect(calendar.norms[0]!.hoursByMonth[2]).toBe('167');
  });

  it('lets HR record the decree, and counts working days by it', async () => {
    const token = await server.login('c-hr');
    const november = async () =>
      (await server.gql<Calendar>(query, { year: 2025 }, token)).data!.productionCalendar
        .workingDaysByMonth[10]!;
    const before = await november();
    const set = (kind: string) =>
      server.gql(
        `mutation($kind: CalendarDaySetting!) { setCalendarDay(date: "2025-11-08", kind: $kind, note: "Рабочая суббота") }`,
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

  it('rewrites its shipped days when newer data ships, and never the days HR entered', async () => {
    const token = await server.login('c-hr');
    // A regional decree: HR makes 8 May 2025 (a shipped day off) a working day, adds a day off.
    for (const [date, kind] of [
      ['2025-05-08', 'WORKING'],
      ['2025-09-01', 'DAY_OFF'],
    ]) {
      const set = await server.gql(
        `mutation($date: LocalDate!, $kind: CalendarDaySetting!) { setCalendarDay(date: $date, kind: $kind, note: "Региональный указ") }`,
        { date, kind },
        token,
      );
      expect(set.errors).toBeUndefined();
    }
    // A day an older release wrote from the statute alone, which the decree does not have.
    const em = server.orm.em.fork();
    await em.execute(
      `insert into production_calendar_day (id, date, kind, note, origin)
       values (gen_random_uuid(), '2025-02-24', 'DAY_OFF', 'Перенос выходного: День защитника Отечества', 'SHIPPED')`,
    );
    await em.execute(`update production_calendar_year set revision = 0 where year = 2025`);
    const { syncProductionCalendar } = await import('./calendar.service.js');
    const { inSystemUnit } = await import('../../core/unit-of-work.js');
    const { createLogger } = await import('../../core/logger.js');
    const synced = await inSystemUnit(server.orm.em.fork(), null, createLogger('silent'), (unit) =>
      syncProductionCalendar(unit.em, 2026),
    );
    expect(synced).toEqual([2025]);
    const days = (await server.gql<Calendar>(query, { year: 2025 }, token)).data!.productionCalendar
      .days;
    const kindOf = (date: string) => days.find((day) => day.date === date)?.kind;
    expect(kindOf('2025-02-24')).toBeUndefined();
    expect(kindOf('2025-05-08')).toBe('WORKING');
    expect(kindOf('2025-09-01')).toBe('DAY_OFF');
    expect(kindOf('2025-06-13')).toBe('DAY_OFF');
  });
});
