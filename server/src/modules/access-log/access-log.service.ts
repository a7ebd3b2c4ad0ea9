import type { FilterQuery } from '@mikro-orm/core';
import { viewerOf, type AppContext } from '../../core/context.js';
import { forbidden } from '../../core/auth/viewer.js';
import { authorize } from '../../core/policy.js';
import { accessLogActions } from './access-log.policy.js';
import { checkPageSize, type Connection } from '../../core/graphql/connection.js';
import { pageOf } from '../../core/orm/pagination.js';
import { AccessLogEntry } from './access-log.entity.js';

type Page = { first: number; after?: string | null };

/** Reads the access journal: owners see who viewed their file, ADMIN sees the organization's. */
export class AccessLogService {
  constructor(private readonly ctx: AppContext) {}

  /** Entries about the viewer's own file, newest first, other people's actions only. */
  mine(page: Page): Promise<Connection<AccessLogEntry>> {
    const viewer = viewerOf(this.ctx);
    if (!viewer.employeeId) throw forbidden('Only employees have a personal file');
    return this.page(page, {
      subjectEmployeeId: viewer.employeeId,
      actorUserId: { $ne: viewer.userId },
    });
  }

  /** ADMIN: the organization's journal, newest first, optionally about one employee. */
  all(
    page: Page,
    subjectEmployeeId: string | null | undefined,
  ): Promise<Connection<AccessLogEntry>> {
    const viewer = viewerOf(this.ctx);
    authorize(viewer, accessLogActions.readAll);
    return this.page(page, {
      organizationId: viewer.organizationId,
      ...(subjectEmployeeId ? { subjectEmployeeId } : {}),
    });
  }

  private page(page: Page, where: FilterQuery<AccessLogEntry>) {
    return pageOf(this.ctx.em, AccessLogEntry, where, {
      first: checkPageSize(page.first),
      after: page.after ?? null,
      orderBy: { at: 'desc', id: 'desc' },
    });
  }
}
