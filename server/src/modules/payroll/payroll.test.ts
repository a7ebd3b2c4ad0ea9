import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actors, startTestServer, type TestServer } from '../../../test/harness.js';
import { addDays } from '../../core/local-date.js';
import { newId } from '../../core/orm/base.entity.js';
import { FileSections } from '../organization/organization-settings.entity.js';
import { PayrollPeriod, Payslip, PayslipQuestion } from './payroll.entity.js';
import { payslipLineData } from './payslip-lines.js';

let server: TestServer;
let tokens: Record<string, string>;
let files: Record<'employee' | 'other', string>;

let as: Awaited<ReturnType<typeof actors>>['as'];
const codeOf = (result: { errors?: { extensions?: Record<string, unknown> }[] }) =>
  result.errors?.[0]?.extensions?.['code'];

beforeAll(async () => {
  server = await startTestServer({ demo: true });
  const signedIn = await actors(server, ['accountant', 'manager', 'employee', 'other', 'hr']);
  ({ tokens, as } = signedIn);
  const { fileOf } = signedIn;
  files = { employee: await fileOf('employee'), other: await fileOf('other') };
});
afterAll(async () => {
  await server?.close();
});

const payslips = `query($employeeId: ID) { payslips(employeeId: $employeeId) {
  id openingBalance closingBalance period { year month publishedAt }
  totals { accrued deducted paid }
  accruals { payCode incomeCode name amount } deductions { name amount } payments { amount paidOn }
} }`;
type Payslips = {
  payslips: {
    id: string;
    openingBalance: string;
    closingBalance: string;
    period: { year: number; month: number; publishedAt: string | null };
    totals: { accrued: string; deducted: string; paid: string };
  }[];
};

const kopecks = (amount: string) => BigInt(amount.replace('.', ''));

describe('payslips', () => {
  it('gives an employee their own published payslips, three years of them, newest first', async () => {
    const result = await as<Payslips>('employee', payslips, {});
    expect(result.errors).toBeUndefined();
    const list = result.data!.payslips;
    expect(list.length).toBeGreaterThan(0);
    expect(list.length).toBeLessThanOrEqual(36);
    expect(list.every((p) => p.period.publishedAt !== null)).toBe(true);
    const keys = list.map((p) => p.period.year * 100 + p.period.month);
    expect(keys).toEqual([...keys].sort((a, b) => b - a));
  });

  it("denies an employee a colleague's pay, and a manager a subordinate's by default", async () => {
    // A colleague's file is one the employee may not see: answered as an unknown one (issue 16).
    expect(codeOf(await as('employee', payslips, { employeeId: files.other }))).toBe('NOT_FOUND');
    // The manager sees the subordinate's file, just not the pay section.
    expect(codeOf(await as('manager', payslips, { employeeId: files.employee }))).toBe('FORBIDDEN');
  });

  it("answers payslip(id) for someone else's payslip exactly as for one that does not exist", async () => {
    const theirs = (await as<Payslips>('other', payslips, {})).data!.payslips[0]!.id;
    const missing = '00000000-0000-7000-8000-000000000000';
    const one = `query($id: ID!) { payslip(id: $id) { id } }`;
    for (const [who, id] of [
      ['employee', theirs],
      ['manager', theirs],
      ['employee', missing],
    ] as const) {
      const error = (await as(who, one, { id })).errors?.[0];
      expect(
        { code: error?.extensions?.['code'], message: error?.message },
        `${who} ${id}`,
      ).toEqual({
        code: 'NOT_FOUND',
        message: `Payslip ${id} not found`,
      });
    }
  });

  it('shows the accountant every payslip of the organization, the unpublished month included', async () => {
    const own = await as<Payslips>('employee', payslips, {});
    const accountant = await as<Payslips>('accountant', payslips, { employeeId: files.employee });
    expect(accountant.data!.payslips.length).toBe(own.data!.payslips.length + 1);
    expect(accountant.data!.payslips[0]!.period.publishedAt).toBeNull();
    const unpublished = await as('employee', `query($id: ID!) { payslip(id: $id) { id } }`, {
      id: accountant.data!.payslips[0]!.id,
    });
    expect(codeOf(unpublished)).toBe('NOT_FOUND');
  });

  it('keeps the balance identity on every demo payslip: opening + accrued − deducted − paid = closing', async () => {
    const rows = await server.orm.em.fork().execute<{ broken: string; total: string }[]>(
      `select count(*) filter (where s.opening_balance + coalesce(l.accrued, 0) - coalesce(l.deducted, 0)
                                  - coalesce(l.paid, 0) <> s.closing_balance)::text as broken,
              count(*)::text as total
         from payslip s
         cross join lateral (
               select sum(amount) filter (where kind = 'ACCRUAL') as accrued,
                      sum(amount) filter (where kind = 'DEDUCTION') as deducted,
                      sum(amount) filter (where kind = 'PAYMENT') as paid
                 from jsonb_to_recordset(s.lines) as l(kind text, amount numeric)) l`,
    );
    expect(Number(rows[0]!.total)).toBeGreaterThan(1000);
    expect(rows[0]!.broken).toBe('0');
    // And over GraphQL, in the totals the API derives, to the kopeck.
    const list = (await as<Payslips>('accountant', payslips, { employeeId: files.employee })).data!
      .payslips;
    for (const p of list) {
      const { accrued, deducted, paid } = p.totals;
      expect(kopecks(p.openingBalance) + kopecks(accrued) - kopecks(deducted) - kopecks(paid)).toBe(
        kopecks(p.closingBalance),
      );
    }
  });

  it('adds money exactly where floats would not (ten lines of 0.10, 0.1 + 0.2)', async () => {
    const em = server.orm.em.fork();
    const period = await em.findOneOrFail(
      PayrollPeriod,
      { publishedAt: { $ne: null } },
      { orderBy: { startDate: 'asc' } },
    );
    const payslipId = newId();
    const amounts = [...Array<string>(10).fill('0.10'), '0.10', '0.20'];
    em.create(Payslip, {
      id: payslipId,
      organization: period.organization,
      period,
      employee: files.employee,
      openingBalance: '0.00',
      closingBalance: '0.30',
      lines: amounts.map((amount, index) =>
        payslipLineData({
          kind: index < 10 ? 'ACCRUAL' : 'PAYMENT',
          payCode: '999',
          name: 'Проверка',
          amount,
        }),
      ),
    });
    await em.flush();
    const result = await as<{
      payslip: { totals: { accrued: string; paid: string }; closingBalance: string };
    }>(
      'employee',
      `query($id: ID!) { payslip(id: $id) { closingBalance totals { accrued paid } } }`,
      { id: payslipId },
    );
    expect(result.data!.payslip).toEqual({
      closingBalance: '0.30',
      totals: { accrued: '1.00', paid: '0.30' },
    });
    expect(0.1 + 0.2).not.toBe(0.3); // what the API never does
    await em.nativeDelete(Payslip, { id: payslipId });
  });
});

describe('salaryDynamics', () => {
  const dynamics = `query($from: LocalDate, $to: LocalDate, $groupBy: DynamicsGrouping!) {
    salaryDynamics(from: $from, to: $to, groupBy: $groupBy) { start gross deductions net changeFromPrevious changeFromYearBefore }
  }`;
  type Buckets = {
    salaryDynamics: {
      start: string;
      gross: string;
      deductions: string;
      net: string;
      changeFromPrevious: string | null;
      changeFromYearBefore: string | null;
    }[];
  };

  it('sums months into quarters and years, with net = gross − deductions and the changes', async () => {
    const months = (await as<Buckets>('employee', dynamics, { groupBy: 'MONTH' })).data!
      .salaryDynamics;
    const years = (await as<Buckets>('employee', dynamics, { groupBy: 'YEAR' })).data!
      .salaryDynamics;
    for (const bucket of [...months, ...years]) {
      expect(kopecks(bucket.gross) - kopecks(bucket.deductions)).toBe(kopecks(bucket.net));
    }
    const total = (list: Buckets['salaryDynamics']) =>
      list.reduce((sum, b) => sum + kopecks(b.gross), 0n);
    expect(total(years)).toBe(total(months));
    for (let i = 1; i < months.length; i++) {
      expect(kopecks(months[i]!.changeFromPrevious!)).toBe(
        kopecks(months[i]!.net) - kopecks(months[i - 1]!.net),
      );
    }
    const lastYear = months.find((m) => m.changeFromYearBefore !== null);
    if (months.length > 12) expect(lastYear).toBeDefined();
  });

  it('sums in each month exactly the lines of its payslips', async () => {
    const months = (await as<Buckets>('employee', dynamics, { groupBy: 'MONTH' })).data!
      .salaryDynamics;
    const list = (
      await as<{
        payslips: {
          period: { startDate: string };
          totals: { accrued: string; deducted: string };
        }[];
      }>('employee', `{ payslips { period { startDate } totals { accrued deducted } } }`)
    ).data!.payslips;
    const expected = new Map<string, { gross: bigint; deductions: bigint }>();
    for (const { period, totals } of list) {
      const sums = expected.get(period.startDate) ?? { gross: 0n, deductions: 0n };
      sums.gross += kopecks(totals.accrued);
      sums.deductions += kopecks(totals.deducted);
      expected.set(period.startDate, sums);
    }
    expect(months.length).toBeGreaterThan(12);
    expect(
      months.map((b) => ({
        start: b.start,
        gross: kopecks(b.gross),
        deductions: kopecks(b.deductions),
      })),
    ).toEqual(
      [...expected]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([start, sums]) => ({ start, ...sums })),
    );
  });

  it('runs the same number of SQL statements for 12 and for 36 months', async () => {
    const measure = async (from: string) => {
      const { result, statements } = await server.queries.measure(() =>
        as('employee', dynamics, { from, to: '2099-12-31', groupBy: 'MONTH' }),
      );
      expect(result.errors).toBeUndefined();
      return statements;
    };
    const now = new Date();
    const monthsAgo = (n: number) =>
      new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - n, 1)).toISOString().slice(0, 10);
    const twelve = await measure(monthsAgo(12));
    const thirtySix = await measure(monthsAgo(36));
    // the session (with the viewer's own file and the organization's settings), the aggregate
    expect(thirtySix).toBe(twelve);
    expect(thirtySix).toBe(2);
  });

  it('denies a colleague', async () => {
    const result = await as(
      'other',
      `query($id: ID) { salaryDynamics(employeeId: $id) { start } }`,
      { id: files.employee },
    );
    expect(codeOf(result)).toBe('NOT_FOUND');
  });
});

describe('payslip PDF', () => {
  const pdfOf = (id: string, token?: string) =>
    fetch(`${server.url}/files/payslips/${id}.pdf`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });

  it('downloads as a расчётный листок with the lines and balances in it', async () => {
    const { extractText, getDocumentProxy } = await import('unpdf');
    const list = (await as<Payslips>('employee', payslips, {})).data!.payslips;
    const payslip = list[0]!;
    const response = await pdfOf(payslip.id, tokens['employee']);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/application\/pdf/);
    expect(response.headers.get('content-disposition')).toMatch(/payslip-\d{4}-\d{2}\.pdf/);
    const document = await getDocumentProxy(new Uint8Array(await response.arrayBuffer()));
    const { text } = await extractText(document, { mergePages: true });
    const me = await as<{ me: { employee: { fullName: string; personnelNumber: string } } }>(
      'employee',
      `{ me { employee { fullName personnelNumber } } }`,
    );
    expect(text).toContain('Расчётный листок');
    expect(text).toContain(me.data!.me.employee.fullName);
    expect(text).toContain(me.data!.me.employee.personnelNumber);
    for (const heading of [
      'Начислено',
      'Удержано',
      'Выплачено',
      'Оклад по дням',
      'НДФЛ',
      'Долг за организацией',
    ]) {
      expect(text).toContain(heading);
    }
    const [whole, fraction] = payslip.totals.accrued.split('.');
    expect(text.replace(/\s/g, '')).toContain(`${whole},${fraction}`);
  });

  it('is denied to a colleague, to no session, and answers 404 for an unknown one', async () => {
    const list = (await as<Payslips>('employee', payslips, {})).data!.payslips;
    // A colleague is told what an unknown id is told (no existence oracle).
    expect((await pdfOf(list[0]!.id, tokens['other'])).status).toBe(404);
    expect((await pdfOf(list[0]!.id)).status).toBe(401);
    expect((await pdfOf('00000000-0000-7000-8000-000000000000', tokens['employee'])).status).toBe(
      404,
    );
  });
});

describe('publishing, acknowledging, comparing and questioning', () => {
  const now = new Date();
  const current = { year: now.getUTCFullYear(), month: now.getUTCMonth() + 1 };
  const publish = (part: string) =>
    as<{ publishPayrollPeriod: { publishedAt: string | null } }>(
      'accountant',
      `mutation($year: Int!, $month: Int!, $part: PublishPart!) { publishPayrollPeriod(year: $year, month: $month, part: $part) { publishedAt } }`,
      { ...current, part },
    );
  const ownCount = async () => (await as<Payslips>('employee', payslips, {})).data!.payslips.length;

  it('shows the month to employees once published, advance first, and publishing twice changes nothing', async () => {
    const before = await ownCount();
    await publish('ADVANCE');
    expect(await ownCount()).toBe(before + 1);
    const status = await as<{ payslips: { status: string }[] }>(
      'employee',
      `{ payslips { status } }`,
    );
    expect(status.data!.payslips[0]!.status).toBe('ADVANCE');
    const first = await publish('FINAL');
    const again = await publish('FINAL');
    expect(again.data!.publishPayrollPeriod.publishedAt).toBe(
      first.data!.publishPayrollPeriod.publishedAt,
    );
    expect(await ownCount()).toBe(before + 1);
    const refused = await as(
      'hr',
      `mutation { publishPayrollPeriod(year: 2025, month: 1, part: FINAL) { id } }`,
    );
    expect(codeOf(refused)).toBe('FORBIDDEN');
  });

  it('records the acknowledgement once, and the accountant sees who has not yet', async () => {
    const list = (await as<Payslips>('employee', payslips, {})).data!.payslips;
    const target = list[1]!;
    const pending = async () =>
      (
        await as<{ unacknowledgedPayslips: { id: string }[] }>(
          'accountant',
          `query($year: Int!, $month: Int!) { unacknowledgedPayslips(year: $year, month: $month) { id } }`,
          { year: target.period.year, month: target.period.month },
        )
      ).data!.unacknowledgedPayslips.map((p) => p.id);
    expect(await pending()).toContain(target.id);
    const first = await as<{ acknowledgePayslip: { acknowledgedAt: string } }>(
      'employee',
      `mutation($id: ID!) { acknowledgePayslip(id: $id) { acknowledgedAt } }`,
      { id: target.id },
    );
    const second = await as<{ acknowledgePayslip: { acknowledgedAt: string } }>(
      'employee',
      `mutation($id: ID!) { acknowledgePayslip(id: $id) { acknowledgedAt } }`,
      { id: target.id },
    );
    expect(second.data!.acknowledgePayslip.acknowledgedAt).toBe(
      first.data!.acknowledgePayslip.acknowledgedAt,
    );
    expect(await pending()).not.toContain(target.id);
  });

  it('says in words what changed against last month, with exact differences', async () => {
    const list = (await as<Payslips>('employee', payslips, {})).data!.payslips;
    const [latest, previous] = [list[1]!, list[2]!];
    const result = await as<{
      payslip: {
        changes: {
          change: string;
          payCode: string;
          previous: string | null;
          current: string | null;
          difference: string;
          description: string;
        }[];
      };
    }>(
      'employee',
      `query($id: ID!) { payslip(id: $id) { changes { change payCode previous current difference description } } }`,
      {
        id: latest.id,
      },
    );
    expect(result.errors).toBeUndefined();
    const changes = result.data!.payslip.changes;
    const accruedChange = changes
      .filter((c) => c.payCode < '800' && c.payCode !== '900' && c.payCode !== '910')
      .reduce((sum, c) => sum + kopecks(c.difference), 0n);
    // Accrual lines' differences add up to the change in total accruals.
    expect(accruedChange).toBe(kopecks(latest.totals.accrued) - kopecks(previous.totals.accrued));
    for (const change of changes) {
      expect(change.description.length).toBeGreaterThan(10);
      if (change.change === 'CHANGED') expect(change.description).toMatch(/больше|меньше/);
    }
  });

  it('stores a question about a line with its place and a copy of it, and refuses it from a colleague', async () => {
    const lines = await as<{
      payslips: {
        id: string;
        deductions: { id: string; kind: string; payCode: string; name: string; amount: string }[];
      }[];
    }>('employee', `{ payslips { id deductions { id kind payCode name amount } } }`);
    const payslip = lines.data!.payslips[0]!;
    const line = payslip.deductions[0]!;
    const lineId = line.id;
    const asked = await as<{ questionPayslipLine: { id: string; question: string } }>(
      'employee',
      `mutation($id: ID!) { questionPayslipLine(lineId: $id, question: "Почему оклад меньше?") { id question } }`,
      { id: lineId },
    );
    expect(asked.data!.questionPayslipLine.question).toBe('Почему оклад меньше?');
    const stored = await server.orm.em
      .fork()
      .findOneOrFail(PayslipQuestion, { id: asked.data!.questionPayslipLine.id });
    expect(stored.payslip.id).toBe(payslip.id);
    expect(stored).toMatchObject({
      lineNo: Number(lineId.split('.')[1]),
      lineKind: line.kind,
      linePayCode: line.payCode,
      lineName: line.name,
      lineAmount: line.amount,
    });
    const refused = await as(
      'other',
      `mutation($id: ID!) { questionPayslipLine(lineId: $id, question: "А у меня?") { id } }`,
      {
        id: lineId,
      },
    );
    expect(codeOf(refused)).toBe('NOT_FOUND');
  });
});

describe('payslip line ids', () => {
  const query = `query($id: ID!) { payslip(id: $id) { id
    accruals { id payCode } deductions { id payCode } payments { id payCode } } }`;
  type Lines = {
    payslip: Record<'accruals' | 'deductions' | 'payments', { id: string; payCode: string }[]> & {
      id: string;
    };
  };
  const question = `mutation($id: ID!) { questionPayslipLine(lineId: $id, question: "Что это?") { id } }`;
  const latest = async () => (await as<Payslips>('employee', payslips, {})).data!.payslips[0]!.id;

  it('number the lines by their place in the whole payslip, from 1, accruals, deductions and payments together', async () => {
    const id = await latest();
    const { payslip } = (await as<Lines>('employee', query, { id })).data!;
    const ids = [...payslip.accruals, ...payslip.deductions, ...payslip.payments].map(
      (line) => line.id,
    );
    expect(payslip.deductions.length).toBeGreaterThan(0);
    expect(ids).toEqual(ids.map((_, index) => `${id}.${index + 1}`));
    const stored = await server.orm.em.fork().findOneOrFail(Payslip, { id });
    expect(stored.lines.map((line) => line.payCode)).toEqual(
      [...payslip.accruals, ...payslip.deductions, ...payslip.payments].map((l) => l.payCode),
    );
  });

  it('answer NOT_FOUND for a line that is not there: malformed, of no payslip, past the end', async () => {
    const id = await latest();
    const { payslip } = (await as<Lines>('employee', query, { id })).data!;
    const count = payslip.accruals.length + payslip.deductions.length + payslip.payments.length;
    for (const lineId of [
      'nonsense',
      id,
      `${id}.0`,
      `${id}.01`,
      `${id}.${count + 1}`,
      '00000000-0000-7000-8000-000000000000.1',
    ]) {
      expect(codeOf(await as('employee', question, { id: lineId })), lineId).toBe('NOT_FOUND');
    }
  });

  it("tell a colleague nothing of how many lines someone's payslip has", async () => {
    const id = await latest();
    for (const lineId of [`${id}.1`, `${id}.499`]) {
      expect(codeOf(await as('other', question, { id: lineId })), lineId).toBe('NOT_FOUND');
    }
  });
});

describe('savePayslip', () => {
  const save = (input: Record<string, unknown>, who = 'accountant') =>
    as<{ savePayslip: { id: string; closingBalance: string; totals: { accrued: string } } }>(
      who,
      `mutation($input: PayslipInput!) { savePayslip(input: $input) { id closingBalance totals { accrued } } }`,
      { input },
    );
  const valid = () => ({
    employeeId: files.employee,
    year: 2021,
    month: 3,
    openingBalance: '1000.10',
    closingBalance: '1000.40',
    normDays: 22,
    workedDays: 22,
    lines: [
      {
        kind: 'ACCRUAL',
        payCode: '001',
        incomeCode: '2000',
        name: 'Оклад',
        days: 22,
        amount: '0.10',
      },
      {
        kind: 'ACCRUAL',
        payCode: '035',
        incomeCode: '2000',
        name: 'Стимулирующие',
        amount: '0.20',
      },
      { kind: 'DEDUCTION', payCode: '900', name: 'НДФЛ', amount: '0.00' },
    ],
  });

  it('writes a payslip that reconciles to the kopeck, replacing the month on a second write', async () => {
    const first = await save(valid());
    expect(first.errors).toBeUndefined();
    expect(first.data!.savePayslip).toMatchObject({
      closingBalance: '1000.40',
      totals: { accrued: '0.30' },
    });
    const second = await save(valid());
    const em = server.orm.em.fork();
    expect(
      await em.count(Payslip, { employee: files.employee, period: { year: 2021, month: 3 } }),
    ).toBe(1);
    expect(second.data!.savePayslip.id).not.toBe(first.data!.savePayslip.id);
  });

  it("keeps a question's copy of its line when the payslip is written again", async () => {
    const june = { ...valid(), year: 2021, month: 6 };
    const first = await save(june);
    expect(first.errors).toBeUndefined();
    const firstId = first.data!.savePayslip.id;
    await as(
      'accountant',
      `mutation { publishPayrollPeriod(year: 2021, month: 6, part: FINAL) { id } }`,
    );
    const asked = await as<{ questionPayslipLine: { id: string } }>(
      'employee',
      `mutation($id: ID!) { questionPayslipLine(lineId: $id, question: "Что за выплаты?") { id } }`,
      { id: `${firstId}.2` },
    );
    expect(asked.errors).toBeUndefined();
    // The correction puts a bonus of another amount where the line asked about was.
    const [salary, , tax] = june.lines;
    const bonus = {
      kind: 'ACCRUAL',
      payCode: '050',
      incomeCode: '2002',
      name: 'Премия',
      amount: '1.00',
    };
    const second = await save({ ...june, closingBalance: '1001.20', lines: [salary, bonus, tax] });
    expect(second.errors).toBeUndefined();
    const em = server.orm.em.fork();
    const question = await em.findOneOrFail(PayslipQuestion, {
      id: asked.data!.questionPayslipLine.id,
    });
    expect(question.payslip.id).toBe(second.data!.savePayslip.id);
    expect(question).toMatchObject({
      lineNo: 2,
      lineKind: 'ACCRUAL',
      linePayCode: '035',
      lineName: 'Стимулирующие',
      lineAmount: '0.20',
      question: 'Что за выплаты?',
    });
    const rewritten = await em.findOneOrFail(Payslip, { id: second.data!.savePayslip.id });
    expect(rewritten.lines[1]).toEqual({
      kind: 'ACCRUAL',
      payCode: '050',
      incomeCode: '2002',
      name: 'Премия',
      relatesTo: null,
      days: null,
      hours: null,
      amount: '1.00',
      paidOn: null,
    });
    expect(await em.count(Payslip, { id: firstId })).toBe(0);
    await em.nativeDelete(Payslip, { id: rewritten.id });
  });

  it.each([
    [
      'a pay code longer than the payroll system has',
      { lines: [{ kind: 'ACCRUAL', payCode: '0'.repeat(17), name: 'Оклад', amount: '0.30' }] },
      ['input', 'lines', 0, 'payCode'],
    ],
    ['lines that do not reconcile', { closingBalance: '1000.41' }, ['input', 'closingBalance']],
    [
      'a negative day count',
      { lines: [{ kind: 'ACCRUAL', payCode: '001', name: 'Оклад', days: -1, amount: '0.30' }] },
      ['input', 'lines', 0, 'days'],
    ],
    [
      'an employee outside the organization',
      { employeeId: '00000000-0000-7000-8000-000000000000' },
      ['input', 'employeeId'],
    ],
    [
      // Each line fits Money, their sum does not: the month's accruals could never be shown again.
      'accruals whose total overflows an amount',
      {
        openingBalance: '0.00',
        closingBalance: '0.00',
        lines: [
          { kind: 'ACCRUAL', payCode: '001', name: 'Оклад', amount: '999999999999.99' },
          { kind: 'ACCRUAL', payCode: '035', name: 'Премия', amount: '999999999999.99' },
          { kind: 'PAYMENT', payCode: '700', name: 'Выплата', amount: '999999999999.99' },
          { kind: 'PAYMENT', payCode: '700', name: 'Выплата', amount: '999999999999.99' },
        ],
      },
      ['input', 'lines', 1, 'amount'],
    ],
  ])(
    'refuses %s with BAD_USER_INPUT and the reason, writing nothing',
    async (_name, change, field) => {
      const em = server.orm.em.fork();
      const before = await em.count(Payslip, {});
      const result = await save({ ...valid(), month: 4, ...change });
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(result.errors?.[0]?.message.length).toBeGreaterThan(10);
      expect(await em.count(Payslip, {})).toBe(before);
    },
  );

  it('refuses an unknown line kind at the schema, and anyone but the payroll office', async () => {
    const unknown = await save({
      ...valid(),
      lines: [{ kind: 'BONUS', payCode: '1', name: 'x', amount: '1.00' }],
    });
    expect(codeOf(unknown)).toBe('BAD_USER_INPUT');
    expect(codeOf(await save(valid(), 'hr'))).toBe('FORBIDDEN');
  });
});

describe('pay the organization allows managers to see', () => {
  it("shows a manager a subordinate's payslips only after the admin allows it, journalling each read", async () => {
    const admin = await server.login('admin');
    const sections = FileSections.filter((section) => section !== 'PAYROLL');
    const setSections = (list: string[]) =>
      server.gql(
        `mutation($s: [FileSection!]) { updateOrganizationSettings(input: { managerSections: $s }) { managerSections } }`,
        { s: list },
        admin,
      );
    await setSections([...sections, 'PAYROLL']);
    try {
      const result = await as<Payslips>('manager', payslips, { employeeId: files.employee });
      expect(result.errors).toBeUndefined();
      expect(result.data!.payslips.length).toBeGreaterThan(0);
      const { AccessLogEntry } = await import('../access-log/access-log.entity.js');
      const reads = await server.orm.em.fork().find(AccessLogEntry, {
        actorLogin: 'manager',
        subjectEmployeeId: files.employee,
        section: 'PAYROLL',
        allowed: true,
      });
      expect(reads.length).toBeGreaterThan(0);
    } finally {
      await setSections(sections);
    }
  });
});

describe('demo payroll', () => {
  it("pays each annual leave's holiday pay once, for its days, in the month it goes out at least 3 days ahead (ст. 136 ТК)", async () => {
    const em = server.orm.em.fork();
    const rows = await em.execute<
      {
        start: string;
        days: number;
        paid_days: number;
        paid_on: string | null;
        month: string;
        hired: string;
      }[]
    >(
      `select l.start_date::text as start, l.days, pl.days as paid_days, pay."paidOn" as paid_on,
              p.start_date::text as month, e.hire_date::text as hired
         from leave_record l
         join employee e on e.id = l.employee_id
         join payslip s on s.employee_id = l.employee_id
         join payroll_period p on p.id = s.period_id
         join lateral jsonb_to_recordset(s.lines) as pl("payCode" text, name text, days int)
              on pl."payCode" = '100'
             and pl.name = 'Оплата отпуска с ' || to_char(l.start_date, 'DD.MM.YYYY')
         left join lateral jsonb_to_recordset(s.lines) as pay("payCode" text, name text, "paidOn" text)
              on pay."payCode" = '820' and pay.name like '%с ' || to_char(l.start_date, 'DD.MM.YYYY') || '%'
        where l.employee_id = ? and l.kind = 'ANNUAL_BASIC'`,
      [files.employee],
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((row) => row.start)).size).toBe(rows.length);
    for (const row of rows) {
      expect(row.paid_days).toBe(row.days);
      // A leave in the first 3 days of work can only be paid on the first.
      const due = addDays(row.start, -3) < row.hired ? row.hired : addDays(row.start, -3);
      expect(row.paid_on! <= due).toBe(true);
      expect(row.paid_on!.slice(0, 7)).toBe(row.month.slice(0, 7));
    }
  });
});
