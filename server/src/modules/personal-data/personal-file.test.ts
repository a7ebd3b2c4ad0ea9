import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actors, startTestServer, type TestServer } from '../../../test/harness.js';
import { IdentityDocument } from '../employee/employee.entity.js';

/** The sections of the personal file over GraphQL: own file, a subordinate's, a refused one. */

let server: TestServer;
let files: Record<'employee' | 'other', string>;

let as: Awaited<ReturnType<typeof actors>>['as'];

beforeAll(async () => {
  server = await startTestServer({ demo: true });
  const signedIn = await actors(server, [
    'hr',
    'manager',
    'employee',
    'other',
    'accountant',
    'admin',
  ]);
  ({ as } = signedIn);
  const { fileOf } = signedIn;
  files = { employee: await fileOf('employee'), other: await fileOf('other') };
});
afterAll(async () => {
  await server?.close();
});

const employment = `query($id: ID!) { employee(id: $id) { employment {
  assignments { kind orderNumber orderDate rate startDate endDate department { name } position { name } }
  current { kind startDate position { name } }
  previousEmployment { employer startDate endDate }
  provenance { source asOf }
} } }`;

interface EmploymentData {
  employee: {
    employment: {
      assignments: { kind: string; rate: string; startDate: string; endDate: string | null }[];
      current: { kind: string; startDate: string; position: { name: string } } | null;
      previousEmployment: unknown[];
      provenance: { source: string; asOf: string };
    };
  };
}

describe('employment section', () => {
  it('shows the owner their history, oldest first, with the current post derived from it', async () => {
    const result = await as<EmploymentData>('employee', employment, { id: files.employee });
    expect(result.errors).toBeUndefined();
    const section = result.data!.employee.employment;
    expect(section.assignments[0]!.kind).toBe('HIRE');
    const starts = section.assignments.map((a) => a.startDate);
    expect(starts).toEqual([...starts].sort());
    expect(['HIRE', 'TRANSFER']).toContain(section.current!.kind);
    expect(section.current!.startDate).toBe(
      section.assignments.filter((a) => a.kind !== 'COMBINATION').at(-1)!.startDate,
    );
    expect(Number(section.assignments[0]!.rate)).toBeGreaterThan(0);
    expect(section.provenance.source).toBe('PORTAL');
  });

  it("shows a manager a subordinate's history, and refuses a colleague and the accountant", async () => {
    expect(
      (await as<EmploymentData>('manager', employment, { id: files.employee })).errors,
    ).toBeUndefined();
    // A file the viewer may not see answers as an unknown one (issue 16).
    const colleague = await as('employee', employment, { id: files.other });
    expect(colleague.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
    const accountant = await as('accountant', employment, { id: files.employee });
    expect(accountant.errors?.[0]).toMatchObject({
      path: ['employee', 'employment'],
      extensions: { code: 'FORBIDDEN' },
    });
  });
});

describe('personal data section', () => {
  const personal = `query($id: ID!, $reveal: Boolean!) { employee(id: $id) { personalData(reveal: $reveal) {
    birthPlace citizenship registrationAddress maritalStatus formerNames
    identityDocument { kind series number issuedBy issueDate }
    familyMembers { relation fullName }
    provenance { source }
  } } }`;
  type Personal = {
    employee: {
      personalData: { citizenship: string; identityDocument: { series: string; number: string } };
    };
  };

  const managerSections = (sections: string[]) =>
    as(
      'admin',
      `mutation($s: [FileSection!]) { updateOrganizationSettings(input: { managerSections: $s }) { managerSections } }`,
      { s: sections },
    );

  it('refuses a manager the section by default; where widened, masks the passport for them and shows it in full to the owner', async () => {
    const em = server.orm.em.fork();
    const passport = await em.findOneOrFail(IdentityDocument, { employee: files.employee });
    // Passport, addresses, family and military registration stay with HR by default (issue 16).
    const refused = await as('manager', personal, { id: files.employee, reveal: true });
    expect(refused.errors?.[0]).toMatchObject({
      path: ['employee', 'personalData'],
      extensions: { code: 'FORBIDDEN' },
    });
    const widened = ['BASIC', 'EMPLOYMENT', 'LEAVE', 'ATTESTATION', 'EDUCATION', 'KPI', 'PERSONAL'];
    expect((await managerSections(widened)).errors).toBeUndefined();
    const manager = await as<Personal>('manager', personal, { id: files.employee, reveal: true });
    await managerSections(widened.filter((section) => section !== 'PERSONAL'));
    expect(manager.errors).toBeUndefined();
    expect(manager.data!.employee.personalData.citizenship).toBe('Российская Федерация');
    expect(manager.data!.employee.personalData.identityDocument.number).toMatch(/^\*{4}\d{2}$/);
    expect(manager.data!.employee.personalData.identityDocument.series).not.toContain(
      passport.series,
    );
    const owner = await as<Personal>('employee', personal, { id: files.employee, reveal: true });
    expect(owner.data!.employee.personalData.identityDocument).toMatchObject({
      series: passport.series,
      number: passport.number,
    });
  });

  it("refuses the personal section of a colleague's file", async () => {
    const result = await as('other', personal, { id: files.employee, reveal: false });
    expect(result.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
  });
});

describe('leave section', () => {
  const leave = `query($id: ID!) { employee(id: $id) { hireDate leave {
    records { kind startDate endDate days }
    schedule { year startDate days }
    balance { index start end entitled { basic additional } used { basic } remaining { basic total } }
    nextLeaveStart
  } } }`;
  type LeaveData = {
    employee: {
      hireDate: string;
      leave: {
        records: { kind: string; startDate: string; days: number }[];
        schedule: { year: number }[];
        balance: {
          index: number;
          start: string;
          end: string;
          entitled: { basic: string };
          used: { basic: string };
          remaining: { basic: string };
        }[];
        nextLeaveStart: string | null;
      };
    };
  };

  it('computes the balance per working year from the hire date, charging used annual leave', async () => {
    const result = await as<LeaveData>('employee', leave, { id: files.employee });
    expect(result.errors).toBeUndefined();
    const { hireDate, leave: section } = result.data!.employee;
    expect(section.balance[0]!.start).toBe(hireDate);
    // Consecutive working years: each starts the day after the previous one ends.
    for (let i = 1; i < section.balance.length; i++) {
      const previousEnd = Date.parse(section.balance[i - 1]!.end);
      expect(Date.parse(section.balance[i]!.start) - previousEnd).toBe(86_400_000);
    }
    // Decimal strings; this file's are whole days (no dismissal, no pro rata).
    const entitled = section.balance.reduce((sum, year) => sum + Number(year.entitled.basic), 0);
    const used = section.balance.reduce((sum, year) => sum + Number(year.used.basic), 0);
    const remaining = section.balance.reduce((sum, year) => sum + Number(year.remaining.basic), 0);
    expect(entitled - used).toBe(remaining);
    const taken = section.records.filter(
      (r) => r.kind === 'ANNUAL_BASIC' && r.startDate <= new Date().toISOString().slice(0, 10),
    );
    expect(used).toBe(taken.reduce((sum, r) => sum + r.days, 0));
    expect(section.schedule.length).toBeGreaterThan(0);
    expect(section.nextLeaveStart).not.toBeNull();
  });

  it('is refused to the accountant and to a colleague', async () => {
    // The accountant sees the file but not this section; a colleague does not see the file at all.
    for (const [who, code] of [
      ['accountant', 'FORBIDDEN'],
      ['other', 'NOT_FOUND'],
    ]) {
      const result = await as(who!, leave, { id: files.employee });
      expect(result.errors?.[0]?.extensions?.['code']).toBe(code);
    }
  });
});

describe('seniority section', () => {
  const seniority = `query($id: ID!, $asOf: LocalDate) { employee(id: $id) { hireDate seniority(asOf: $asOf) { asOf provenance { source } kinds {
    kind asOf years months days totalDays sickPayPercent next { years date }
  } } } }`;
  type SeniorityData = {
    employee: {
      hireDate: string;
      seniority: {
        asOf: string;
        provenance: { source: string };
        kinds: {
          kind: string;
          years: number;
          months: number;
          days: number;
          totalDays: number;
          sickPayPercent: number | null;
          next: { years: number; date: string } | null;
        }[];
      };
    };
  };

  it('computes every kind; the institution kind matches the days since hire', async () => {
    const asOf = '2026-06-30';
    const result = await as<SeniorityData>('employee', seniority, { id: files.employee, asOf });
    expect(result.errors).toBeUndefined();
    const { hireDate, seniority: section } = result.data!.employee;
    expect(section).toMatchObject({ asOf, provenance: { source: 'PORTAL' } });
    const kinds = section.kinds;
    expect(kinds.map((k) => k.kind)).toEqual([
      'GENERAL',
      'INSURANCE',
      'CONTINUOUS',
      'INSTITUTION',
      'PEDAGOGICAL',
      'MEDICAL',
    ]);
    const byKind = Object.fromEntries(kinds.map((k) => [k.kind, k]));
    // As a certificate states it on asOf: the days before it, asOf itself not yet worked.
    const sinceHire = (Date.parse(asOf) - Date.parse(hireDate)) / 86_400_000;
    expect(byKind['INSTITUTION']!.totalDays).toBe(Math.max(0, sinceHire));
    expect(byKind['GENERAL']!.totalDays).toBeGreaterThanOrEqual(byKind['INSTITUTION']!.totalDays);
    expect([60, 80, 100]).toContain(byKind['INSURANCE']!.sickPayPercent);
    expect(byKind['GENERAL']!.sickPayPercent).toBeNull();
    const next = byKind['INSTITUTION']!.next!;
    expect(next.years).toBeGreaterThan(byKind['INSTITUTION']!.years);
    expect(next.date > asOf).toBe(true);
    // On the date `next` names the years show, and not the day before (asOf and reaching agree).
    const yearsOn = async (date: string) =>
      (
        await as<SeniorityData>('employee', seniority, { id: files.employee, asOf: date })
      ).data!.employee.seniority.kinds.find((k) => k.kind === 'INSTITUTION')!.years;
    expect(await yearsOn(next.date)).toBe(next.years);
    const dayBefore = new Date(Date.parse(next.date) - 86_400_000).toISOString().slice(0, 10);
    expect(await yearsOn(dayBefore)).toBe(next.years - 1);
  });

  it('answers when each requested number of years is reached, planned unpaid leave taken off', async () => {
    const asOf = '2027-03-31';
    type Kinds = {
      employee: {
        seniority: {
          kinds: {
            kind: string;
            years: number;
            reaching: { years: number; date: string | null }[];
          }[];
        };
      };
    };
    const institution = async (reaching: number[]) =>
      (
        await as<Kinds>(
          'hr',
          `query($id: ID!, $asOf: LocalDate, $reaching: [Int!]!) { employee(id: $id) {
            seniority(asOf: $asOf, reaching: $reaching) { kinds { kind years reaching { years date } } } } }`,
          { id: files.employee, asOf, reaching },
        )
      ).data!.employee.seniority.kinds.find((k) => k.kind === 'INSTITUTION')!;
    // Two years on: at least a year after asOf, so leave planned right after asOf comes first.
    const target = (await institution([])).years + 2;
    const before = (await institution([target])).reaching[0]!;
    expect(before.years).toBe(target);
    expect(before.date! > asOf).toBe(true);
    // April holds no generated leave; 10 days of unpaid leave there delay the milestone by 10 days.
    const saved = await as(
      'hr',
      `mutation($input: LeaveInput!) { saveLeave(input: $input) { id } }`,
      {
        input: {
          employeeId: files.employee,
          kind: 'UNPAID',
          startDate: '2027-04-01',
          endDate: '2027-04-10',
        },
      },
    );
    expect(saved.errors).toBeUndefined();
    const after = (await institution([target])).reaching[0]!;
    expect((Date.parse(after.date!) - Date.parse(before.date!)) / 86_400_000).toBe(10);
    const bad = await as(
      'hr',
      `query($id: ID!) { employee(id: $id) { seniority(reaching: [0]) { asOf } } }`,
      {
        id: files.employee,
      },
    );
    expect(bad.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: ['reaching'],
    });
  });

  it('rejects a malformed date and refuses a colleague', async () => {
    const bad = await as('employee', seniority, { id: files.employee, asOf: '2026-02-30' });
    expect(bad.errors?.[0]?.extensions?.['code']).toMatch(
      /BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED/,
    );
    const colleague = await as('other', seniority, { id: files.employee, asOf: null });
    expect(colleague.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
  });
});

describe('trips, attestation and education sections', () => {
  const sections = `query($id: ID!) { employee(id: $id) {
    trips { trips { destination startDate endDate advanceAmount reportAmount status } provenance { source } }
    attestation { attestations { purpose date decision category nextDueDate } nextDueDate }
    education {
      basic { level institution specialty year documentNumber }
      professionalDevelopment { program hours endDate }
      languages { level proficiency }
      lastCourseEnd
    }
  } }`;
  type Sections = {
    employee: {
      trips: { trips: { advanceAmount: string | null; startDate: string; endDate: string }[] };
      attestation: {
        attestations: { date: string; nextDueDate: string }[];
        nextDueDate: string | null;
      };
      education: {
        basic: { level: string }[];
        professionalDevelopment: { endDate: string }[];
        lastCourseEnd: string | null;
      };
    };
  };

  it('shows the owner and HR every record, money as exact decimals', async () => {
    for (const who of ['employee', 'hr']) {
      const result = await as<Sections>(who, sections, { id: files.employee });
      expect(result.errors).toBeUndefined();
      const file = result.data!.employee;
      expect(file.education.basic).toHaveLength(1);
      for (const trip of file.trips.trips) {
        expect(trip.startDate <= trip.endDate).toBe(true);
        if (trip.advanceAmount) expect(trip.advanceAmount).toMatch(/^\d+\.\d{2}$/);
      }
      const courses = file.education.professionalDevelopment;
      expect(file.education.lastCourseEnd).toBe(courses[0]?.endDate ?? null);
      const dates = file.attestation.attestations.map((a) => a.date);
      expect(dates).toEqual([...dates].sort().reverse());
    }
  });

  it("shows a manager a subordinate's attestation and education, not the trips by default", async () => {
    const result = await as<Sections>('manager', sections, { id: files.employee });
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0]).toMatchObject({
      path: ['employee', 'trips'],
      extensions: { code: 'FORBIDDEN' },
    });
    const workSections = sections.replace(/trips \{[^\n]*\n/, '');
    const work = await as<Sections>('manager', workSections, { id: files.employee });
    expect(work.errors).toBeUndefined();
    expect(work.data!.employee.education.basic).toHaveLength(1);
  });

  it("refuses each section of a colleague's file, and journals the refusal", async () => {
    const result = await as('other', sections, { id: files.employee });
    expect(result.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
    expect(result.data).toBeNull();
  });
});
