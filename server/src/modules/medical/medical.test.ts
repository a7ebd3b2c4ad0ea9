import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actors, startTestServer, type TestServer } from '../../../test/harness.js';
import { newId } from '../../core/orm/base.entity.js';
import { AccessLogEntry } from '../access-log/access-log.entity.js';
import { User } from '../identity/user.entity.js';
import {
  OrganizationSettings,
  PortalSections,
  defaultManagerSections,
} from '../organization/organization-settings.entity.js';
import { Organization } from '../organization/organization.entity.js';
import { MedicalExamination } from './medical.entity.js';

/**
 * Medical examinations (MEDICAL) through the API against PostgreSQL: HR records and removes them,
 * the owner reads them and sees the next one on the dashboard, a colleague and (by default) the
 * manager do not, every step is journalled, and the system of record imports them.
 */

let server: TestServer;
let as: Awaited<ReturnType<typeof actors>>['as'];
let tokens: Record<string, string>;
let file: string;

/** A date `n` days from today (UTC; the organization's day is at most one ahead). */
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
const errorOf = (result: { errors?: { extensions?: Record<string, unknown> }[] }) =>
  result.errors?.[0]?.extensions;

const save = `mutation($input: MedicalExaminationInput!) {
  saveMedicalExamination(input: $input) { id date kind result restrictions nextDueDate documentNumber }
}`;
const section = `query($id: ID!) { employee(id: $id) { medicalExaminations {
  nextDueDate
  examinations { id kind result restrictions nextDueDate documentNumber document { id url } }
  provenance { source }
} } }`;

interface Section {
  employee: {
    medicalExaminations: {
      nextDueDate: string | null;
      examinations: {
        id: string;
        kind: string;
        result: string;
        restrictions: string | null;
        nextDueDate: string | null;
        documentNumber: string | null;
        document: { id: string; url: string } | null;
      }[];
      provenance: { source: string };
    };
  };
}

const journal = (where: Partial<Pick<AccessLogEntry, 'section' | 'action' | 'operation'>>) =>
  server.orm.em.fork().count(AccessLogEntry, { subjectEmployeeId: file, ...where });

const setManagerSections = (sections: string[]) =>
  as(
    'admin',
    `mutation($s: [FileSection!]!) { updateOrganizationSettings(input: { managerSections: $s }) { managerSections } }`,
    { s: sections },
  );

beforeAll(async () => {
  server = await startTestServer({ demo: true });
  const signedIn = await actors(server, ['admin', 'hr', 'employee', 'manager', 'other']);
  as = signedIn.as;
  tokens = signedIn.tokens;
  file = await signedIn.fileOf('employee');
});
afterAll(async () => {
  await server?.close();
});

describe('HR records an examination', () => {
  let id: string;

  beforeAll(async () => {
    const saved = await as<{ saveMedicalExamination: { id: string } }>('hr', save, {
      input: {
        employeeId: file,
        date: inDays(-10),
        kind: 'PERIODIC',
        result: 'FIT_WITH_RESTRICTIONS',
        restrictions: 'Противопоказана работа на высоте',
        nextDueDate: inDays(2),
        clinic: 'ОГБУЗ «Ивнянская ЦРБ»',
        documentNumber: '2026-0917',
      },
    });
    expect(saved.errors).toBeUndefined();
    id = saved.data!.saveMedicalExamination.id;
  });

  it('shows it to the owner, newest first, with the nearest due date and where it came from', async () => {
    const read = await as<Section>('employee', section, { id: file });
    expect(read.errors).toBeUndefined();
    const medical = read.data!.employee.medicalExaminations;
    expect(medical.examinations[0]).toMatchObject({
      id,
      kind: 'PERIODIC',
      result: 'FIT_WITH_RESTRICTIONS',
      restrictions: 'Противопоказана работа на высоте',
      documentNumber: '2026-0917',
    });
    const ahead = medical.examinations
      .map((exam) => exam.nextDueDate)
      .filter((date): date is string => date !== null && date >= inDays(1))
      .sort();
    expect(medical.nextDueDate).toBe(ahead[0]);
    expect(medical.nextDueDate! <= inDays(2)).toBe(true);
    expect(medical.provenance.source).toBe('PORTAL');
  });

  it("puts the next examination on the owner's dashboard beside the attestation", async () => {
    const [dashboard, own] = await Promise.all([
      as<{ dashboard: { dueDates: { section: string; date: string | null }[] } }>(
        'employee',
        `{ dashboard { dueDates { section date } } }`,
      ),
      as<Section>('employee', section, { id: file }),
    ]);
    expect(dashboard.data!.dashboard.dueDates.map((due) => due.section)).toEqual([
      'ATTESTATION',
      'MEDICAL',
    ]);
    expect(dashboard.data!.dashboard.dueDates[1]!.date).toBe(
      own.data!.employee.medicalExaminations.nextDueDate,
    );
  });

  it('journals the change and each read of the file by someone else', async () => {
    expect(
      await journal({ section: 'MEDICAL', action: 'CHANGE', operation: 'saveMedicalExamination' }),
    ).toBeGreaterThanOrEqual(1);
    const reads = await journal({ section: 'MEDICAL', action: 'READ' });
    await as('hr', section, { id: file });
    // The journal is written after the response; wait for HR's read to land.
    await expect.poll(() => journal({ section: 'MEDICAL', action: 'READ' })).toBe(reads + 1);
  });

  it('corrects it in place and removes it, both journalled', async () => {
    const corrected = await as<{ saveMedicalExamination: { id: string; result: string } }>(
      'hr',
      save,
      {
        input: {
          id,
          employeeId: file,
          date: inDays(-10),
          kind: 'PERIODIC',
          result: 'FIT',
          nextDueDate: inDays(355),
        },
      },
    );
    expect(corrected.data!.saveMedicalExamination).toMatchObject({ id, result: 'FIT' });
    const removed = await as<{ deleteFileRecord: boolean }>(
      'hr',
      `mutation($id: ID!) { deleteFileRecord(section: MEDICAL, id: $id) }`,
      { id },
    );
    expect(removed.data!.deleteFileRecord).toBe(true);
    expect(await server.orm.em.fork().count(MedicalExamination, { id })).toBe(0);
    expect(
      await journal({ section: 'MEDICAL', action: 'CHANGE', operation: 'deleteFileRecord' }),
    ).toBe(1);
  });
});

describe('bad input', () => {
  it.each([
    ['an examination dated in the future', { date: inDays(5) }, ['input', 'date']],
    ['a next date before the examination', { nextDueDate: inDays(-40) }, ['input', 'nextDueDate']],
    [
      'restrictions on a plain «годен»',
      { restrictions: 'Противопоказана работа в ночное время' },
      ['input', 'restrictions'],
    ],
    [
      '«годен с ограничениями» without the restrictions',
      { result: 'FIT_WITH_RESTRICTIONS' },
      ['input', 'restrictions'],
    ],
    [
      'a conclusion file that was never uploaded',
      { documentFileId: '00000000-0000-7000-8000-000000000000' },
      ['input', 'documentFileId'],
    ],
  ])(
    'refuses %s with BAD_USER_INPUT on the field, writing nothing',
    async (_name, change, field) => {
      const em = server.orm.em.fork();
      const before = await em.count(MedicalExamination, { employee: file });
      const changes = await journal({ section: 'MEDICAL', action: 'CHANGE' });
      const result = await as('hr', save, {
        input: {
          employeeId: file,
          date: inDays(-30),
          kind: 'EXTRAORDINARY',
          result: 'FIT',
          nextDueDate: inDays(300),
          ...change,
        },
      });
      expect(errorOf(result)).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(await em.count(MedicalExamination, { employee: file })).toBe(before);
      expect(await journal({ section: 'MEDICAL', action: 'CHANGE' })).toBe(changes);
    },
  );
});

describe('who sees it', () => {
  it('tells a colleague who may not see the file that it does not exist', async () => {
    const read = await as('other', section, { id: file });
    expect(errorOf(read)?.['code']).toBe('NOT_FOUND');
  });

  it('refuses the manager by default (health data, 152-ФЗ ст. 10) and journals the refusal', async () => {
    const denied = await journal({ section: 'MEDICAL', action: 'DENIED' });
    const read = await as('manager', section, { id: file });
    expect(errorOf(read)?.['code']).toBe('FORBIDDEN');
    await expect.poll(() => journal({ section: 'MEDICAL', action: 'DENIED' })).toBe(denied + 1);
  });

  it('lets the manager read it once the organization adds MEDICAL to managerSections', async () => {
    const widened = await setManagerSections([...defaultManagerSections, 'MEDICAL']);
    expect(widened.errors).toBeUndefined();
    try {
      const read = await as<Section>('manager', section, { id: file });
      expect(read.errors).toBeUndefined();
      expect(read.data!.employee.medicalExaminations.examinations.length).toBeGreaterThan(0);
    } finally {
      await setManagerSections([...defaultManagerSections]);
    }
  });

  it('lets only HR record one: the owner is FORBIDDEN, a colleague told NOT_FOUND', async () => {
    const input = { employeeId: file, date: inDays(-3), kind: 'PERIODIC', result: 'FIT' };
    expect(errorOf(await as('employee', save, { input }))?.['code']).toBe('FORBIDDEN');
    expect(errorOf(await as('other', save, { input }))?.['code']).toBe('NOT_FOUND');
  });
});

describe('the conclusion as a file', () => {
  const pdf = Buffer.from(
    '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n' +
      '2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n' +
      'trailer << /Root 1 0 R >>\n%%EOF\n',
  );

  it('is attached by HR and downloaded by whoever reads the section, no one else', async () => {
    const form = new FormData();
    form.append('file', new Blob([pdf], { type: 'application/pdf' }), 'Заключение.pdf');
    const uploaded = await fetch(`${server.url}/files`, {
      method: 'POST',
      body: form,
      headers: { authorization: `Bearer ${tokens['hr']}` },
    });
    expect(uploaded.status).toBe(201);
    const { id: fileId } = (await uploaded.json()) as { id: string };
    const saved = await as<{ saveMedicalExamination: { id: string } }>('hr', save, {
      input: {
        employeeId: file,
        date: inDays(-20),
        kind: 'EXTRAORDINARY',
        result: 'TEMPORARILY_UNFIT',
        nextDueDate: inDays(30),
        documentFileId: fileId,
      },
    });
    expect(saved.errors).toBeUndefined();
    const read = await as<Section>('employee', section, { id: file });
    const exam = read.data!.employee.medicalExaminations.examinations.find(
      (item) => item.id === saved.data!.saveMedicalExamination.id,
    );
    expect(exam?.document?.id).toBe(fileId);
    const download = (who: string) =>
      fetch(`${server.url}${exam!.document!.url}`, {
        headers: { authorization: `Bearer ${tokens[who]}` },
      });
    expect((await download('employee')).status).toBe(200);
    // A correction that sends the same file keeps it (it is not claimed a second time).
    const kept = await as<{ saveMedicalExamination: { id: string } }>('hr', save, {
      input: {
        id: saved.data!.saveMedicalExamination.id,
        employeeId: file,
        date: inDays(-20),
        kind: 'EXTRAORDINARY',
        result: 'TEMPORARILY_UNFIT',
        nextDueDate: inDays(45),
        documentFileId: fileId,
      },
    });
    expect(kept.errors).toBeUndefined();
    expect((await download('other')).status).toBe(404);
    expect((await download('manager')).status).toBe(404);
  });
});

describe('the import from the system of record', () => {
  let integrationToken: string;
  let organizationId: string;

  const header = JSON.stringify({
    type: 'header',
    schemaVersion: 1,
    source: '1c-zkgu',
    organizationExternalId: 'org-medical',
  });
  const post = async (...records: object[]) => {
    const response = await fetch(`${server.url}/integration/import`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-ndjson',
        authorization: `Bearer ${integrationToken}`,
      },
      body: `${[header, ...records.map((record) => JSON.stringify(record))].join('\n')}\n`,
    });
    return (await response.json()) as {
      status: string;
      byType: { type: string; created: number }[];
      errors: { type: string | null; path: string[]; message: string }[];
    };
  };
  const examination = {
    type: 'medicalExamination',
    op: 'upsert',
    externalId: 'med-1',
    employeeExternalId: 'emp-1',
    date: inDays(-15),
    kind: 'PERIODIC',
    result: 'FIT',
    nextDueDate: inDays(200),
    clinic: 'ОГБУЗ «Ивнянская ЦРБ»',
    documentNumber: '17-М',
  };

  beforeAll(async () => {
    organizationId = newId();
    const em = server.orm.em.fork();
    await em.insert(Organization, {
      id: organizationId,
      name: 'Школа № 12',
      timeZone: 'Europe/Moscow',
    });
    await em.insert(OrganizationSettings, {
      id: newId(),
      organization: organizationId,
      managerSections: [...defaultManagerSections],
      enabledSections: [...PortalSections],
    });
    const [admin] = await em.execute<{ password_hash: string }[]>(
      `select password_hash from app_user where login = 'admin'`,
    );
    await em.insert(User, {
      id: newId(),
      organization: organizationId,
      login: 'school12-admin',
      roles: ['ADMIN'],
      passwordHash: admin!.password_hash,
      status: 'ACTIVE',
    });
    const created = await server.gql<{ createIntegrationToken: { token: string } }>(
      `mutation { createIntegrationToken(name: "1С:ЗКГУ") { token } }`,
      {},
      await server.login('school12-admin'),
    );
    integrationToken = created.data!.createIntegrationToken.token;
    const first = await post(
      { type: 'organization', op: 'upsert', externalId: 'org-medical', name: 'МБОУ «СОШ № 12»' },
      {
        type: 'employee',
        op: 'upsert',
        externalId: 'emp-1',
        personnelNumber: '000001',
        lastName: 'Петрова',
        firstName: 'Анна',
        hireDate: '2019-09-01',
      },
    );
    expect(first.errors).toEqual([]);
    const [employee] = await em.execute<{ id: string }[]>(
      `select id from employee where organization_id = ? and external_id = 'emp-1'`,
      [organizationId],
    );
    await em.insert(User, {
      id: newId(),
      organization: organizationId,
      login: 'school12-e1',
      roles: ['EMPLOYEE'],
      employee: employee!.id,
      passwordHash: admin!.password_hash,
      status: 'ACTIVE',
    });
  }, 60_000);

  it('refuses a record the rules refuse, with its path, and writes nothing', async () => {
    const answer = await post({ ...examination, result: 'FIT_WITH_RESTRICTIONS' });
    expect(answer.status).toBe('REJECTED');
    expect(answer.errors).toEqual([
      expect.objectContaining({ type: 'medicalExamination', path: ['restrictions'] }),
    ]);
  });

  it('writes the examination, journals the change and tells the employee when the next one is due', async () => {
    const answer = await post(examination);
    expect(answer.errors).toEqual([]);
    expect(answer.byType.find((row) => row.type === 'medicalExamination')?.created).toBe(1);
    const em = server.orm.em.fork();
    const [row] = await em.execute<{ employee_id: string; next_due_date: string }[]>(
      `select employee_id, next_due_date::text from medical_examination
        where organization_id = ? and external_id = 'med-1'`,
      [organizationId],
    );
    expect(row!.next_due_date).toBe(examination.nextDueDate);
    expect(
      await em.count(AccessLogEntry, {
        subjectEmployeeId: row!.employee_id,
        section: 'MEDICAL',
        action: 'CHANGE',
        operation: 'importRecords',
      }),
    ).toBe(1);
    const notices = await em.execute<{ type: string; title: string; link: string }[]>(
      `select n.type, n.title, n.link from notification n join app_user u on u.id = n.recipient_user_id
        where u.login = 'school12-e1'`,
    );
    const ru = examination.nextDueDate.split('-').reverse().join('.');
    expect(notices).toEqual([
      {
        type: 'MEDICAL_EXAMINATION_DUE',
        title: `Следующий медицинский осмотр — до ${ru}`,
        link: '/file/medical',
      },
    ]);
    const unchanged = await post(examination);
    expect(unchanged.errors).toEqual([]);
    const after = await em.execute<{ n: number }[]>(
      `select count(*)::int as n from notification n join app_user u on u.id = n.recipient_user_id
        where u.login = 'school12-e1'`,
    );
    expect(after[0]!.n).toBe(1);
  });

  it("tells of a new attestation due date as before: the section contribution medical's follows", async () => {
    const nextDueDate = inDays(400);
    const answer = await post(examination, {
      type: 'attestation',
      op: 'upsert',
      externalId: 'att-1',
      employeeExternalId: 'emp-1',
      kind: 'REGULAR',
      purpose: 'POST_FITNESS',
      date: inDays(-20),
      decision: 'MEETS',
      nextDueDate,
    });
    expect(answer.errors).toEqual([]);
    const notices = await server.orm.em.fork().execute<{ type: string; title: string }[]>(
      `select n.type, n.title from notification n join app_user u on u.id = n.recipient_user_id
        where u.login = 'school12-e1' and n.type = 'ATTESTATION_DUE'`,
    );
    expect(notices).toEqual([
      {
        type: 'ATTESTATION_DUE',
        title: `Следующая аттестация — до ${nextDueDate.split('-').reverse().join('.')}`,
      },
    ]);
  });
});
