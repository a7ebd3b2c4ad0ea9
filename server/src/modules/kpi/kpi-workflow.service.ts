import type { EntityManager } from '@mikro-orm/postgresql';
import { forbidden } from '../../core/auth/viewer.js';
import { AppError, badInput, ErrorCode, notFound } from '../../core/errors.js';
import { Employee, managerOf } from '../employee/index.js';
import { User } from '../identity/index.js';
import { writeNotifications } from '../notification/index.js';
import { queueMembers } from '../task/index.js';
import { IndicatorValue, type EvaluationSheet, type SheetStatus } from './kpi.entity.js';
import { weightsComplete } from './kpi.rules.js';
import { KpiUseCase, sheetSteps, type SheetAction } from './kpi.use-case.js';

const ruLabel: Record<SheetStatus, string> = {
  DRAFT: 'возвращён на доработку',
  SUBMITTED: 'передан руководителю',
  AGREED: 'согласован руководителем',
  APPROVED: 'утверждён',
};

/** An evaluation sheet's way to approval: submit, agree, approve, or return for rework. */
export class KpiWorkflowService extends KpiUseCase {
  /** Moves a sheet one step: submit, agree, approve, or return for rework (with a comment). */
  async act(
    sheetId: string,
    action: SheetAction,
    comment: string | null,
  ): Promise<EvaluationSheet> {
    const viewer = this.viewer;
    const note = comment?.trim() || null;
    const tx = this.unit.em;
    const sheet = await this.lockSheet(tx, sheetId);
    const employee = await tx.findOneOrFail(Employee, { id: sheet.employee.id });
    const actors = await this.policy().actorsOn(employee);
    if (actors.size === 0 || (actors.size === 1 && actors.has('INTEGRATION'))) {
      throw notFound('Evaluation sheet', sheetId);
    }
    const step = sheetSteps[action]?.find((candidate) => candidate.from.includes(sheet.status));
    if (!step) {
      throw new AppError(
        ErrorCode.TransitionNotAllowed,
        `${action} is not possible while the sheet is ${sheet.status}`,
        { field: ['action'], details: { status: sheet.status } },
      );
    }
    if (!step.by.some((by) => actors.has(by))) throw forbidden(`You may not ${action} this sheet`);
    if (step.requiresComment && !note) {
      throw new AppError(ErrorCode.CommentRequired, `${action} needs a comment`, {
        field: ['comment'],
      });
    }
    if (action === 'SUBMIT') await this.checkComplete(tx, sheet);
    const from = sheet.status;
    sheet.status = step.to;
    await tx.flush();
    this.event(tx, sheet, action, from, step.to, note);
    const recipients = await this.nextPeople(tx, employee, step.to);
    await writeNotifications(
      this.unit,
      recipients
        .filter((userId) => userId !== viewer.userId)
        .map((userId) =>
          this.note(userId, sheet, `Оценочный лист ${sheet.period}: ${ruLabel[step.to]}`, note),
        ),
    );
    return sheet;
  }

  /** A sheet is submitted whole: every fact in, weights of 100 %. */
  private async checkComplete(tx: EntityManager, sheet: EvaluationSheet): Promise<void> {
    const values = await tx.find(IndicatorValue, { sheet: sheet.id }, { populate: ['indicator'] });
    const missing = values.filter((value) => value.fact === null);
    if (missing.length > 0) {
      throw badInput(
        ['sheetId'],
        `Facts missing: ${missing.map((value) => value.indicator.getEntity().name).join(', ')}`,
      );
    }
    if (!weightsComplete(values.map((value) => value.weight))) {
      throw new AppError(ErrorCode.WeightsNot100, 'The weights of a sheet make 100 %', {
        field: ['sheetId'],
      });
    }
  }

  /** Who acts next: the manager for a submitted sheet, HR for an agreed one, the employee else. */
  private async nextPeople(
    tx: EntityManager,
    employee: Employee,
    status: SheetStatus,
  ): Promise<string[]> {
    if (status === 'SUBMITTED') {
      const manager = await managerOf(employee, this.ctx.loaders);
      const user = manager
        ? await tx.findOne(User, { employee: manager.id, status: 'ACTIVE' })
        : null;
      return user ? [user.id] : [];
    }
    if (status === 'AGREED') return queueMembers(tx, employee.organization.id, 'HR');
    const owner = await tx.findOne(User, { employee: employee.id, status: 'ACTIVE' });
    return owner ? [owner.id] : [];
  }
}
