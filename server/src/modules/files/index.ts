/**
 * Uploaded files: storage, quotas, downloads and who may read a file.
 *
 * The module's public face: other modules and the wiring import only from here.
 */
export { registerFileAccess } from './file-access.js';
export { StoredFileResolver } from './files.resolver.js';
export { registerFileRoutes } from './files.route.js';
export { claimUploads } from './files.service.js';
export { FileGqlType } from './files.type.js';
export { DiskFileStorage } from './storage.js';
export { StoredFile } from './stored-file.entity.js';
export { startFileSweeper } from './sweeper.js';
