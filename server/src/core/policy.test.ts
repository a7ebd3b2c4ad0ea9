import fs from 'node:fs';
import path from 'node:path';
import 'reflect-metadata';
import { describe, expect, it } from 'vitest';
// The wiring's resolver registry loads every module, and with them every module's policy.
import '../app/resolvers.js';
import type { Role, Viewer } from './auth/viewer.js';
import { AppError } from './errors.js';
import {
  authorize,
  can,
  definePolicy,
  policyAction,
  policyActions,
  type Action,
} from './policy.js';

/** An action of the catalog by name, to ask about any subject. */
const action = (name: string) => policyAction(name) as unknown as Action<unknown>;

const viewer = (roles: Role[], employeeId: string | null = 'e-1'): Viewer => ({
  userId: 'u-1',
  login: 'someone',
  organizationId: 'o-1',
  employeeId,
  sessionId: 's-1',
  roles: new Set(roles),
});

describe('the policy mechanism', () => {
  const probe = definePolicy('probe', {
    open: (v) => v.roles.has('HR'),
    own: (v, subject: { userId: string }) => subject.userId === v.userId,
  });

  it('asks the rule, denies when there is no viewer, and authorize throws FORBIDDEN', () => {
    expect(probe.open.name).toBe('probe.open');
    expect(can(viewer(['HR']), probe.open)).toBe(true);
    expect(can(viewer(['EMPLOYEE']), probe.open)).toBe(false);
    expect(can(null, probe.open)).toBe(false);
    expect(can(viewer([]), probe.own, { userId: 'u-1' })).toBe(true);
    expect(can(viewer([]), probe.own, { userId: 'u-2' })).toBe(false);
    let refusal: unknown = null;
    try {
      authorize(viewer(['EMPLOYEE']), probe.open);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(AppError);
    expect((refusal as AppError).extensions['code']).toBe('FORBIDDEN');
  });

  it('refuses an action defined twice', () => {
    expect(() => definePolicy('probe', { open: () => true })).toThrow(/defined twice/);
  });
});

describe('the catalog of actions', () => {
  const roles: Role[] = [
    'EMPLOYEE',
    'MANAGER',
    'HR',
    'ACCOUNTANT',
    'ADMIN',
    'EXTERNAL',
    'INTEGRATION',
  ];
  /** Who may do each action that concerns nothing in particular, one role at a time. */
  const whoMay = (name: string, employeeId: string | null) =>
    roles.filter((role) => action(name).rule(viewer([role], employeeId), undefined));

  // The right of each role, as the README's "Who sees what" says it. A change here is a change of
  // who may do what in the product: it must be deliberate.
  it.each([
    ['accessLog.readAll', ['ADMIN']],
    ['calendar.setDay', ['HR', 'ADMIN']],
    ['dashboard.seeTeam', ['MANAGER', 'HR']],
    ['identity.manageIntegrationTokens', ['ADMIN']],
    ['identity.reviewRegistrations', ['ADMIN']],
    ['integration.importRecords', ['INTEGRATION']],
    ['integration.readImportRuns', ['ADMIN']],
    ['kpi.approveAgreedSheets', ['HR']],
    ['notification.announce', ['HR']],
    ['organization.alwaysSendApiDocuments', ['ADMIN']],
    ['organization.updateSettings', ['ADMIN']],
    ['payroll.followAcknowledgements', ['ACCOUNTANT']],
    ['payroll.seeUnpublished', ['HR', 'ACCOUNTANT']],
    ['payroll.writePayslips', ['ACCOUNTANT', 'INTEGRATION']],
    ['system.diagnostics', ['ADMIN']],
    ['task.reviewFileErrorReports', ['HR']],
    ['task.seeAllDeputies', ['HR']],
  ])('%s: %j', (name, expected) => {
    expect(whoMay(name, 'e-1')).toEqual(expected);
    expect(whoMay(name, null)).toEqual(expected);
  });

  it('reads the catalogue and the departments as a member, never as a third party without a file', () => {
    expect(whoMay('kpi.readCatalogue', null)).toEqual(['HR', 'ADMIN', 'INTEGRATION']);
    expect(whoMay('kpi.readCatalogue', 'e-1')).toEqual(roles);
    expect(whoMay('employee.readDepartments', null)).toEqual(roles.filter((r) => r !== 'EXTERNAL'));
  });

  it('decides about a subject by the subject', () => {
    const own = { userId: 'u-1' };
    expect(can(viewer(['EMPLOYEE']), action('task.nameDeputy'), own.userId)).toBe(true);
    expect(can(viewer(['EMPLOYEE'], null), action('task.nameDeputy'), 'u-1')).toBe(false);
    expect(can(viewer(['EMPLOYEE']), action('task.nameDeputy'), 'u-2')).toBe(false);
    expect(can(viewer(['HR'], null), action('task.nameDeputy'), 'u-2')).toBe(true);
    const deputy = (organizationId: string, principalUserId: string) => ({
      organizationId,
      principalUserId,
    });
    const revoke = action('task.revokeDeputy');
    expect(can(viewer(['EMPLOYEE']), revoke, deputy('o-1', 'u-1'))).toBe(true);
    expect(can(viewer(['EMPLOYEE']), revoke, deputy('o-1', 'u-2'))).toBe(false);
    expect(can(viewer(['HR']), revoke, deputy('o-1', 'u-2'))).toBe(true);
    expect(can(viewer(['HR']), revoke, deputy('o-2', 'u-2'))).toBe(false);
    const fact = action('kpi.enterFact');
    const sheet = (actors: string[], status: string, started: boolean, selfAssessed: boolean) => ({
      actors: new Set(actors),
      status,
      started,
      selfAssessed,
    });
    expect(can(viewer(['EMPLOYEE']), fact, sheet(['EMPLOYEE'], 'DRAFT', true, true))).toBe(true);
    expect(can(viewer(['EMPLOYEE']), fact, sheet(['EMPLOYEE'], 'DRAFT', true, false))).toBe(false);
    expect(can(viewer(['EMPLOYEE']), fact, sheet(['EMPLOYEE'], 'SUBMITTED', true, true))).toBe(
      false,
    );
    expect(can(viewer(['MANAGER']), fact, sheet(['MANAGER'], 'AGREED', true, false))).toBe(true);
    expect(can(viewer(['MANAGER']), fact, sheet(['MANAGER'], 'APPROVED', true, false))).toBe(false);
    expect(can(viewer(['HR']), fact, sheet(['HR'], 'DRAFT', false, false))).toBe(false);
    const question = action('payroll.questionLine');
    expect(can(viewer(['EMPLOYEE']), question, 'e-1')).toBe(true);
    expect(can(viewer(['EMPLOYEE']), question, 'e-2')).toBe(false);
    expect(can(viewer(['ACCOUNTANT']), question, 'e-2')).toBe(true);
  });

  it('lists every action the modules define, each tested above', () => {
    expect(policyActions().filter((name) => !name.startsWith('probe.'))).toEqual([
      'accessLog.readAll',
      'calendar.setDay',
      'dashboard.seeTeam',
      'employee.readDepartments',
      'identity.manageIntegrationTokens',
      'identity.reviewRegistrations',
      'integration.importRecords',
      'integration.readImportRuns',
      'kpi.approveAgreedSheets',
      'kpi.enterFact',
      'kpi.readCatalogue',
      'notification.announce',
      'organization.alwaysSendApiDocuments',
      'organization.updateSettings',
      'payroll.followAcknowledgements',
      'payroll.questionLine',
      'payroll.seeUnpublished',
      'payroll.writePayslips',
      'system.diagnostics',
      'task.nameDeputy',
      'task.reviewFileErrorReports',
      'task.revokeDeputy',
      'task.seeAllDeputies',
    ]);
  });
});

describe('role checks in the source', () => {
  it('live in policies only: *.policy.ts and core/auth, never ad hoc in a service or resolver', () => {
    const srcDir = path.resolve(import.meta.dirname, '..');
    const offenders = fs
      .readdirSync(srcDir, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
      .filter((file) => !file.endsWith('.policy.ts') && !file.startsWith('core/'))
      .flatMap((file) =>
        fs
          .readFileSync(path.join(srcDir, file), 'utf8')
          .split('\n')
          .flatMap((line, index) =>
            /\b(hasRole|requireRole)\(/.test(line) ? [`${file}:${index + 1}`] : [],
          ),
      );
    expect(offenders).toEqual([]);
  });
});
