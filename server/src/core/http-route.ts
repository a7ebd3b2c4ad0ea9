import type express from 'express';
import { tokenFromRequest } from './auth/credentials.js';
import { appErrorOf, ErrorCode, publicErrorOf, type AppError } from './errors.js';
import type { AppContext, AppServices } from './context.js';

/**
 * HTTP statuses of the stable error codes, for the routes outside GraphQL (downloads, uploads).
 * A code not listed is a client error (400).
 */
const statusOf: Partial<Record<string, number>> = {
  [ErrorCode.Unauthenticated]: 401,
  [ErrorCode.SessionExpired]: 401,
  [ErrorCode.SessionRevoked]: 401,
  [ErrorCode.SessionInvalid]: 401,
  [ErrorCode.Forbidden]: 403,
  [ErrorCode.CsrfCheckFailed]: 403,
  [ErrorCode.NotFound]: 404,
  [ErrorCode.Conflict]: 409,
  [ErrorCode.FileTooLarge]: 413,
  [ErrorCode.FileTypeNotAllowed]: 415,
  [ErrorCode.FileTypeMismatch]: 415,
  [ErrorCode.TooManyAttempts]: 429,
  [ErrorCode.UploadQuotaExceeded]: 429,
  [ErrorCode.ServiceUnavailable]: 503,
};

/** The HTTP status an expected error answers with. */
export const httpStatusOf = (code: string): number => statusOf[code] ?? 400;

/** The body of every error a route outside GraphQL answers with. */
export interface HttpErrorBody {
  error: {
    code: string;
    message: string;
    field?: (string | number)[];
    /** With SERVICE_UNAVAILABLE, as in the Retry-After header. */
    retryAfterSeconds?: number;
  };
}

/** What the route is given: the request's AppContext, built from its session on first use. */
export type OpenContext = () => Promise<AppContext>;

/**
 * An Express handler with the GraphQL side's session handling and error contract: the context
 * comes from the same session (cookie or Bearer) through `services.openContext`; an AppError answers with
 * its status and `{ error: { code, message, field? } }`; anything else is logged and answers a bare
 * 500 INTERNAL_SERVER_ERROR. The access journal is flushed before an error answer leaves; a
 * successful handler flushes it before it answers (after that, whatever is left is flushed).
 */
export function appRoute(
  services: AppServices,
  handler: (req: express.Request, res: express.Response, open: OpenContext) => Promise<void>,
): express.RequestHandler {
  return async (req, res) => {
    let context: Promise<AppContext> | null = null;
    const open: OpenContext = () =>
      (context ??= services.openContext({
        logger: req.log,
        requestId: req.id as string,
        token: tokenFromRequest(req),
        ip: req.ip ?? null,
        userAgent: req.get('user-agent') ?? null,
        cookie: null,
      }));
    const flush = async () => {
      const ctx = await context?.catch(() => null);
      await ctx?.access.flush();
    };
    try {
      await handler(req, res, open);
      await flush();
    } catch (error) {
      await flush().catch((flushError: unknown) =>
        req.log.error({ err: flushError }, 'access journal flush failed'),
      );
      sendError(req, res, error);
    }
  };
}

/**
 * Answers `error` as JSON, or cuts the connection when the answer had already begun. A database
 * that cannot be reached answers 503 SERVICE_UNAVAILABLE with Retry-After; the driver's text is
 * only logged (redacted).
 */
export function sendError(req: express.Request, res: express.Response, error: unknown): void {
  const expected = publicErrorOf(error);
  if (!appErrorOf(error)) req.log.error({ err: error }, 'request failed');
  if (res.headersSent) {
    // A body was under way (a download): the client must not take a truncated file for a whole one.
    res.destroy();
    return;
  }
  // A refusal before the body was read (too large, not signed in): say so and close, rather than
  // keep the connection for a body no one will read.
  if (!req.complete) res.set('Connection', 'close');
  const body: HttpErrorBody = expected
    ? { error: bodyOf(expected) }
    : { error: { code: ErrorCode.Internal, message: 'Internal server error' } };
  if (body.error.retryAfterSeconds !== undefined)
    res.set('Retry-After', String(body.error.retryAfterSeconds));
  res.status(expected ? httpStatusOf(body.error.code) : 500).json(body);
}

/** The client's view of an expected error: its code, message, field path and retry hint. */
function bodyOf(error: AppError): HttpErrorBody['error'] {
  const { code, field, retryAfterSeconds } = error.extensions;
  return {
    code: String(code),
    message: error.message,
    ...(Array.isArray(field) ? { field: field as (string | number)[] } : {}),
    ...(typeof retryAfterSeconds === 'number' ? { retryAfterSeconds } : {}),
  };
}
