import { spawn } from 'node:child_process';
import pg from 'pg';
import type { Account, Subjects } from './reads.js';

/** Creates the bench database when it is absent and seeds it (the seeder skips a seeded institution). */
export async function ensureDatabase(
  databaseUrl: string,
  employees: number,
  serverDir: string,
): Promise<void> {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  const admin = new URL(databaseUrl);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount === 0) {
      process.stdout.write(`Creating database ${name} …\n`);
      await client.query(`create database ${pg.escapeIdentifier(name)}`);
    }
  } finally {
    await client.end();
  }
  // The seeder runs the migrations, then adds the institution unless it is there already.
  await new Promise<void>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'src/scripts/seed.ts', '--employees', String(employees)],
      {
        cwd: serverDir,
        env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn', SEED_DEMO: 'false' },
        stdio: 'inherit',
      },
    );
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`seed exited ${code}`))));
  });
}

/** The accounts and ids the reads use, picked from the generated institution. */
export interface Cast {
  logins: Record<Account, string>;
  subjects: Subjects;
}

/**
 * Picks the HR account, the manager of the largest department, and an employee with assignments
 * and the most payslips, in the institution `npm run seed -- --employees <n>` generated.
 */
export async function findCast(databaseUrl: string, employees: number): Promise<Cast> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const org = await client.query<{ id: string }>(
      `select id from organization where external_id = $1`,
      [`bench-42-${employees}`],
    );
    const organizationId = org.rows[0]?.id;
    if (!organizationId) throw new Error(`no institution bench-42-${employees} in ${databaseUrl}`);
    const hr = await client.query<{ login: string }>(
      `select login from app_user where organization_id = $1 and 'HR' = any (roles) and status = 'ACTIVE' order by login limit 1`,
      [organizationId],
    );
    const manager = await client.query<{ login: string }>(
      `select u.login from department d
         join app_user u on u.employee_id = d.head_id and u.status = 'ACTIVE'
        where d.organization_id = $1 and d.deleted_at is null
        order by (select count(*) from employee e where e.department_id = d.id) desc, u.login limit 1`,
      [organizationId],
    );
    const employee = await client.query<{ login: string; id: string; year: number }>(
      `select u.login, e.id, max(pp.year) as year from app_user u
         join employee e on e.id = u.employee_id
         join payslip p on p.employee_id = e.id
         join payroll_period pp on pp.id = p.period_id
        where u.organization_id = $1 and u.status = 'ACTIVE' and u.roles = '{EMPLOYEE}'
          and not exists (select 1 from department d where d.head_id = e.id)
          and exists (select 1 from assignment a where a.employee_id = e.id)
        group by u.login, e.id order by count(*) desc, u.login limit 1`,
      [organizationId],
    );
    const [h, m, e] = [hr.rows[0], manager.rows[0], employee.rows[0]];
    if (!h || !m || !e)
      throw new Error('the institution lacks an HR account, a manager or an employee');
    return {
      logins: { hr: h.login, manager: m.login, employee: e.login },
      subjects: { employeeId: e.id, year: Number(e.year) },
    };
  } finally {
    await client.end();
  }
}
