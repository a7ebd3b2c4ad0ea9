import type { AppContext } from '../../app/context.js';
import type { StoredFile } from './stored-file.entity.js';

/**
 * May the viewer of `ctx` download `file`? A module that attaches files answers for its own
 * attachments (tasks: whoever may see the task) and false for every other file. Called with a
 * signed-in viewer only. A rule that throws fails the download (500), it never grants.
 */
export type FileAccessRule = (ctx: AppContext, file: StoredFile) => Promise<boolean>;

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

/** True when some rule grants the viewer `file`; deny by default. Rules run in order, first yes wins. */
export async function mayDownload(ctx: AppContext, file: StoredFile): Promise<boolean> {
  if (!ctx.viewer) return false;
  for (const rule of [...rules]) {
    if ((await rule(ctx, file)) === true) return true;
  }
  return false;
}
