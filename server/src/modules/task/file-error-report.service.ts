import { viewerOf, type AppContext } from '../../core/context.js';
import { unitOf } from '../../core/unit-of-work.js';
import { forbidden } from '../../core/auth/viewer.js';
import { authorize } from '../../core/policy.js';
import { badInput } from '../../core/errors.js';
import { User } from '../identity/index.js';
import type { FileSection } from '../organization/index.js';
import { Employee } from '../employee/index.js';
import { FileErrorReport } from './file-error-report.entity.js';
import { TaskPolicy, taskActions } from './task.policy.js';
import { openFileCorrection } from './task-requests.service.js';

/** Employees flag what is wrong in their file; each report opens a correction task for HR. */
export class FileErrorReportService {
  constructor(private readonly ctx: AppContext) {}

  async report(section: FileSection, comment: string): Promise<FileErrorReport> {
    const viewer = viewerOf(this.ctx);
    if (!viewer.employeeId) throw forbidden('Only employees have a personal file');
    const text = comment.trim();
    if (text.length < 3 || text.length > 2000) {
      throw badInput(['comment'], 'Describe the error in 3 to 2000 characters');
    }
    const employeeId = viewer.employeeId;
    const today = await new TaskPolicy(viewer, this.ctx).today();
    const unit = unitOf(this.ctx);
    const tx = unit.em;
    const report = tx.create(FileErrorReport, {
      employee: tx.getReference(Employee, employeeId),
      reportedBy: tx.getReference(User, viewer.userId),
      section,
      comment: text,
    });
    await tx.flush();
    // HR works the report as a personal-file correction task with the 152-ФЗ deadline.
    await openFileCorrection(unit, viewer, report, today);
    return report;
  }

  /** HR: the open reports of the organization, oldest first. */
  open(): Promise<FileErrorReport[]> {
    const viewer = viewerOf(this.ctx);
    authorize(viewer, taskActions.reviewFileErrorReports);
    return this.ctx.em.find(
      FileErrorReport,
      { employee: { organization: viewer.organizationId }, resolvedAt: null },
      { orderBy: { createdAt: 'asc', id: 'asc' } },
    );
  }
}
