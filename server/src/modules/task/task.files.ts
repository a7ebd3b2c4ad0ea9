import { viewerOf } from '../../core/context.js';
import { registerFileAccess } from '../files/index.js';
import { TaskAttachment } from './task.entity.js';
import { TaskPolicy } from './task.policy.js';

/**
 * A file attached to a task is downloadable by whoever may see the task. A download of a document
 * about someone else's employment (a certificate, an order) is journalled against their file; the
 * employee reading their own task's document is not journalled (nor against the uploader).
 */
registerFileAccess(async (ctx, file) => {
  const attachment = await ctx.em.findOne(
    TaskAttachment,
    { file: file.id },
    { populate: ['task'] },
  );
  if (!attachment) return false;
  const viewer = viewerOf(ctx);
  const task = attachment.task.getEntity();
  const allowed = await new TaskPolicy(viewer, ctx).canSee(task);
  if (task.subject && task.subject.id !== viewer.employeeId) {
    ctx.access.record({
      subjectEmployeeId: task.subject.id,
      section: 'TASK_DOCUMENT',
      action: allowed ? 'READ' : 'DENIED',
      allowed,
      operation: 'downloadFile',
    });
  }
  return { allowed, journalled: true };
});
