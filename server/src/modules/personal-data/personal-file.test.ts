import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../test/harness.js';
import { IdentityDocument } from '../employee/employee.entity.js';

/** The sections of the personal file over GraphQL: own file, a subordinate's, a refused one. */

let server: TestServer;
const tokens: Record<string, string> = {};
let files: Record<'employee' | 'other', string>;

const as = <T = Record<string, unknown>>(
  who: string,
  query: string,
  variables?: Record<string, unknown>,
) => server.gql<T>(query, variables, tokens[who]);

beforeAll(async () => {
  server = await startTestServer({ demo: true });
  for (const who of ['hr', 'manager', 'employee', 'other', 'accountant'])
    tokens[who] = await server.login(who);
  const fileOf = async (who: string) =>
    (await as<{ me: { employee: { id: string } } }>(who, `{ me { employee { id } } }`)).data!.me
      .employee.id;
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
    const colleague = await as('employee', employment, { id: files.other });
    expect(colleague.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
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

  it('masks the passport for a manager and shows it in full to the owner on request', async () => {
    const em = server.orm.em.fork();
    const passport = await em.findOneOrFail(IdentityDocument, { employee: files.employee });
    const manager = await as<Personal>('manager', personal, { id: files.employee, reveal: true });
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
    expect(result.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  });
});
