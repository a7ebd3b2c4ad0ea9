import { viewerOf, type AppContext } from '../../app/context.js';
import { forbidden, requireRole } from '../../core/auth/viewer.js';
import { badInput } from '../../core/errors.js';
import { User } from '../identity/user.entity.js';
import type { FileSection } from '../organization/organization-settings.entity.js';
import { Employee } from '../employee/employee.entity.js';
import { FileErrorReport } from './file-error-report.entity.js';

/** Employees flag what is wrong in their file; HR sees the open reports (tasks take over later). */
export class FileErrorReportService {
  constructor(private readonly ctx: AppContext) {}

  async report(section: FileSection, comment: string): Promise<FileErrorReport> {
    const viewer = viewerOf(this.ctx);
    if (!viewer.employeeId) throw forbidden('Only employees have a personal file');
    const text = comment.trim();
    if (text.length < 3 || text.length > 2000) {
      throw badInput(['comment'], 'Describe the error in 3 to 2000 characters');
    }
    const report = this.ctx.em.create(FileErrorReport, {
      employee: this.ctx.em.getReference(Employee, viewer.employeeId),
      reportedBy: this.ctx.em.getReference(User, viewer.userId),
      section,
      comment: text,
    });
    await this.ctx.em.flush();
    return report;
  }

  /** HR: the open reports of the organization, oldest first. */
  open(): Promise<FileErrorReport[]> {
    const viewer = viewerOf(this.ctx);
    requireRole(viewer, 'HR');
    return this.ctx.em.find(
      FileErrorReport,
      { employee: { organization: viewer.organizationId }, resolvedAt: null },
      { orderBy: { createdAt: 'asc', id: 'asc' } },
    );
  }
}
