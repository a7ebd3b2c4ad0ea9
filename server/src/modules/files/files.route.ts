import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import busboy from 'busboy';
import type express from 'express';
import { viewerOf, type AppServices } from '../../core/context.js';
import { appRoute } from '../../core/http-route.js';
import { credentialsFromRequest } from '../../core/auth/credentials.js';
import { originAllowed } from '../../core/auth/origin.js';
import { AppError, badInput, ErrorCode } from '../../core/errors.js';
import { attachmentDisposition } from './file-name.js';
import { fileTooLarge, FilesService, type ReceivedFile } from './files.service.js';
import { StoredObjectMissingError } from './storage.js';

/** The header a page of ours sets on uploads; another site cannot without a CORS preflight. */
export const UPLOAD_CSRF_HEADER = 'x-requested-with';
export const UPLOAD_CSRF_VALUE = 'kabinet';

/** Room for the multipart envelope (boundaries, part headers) around the file itself. */
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

/** The JSON `POST /files` answers with (201). */
export interface UploadResponse {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
}

/**
 * `POST /files` (multipart, one file part named `file`) and `GET /files/:id`, with the session
 * and error contract of the other routes outside GraphQL. `:id` is one path segment, so
 * `/files/payslips/<id>.pdf` is never taken for it.
 */
export function registerFileRoutes(app: express.Express, services: AppServices): void {
  const limitBytes = services.config.files.uploadMaxBytes;

  app.post(
    '/files',
    appRoute(services, async (req, res, open) => {
      checkCsrf(req, services.config.allowedOrigins);
      const ctx = await open();
      viewerOf(ctx);
      if (!req.is('multipart/form-data')) {
        throw new AppError(
          ErrorCode.BadRequest,
          'Send multipart/form-data with one file in a part named "file"',
        );
      }
      // A body announced too large is refused before a byte of it is read.
      const announced = Number(req.get('content-length') ?? Number.NaN);
      if (announced > limitBytes + MULTIPART_OVERHEAD_BYTES) throw fileTooLarge(limitBytes);
      const files = new FilesService(ctx, services.files);
      await files.checkQuota();
      const received = await receiveSingleFile(
        req,
        (stream, info) => files.receive(stream, info, limitBytes),
        (unwanted) => files.discard(unwanted),
      );
      const file = await files.record(received);
      const body: UploadResponse = {
        id: file.id,
        fileName: file.fileName,
        contentType: file.contentType,
        size: file.size,
        sha256: file.sha256,
      };
      res.status(201).set('Location', `/files/${file.id}`).json(body);
    }),
  );

  app.get(
    '/files/:id',
    appRoute(services, async (req, res, open) => {
      const ctx = await open();
      const file = await new FilesService(ctx, services.files).forDownload(
        String(req.params['id']),
      );
      // The journal is written before a byte leaves.
      await ctx.access.flush();
      const etag = `"${file.sha256}"`;
      res.set({
        'Cache-Control': 'private, no-store',
        'X-Content-Type-Options': 'nosniff',
        'Content-Security-Policy': "default-src 'none'; sandbox",
        'Cross-Origin-Resource-Policy': 'same-origin',
        ETag: etag,
      });
      if (ifNoneMatch(req.get('if-none-match'), etag)) {
        res.status(304).end();
        return;
      }
      const fileHeaders = {
        'Content-Type': file.contentType,
        'Content-Length': String(file.size),
        'Content-Disposition': attachmentDisposition(file.fileName),
      };
      if (req.method === 'HEAD') {
        res.status(200).set(fileHeaders).end();
        return;
      }
      // Opened before the file's headers are set: a failure still answers a plain JSON error.
      let stream: Readable;
      try {
        stream = await services.files.open(file.storageKey);
      } catch (error) {
        if (error instanceof StoredObjectMissingError) {
          ctx.logger.error({ fileId: file.id, storageKey: file.storageKey }, 'stored file missing');
        }
        throw error;
      }
      res.set(fileHeaders);
      res.status(200);
      try {
        await pipeline(stream, res);
      } catch (error) {
        // The client went away mid-download: nothing to answer, nothing to log as a failure.
        if ((error as NodeJS.ErrnoException).code === 'ERR_STREAM_PREMATURE_CLOSE') return;
        throw error;
      }
    }),
  );
}

/**
 * A cookie-authenticated upload must come from a page of ours: an `Origin` of this server or of
 * ALLOWED_ORIGINS, and `X-Requested-With: kabinet`, which a cross-site form cannot send and a
 * cross-site script can only after a CORS preflight this server does not grant. Bearer tokens are
 * set by the caller's own code and need neither. (The cookie is also SameSite=Strict; this covers
 * sibling subdomains and browsers that do not honour it.)
 */
function checkCsrf(req: express.Request, allowedOrigins: readonly string[]): void {
  if (credentialsFromRequest(req)?.source !== 'cookie') return;
  if (!originAllowed(req, allowedOrigins)) {
    throw new AppError(
      ErrorCode.CsrfCheckFailed,
      req.get('origin')
        ? 'Uploads with the session cookie are accepted from this site only'
        : 'Uploads with the session cookie need an Origin header',
    );
  }
  if (req.get(UPLOAD_CSRF_HEADER) !== UPLOAD_CSRF_VALUE) {
    throw new AppError(
      ErrorCode.CsrfCheckFailed,
      `Uploads with the session cookie need the header X-Requested-With: ${UPLOAD_CSRF_VALUE}`,
    );
  }
}

/** `If-None-Match` lists `etag` (or is `*`). */
function ifNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === etag || tag === '*');
}

/**
 * Parses the multipart body as it arrives and hands the one file part to `store`. Any other part
 * (a second file, a field) refuses the whole upload, and what `store` stored is discarded: it
 * resolves only once the body has been read to its end and found to hold exactly one file. On a
 * refusal it stops reading; the answer closes the connection.
 */
function receiveSingleFile(
  req: express.Request,
  store: (stream: Readable, info: { fileName: string; mimeType: string }) => Promise<ReceivedFile>,
  discard: (received: ReceivedFile) => Promise<void>,
): Promise<ReceivedFile> {
  return new Promise<ReceivedFile>((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        // Browsers send the name as raw UTF-8; busboy's default would read it as Latin-1.
        defParamCharset: 'utf8',
        // A second file or any field is reported (filesLimit, fieldsLimit) and refuses the upload;
        // past two parts busboy stops looking (its partsLimit event fires on a lawful one, too).
        limits: { files: 1, fields: 0, parts: 2, headerPairs: 20, fieldNameSize: 100 },
      });
    } catch {
      reject(new AppError(ErrorCode.BadRequest, 'The multipart body has no boundary'));
      return;
    }
    let stored: Promise<ReceivedFile> | null = null;
    let problem: AppError | null = null;
    let settled = false;

    const refuse = (error: Error) => {
      if (settled) return;
      settled = true;
      req.unpipe(parser);
      // Fails a file stream still flowing, so `store` stops and removes what it wrote…
      parser.destroy();
      // …and whatever it had stored whole goes too.
      void stored?.then(discard, () => undefined);
      reject(error);
    };
    const note = (error: AppError) => {
      problem ??= error;
    };
    const exactlyOne = () => badInput(['file'], 'Send exactly one file, in a part named "file"');

    parser.on('file', (name, stream, info) => {
      if (name !== 'file' || stored) {
        note(exactlyOne());
        stream.resume();
        return;
      }
      stored = store(stream, { fileName: info.filename ?? '', mimeType: info.mimeType ?? '' });
      stored.catch((error: Error) => refuse(error));
    });
    parser.on('field', () => note(exactlyOne()));
    parser.on('filesLimit', () => note(exactlyOne()));
    parser.on('fieldsLimit', () => note(exactlyOne()));
    parser.on('error', (error: Error) =>
      refuse(new AppError(ErrorCode.BadRequest, `Malformed multipart body: ${error.message}`)),
    );
    parser.on('close', () => {
      if (settled) return;
      if (!stored) {
        refuse(problem ?? badInput(['file'], 'No file: send it in a part named "file"'));
        return;
      }
      stored.then(
        (received) => {
          if (problem) {
            refuse(problem);
          } else if (!settled) {
            settled = true;
            resolve(received);
          }
        },
        () => undefined,
      );
    });
    req.on('close', () => {
      // The client hung up mid-body: the file stream fails, and `store` removes what it wrote.
      if (!req.complete) refuse(new AppError(ErrorCode.BadRequest, 'The upload was interrupted'));
    });
    req.pipe(parser);
  });
}
