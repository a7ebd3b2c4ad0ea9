import { forbidden } from '../../core/auth/viewer.js';
import { can } from '../../core/policy.js';
import { taskActions } from './task.policy.js';
import { AppError, badInput, ErrorCode, notFound } from '../../core/errors.js';
import { isLocalDate } from '../../core/graphql/scalars.js';
import { isUuid } from '../../core/ids.js';
import { User } from '../identity/index.js';
import { Deputy } from './task.entity.js';

import { TaskUseCase } from './task.service.js';

/** Замещение: who stands in for whom, named by the principal or by HR. */
export class DeputyService extends TaskUseCase {
  /** Names a deputy for a period: the viewer for themselves, or HR for anyone in the organization. */
  async setDeputy(input: {
    principalUserId?: string | null;
    deputyUserId: string;
    startDate: string;
    endDate: string;
  }): Promise<Deputy> {
    const viewer = this.viewer;
    const principalId = input.principalUserId ?? viewer.userId;
    if (!can(viewer, taskActions.nameDeputy, principalId)) {
      throw forbidden(
        principalId === viewer.userId
          ? 'Only employees name deputies'
          : 'Only HR names a deputy for someone else',
      );
    }
    if (!isLocalDate(input.startDate)) throw badInput(['input', 'startDate'], 'Not a date');
    if (!isLocalDate(input.endDate) || input.endDate < input.startDate) {
      throw badInput(['input', 'endDate'], 'A date from the start on');
    }
    const today = await this.policy().today();
    if (input.endDate < today) throw badInput(['input', 'endDate'], 'The period is over');
    if (principalId === input.deputyUserId) {
      throw badInput(['input', 'deputyUserId'], 'Someone else stands in');
    }
    const em = this.unit.em;
    const colleague = (id: string) =>
      isUuid(id)
        ? em.findOne(User, {
            id,
            organization: viewer.organizationId,
            status: 'ACTIVE',
            employee: { $ne: null },
          })
        : Promise.resolve(null);
    const [principal, deputy] = await Promise.all([
      colleague(principalId),
      colleague(input.deputyUserId),
    ]);
    if (!principal) throw badInput(['input', 'principalUserId'], 'Not a colleague');
    if (!deputy) throw badInput(['input', 'deputyUserId'], 'Not a colleague');
    const overlapping = await em.count(Deputy, {
      principal: principal.id,
      revokedAt: null,
      startDate: { $lte: input.endDate },
      endDate: { $gte: input.startDate },
    });
    if (overlapping > 0) {
      throw new AppError(ErrorCode.Conflict, 'Another deputy stands in during this period', {
        field: ['input', 'startDate'],
      });
    }
    const row = em.create(Deputy, {
      organization: viewer.organizationId,
      principal,
      deputy,
      startDate: input.startDate,
      endDate: input.endDate,
      createdBy: em.getReference(User, viewer.userId),
    });
    await em.flush();
    return row;
  }

  async revokeDeputy(id: string): Promise<Deputy> {
    const viewer = this.viewer;
    const row = isUuid(id) ? await this.ctx.em.findOne(Deputy, { id }) : null;
    const mine =
      row &&
      can(viewer, taskActions.revokeDeputy, {
        organizationId: row.organization.id,
        principalUserId: row.principal.id,
      });
    if (!row || !mine) throw notFound('Deputy', id);
    row.revokedAt ??= new Date();
    await this.unit.em.flush();
    return row;
  }

  /** The deputies the viewer named or is named as, current and future. */
  async deputies(): Promise<Deputy[]> {
    const viewer = this.viewer;
    const today = await this.policy().today();
    return this.ctx.em.find(
      Deputy,
      {
        organization: viewer.organizationId,
        revokedAt: null,
        endDate: { $gte: today },
        ...(can(viewer, taskActions.seeAllDeputies)
          ? {}
          : { $or: [{ principal: viewer.userId }, { deputy: viewer.userId }] }),
      },
      { orderBy: { startDate: 'asc', id: 'asc' } },
    );
  }
}
