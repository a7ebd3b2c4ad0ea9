import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { DEFAULT_TIME_ZONE, Organization } from '../modules/organization/index.js';
import type { GeneratedEmployee, GeneratedInstitution } from './institution.generator.js';
import { seedInstitution, type SeedAccount } from './institution.seeder.js';
import { seedIndicators } from './kpi.seeder.js';
import { todayIn } from '../core/time.js';
import type { PasswordCost } from '../modules/identity/index.js';

/** The password of every demo account; printed at start, so never use the demo outside a demo. */
export const DEMO_PASSWORD = 'demo1234';
export const DEMO_SEED = 7;
export const DEMO_EMPLOYEES = 60;

export interface DemoSeedResult {
  organizationName: string;
  logins: string[];
}

const demoOrganization = {
  name: 'Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 7»',
  shortName: 'МБОУ «СОШ № 7»',
  inn: '3109004417',
  kpp: '310901001',
  address: '309110, Белгородская обл., пос. Ивня, ул. Школьная, д. 7',
};

/** Gives the demo accounts their people: who they are decides what each login can later see. */
function demoAccounts(institution: GeneratedInstitution): SeedAccount[] {
  const department = (code: string) => institution.departments.find((unit) => unit.code === code)!;
  const position = (name: string) => institution.positions.find((item) => item.name === name);
  const heads = new Set(institution.departments.map((unit) => unit.headId));
  const claimed = new Set<string>();

  // Takes an active staff member of the unit (moving one in if it has none) and sets the position.
  const claim = (code: string, positionName: string): GeneratedEmployee => {
    const unit = department(code);
    const isFree = (employee: GeneratedEmployee) =>
      !heads.has(employee.id) && !employee.dismissalDate && !claimed.has(employee.id);
    const employee =
      institution.employees.find((item) => item.departmentId === unit.id && isFree(item)) ??
      institution.employees.find(isFree)!;
    employee.departmentId = unit.id;
    const target = position(positionName);
    if (target) employee.positionId = target.id;
    claimed.add(employee.id);
    return employee;
  };

  const manager = institution.employees.find((item) => item.id === department('МО-ЕН').headId)!;
  claimed.add(manager.id);
  return [
    {
      login: 'admin',
      roles: ['EMPLOYEE', 'ADMIN'],
      employeeId: claim('АДМ', 'Инженер-программист').id,
    },
    { login: 'hr', roles: ['EMPLOYEE', 'HR'], employeeId: claim('ОК', 'Специалист по кадрам').id },
    {
      login: 'accountant',
      roles: ['EMPLOYEE', 'ACCOUNTANT'],
      employeeId: claim('БУХ', 'Бухгалтер по расчёту заработной платы').id,
    },
    { login: 'manager', roles: ['EMPLOYEE'], employeeId: manager.id },
    { login: 'employee', roles: ['EMPLOYEE'], employeeId: claim('МО-ЕН', 'Учитель').id },
    { login: 'other', roles: ['EMPLOYEE'], employeeId: claim('МО-ГУМ', 'Учитель').id },
    {
      login: 'guest',
      roles: ['EXTERNAL'],
      employeeId: null,
      displayName: 'Ковалёва Ирина Петровна (ООО «Аудит-Консалт»)',
      email: 'i.kovaleva@audit-konsalt.example.ru',
    },
  ];
}

/** Seeds the demo school into an empty database; returns null when the database has data already. */
export async function seedDemoIfEmpty(
  em: EntityManager,
  logger: Logger,
  passwordCost: PasswordCost = 'standard',
): Promise<DemoSeedResult | null> {
  if ((await em.count(Organization, {})) > 0) {
    const demo = await em.findOne(Organization, { externalSource: 'seed', externalId: 'demo' });
    return demo ? { organizationName: demo.name, logins: demoLogins } : null;
  }
  const result = await seedInstitution(em, {
    seed: DEMO_SEED,
    employees: DEMO_EMPLOYEES,
    organization: demoOrganization,
    externalId: 'demo',
    emailDomain: 'school7.example.ru',
    loginPrefix: null,
    password: DEMO_PASSWORD,
    passwordCost,
    adjust: demoAccounts,
    payrollMonths: 36,
  });
  await seedIndicators(em, result.organizationId, todayIn(DEFAULT_TIME_ZONE), DEMO_SEED);
  logger.info(
    { employees: result.employees, departments: result.departments },
    'demo institution seeded',
  );
  return { organizationName: demoOrganization.name, logins: demoLogins };
}

const demoLogins = ['admin', 'hr', 'accountant', 'manager', 'employee', 'other', 'guest'];
