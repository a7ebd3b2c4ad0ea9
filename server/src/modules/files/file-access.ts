import type { AppContext } from '../../core/context.js';
import type { StoredFile } from './stored-file.entity.js';

/**
 * May the viewer of `ctx` download `file`? A module that attaches files answers for its own
 * attachments (tasks: whoever may see the task) and false for every other file. Called with a
 * signed-in viewer only. A rule that throws fails the download (500), it never grants.
 *
 * A rule that journals the read itself, against the file it belongs to (a task's document against
 * the employee's personal file), answers `{ allowed, journalled: true }`, and the download is not
 * journalled a second time against the uploader.
 */
export type FileAccessRule = (
  ctx: AppContext,
  file: StoredFile,
) => Promise<boolean | { allowed: boolean; journalled: true }>;

/** Whether the viewer may download a file, and whether a rule has journalled it already. */
export interface FileAccessVerdict {
  allowed: boolean;
  journalled: boolean;
}

/** The uploader may download their own file: no one else, unless a registered rule says so. */
const uploaderRule: FileAccessRule = async (ctx, file) =>
  ctx.viewer !== null && file.uploadedBy.id === ctx.viewer.userId;

const rules: FileAccessRule[] = [uploaderRule];

/**
 * Adds a rule (module-level: register at import time, once). Rules are OR-ed: a file is
 * downloadable when any rule grants it, and by no one otherwise. Returns a function that removes
 * the rule again (for tests).
 */
export function registerFileAccess(rule: FileAccessRule): () => void {
  rules.push(rule);
  return () => {
    const index = rules.indexOf(rule);
    if (index > 0) rules.splice(index, 1);
  };
}

/** Allowed when some rule grants the viewer `file`; deny by default. Rules run in order, first yes wins. */
export async function mayDownload(ctx: AppContext, file: StoredFile): Promise<FileAccessVerdict> {
  let journalled = false;
  if (!ctx.viewer) return { allowed: false, journalled };
  for (const rule of [...rules]) {
    const verdict = await rule(ctx, file);
    if (typeof verdict !== 'boolean') journalled = true;
    if (typeof verdict === 'boolean' ? verdict : verdict.allowed)
      return { allowed: true, journalled };
  }
  return { allowed: false, journalled };
}
