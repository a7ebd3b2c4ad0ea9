/**
 * Tasks (обращения): requests, transitions, messages, documents, deputies and file corrections.
 *
 * The module's public face: other modules and the wiring import only from here.
 */
export { DeputyResolver } from './deputy.resolver.js';
export { FileErrorReport } from './file-error-report.entity.js';
export { FileErrorReportResolver } from './file-error-report.resolver.js';
export { TaskFieldsResolver } from './task-fields.resolver.js';
export {
  TaskAttachmentResolver,
  TaskEventResolver,
  TaskMessageResolver,
} from './task-parts.resolver.js';
export { TaskStreamResolver } from './task-stream.resolver.js';
export { queueMembers } from './task.change.js';
export {
  Deputy,
  Task,
  TaskAttachment,
  TaskEvent,
  TaskMessage,
  TaskReadMarker,
} from './task.entity.js';
export { startOverdueSweeper } from './task.overdue.js';
export { TaskPolicy } from './task.policy.js';
export { TaskResolver } from './task.resolver.js';
export { TaskService, type OpenSummary } from './task.service.js';
export { TaskGqlType, TaskPersonType } from './task.type.js';
