import type { ApolloServerPlugin } from '@apollo/server';
import type express from 'express';
import { appErrorOf, ErrorCode, publicErrorOf, RETRY_AFTER_SECONDS } from '../core/errors.js';
import type { Orm } from '../core/orm/orm.js';
import { httpStatusOf, sendError } from '../core/http-route.js';

/** How long `/readyz` waits for the database before it answers 503 (a probe must not hang). */
export const READY_TIMEOUT_MS = 2_000;

/** `/readyz`: 200 when the database answers `select 1` in time, else 503 with Retry-After. */
export function readinessProbe(orm: Orm, timeoutMs = READY_TIMEOUT_MS): express.RequestHandler {
  return async (_req, res) => {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    const ok = await Promise.race([orm.checkConnection().then((check) => check.ok), timedOut]);
    clearTimeout(timer);
    if (ok) {
      res.json({ status: 'ready' });
      return;
    }
    res.set('Retry-After', String(RETRY_AFTER_SECONDS));
    res.status(503).json({ status: 'unavailable', reason: 'database unreachable' });
  };
}

/** A refusal by Express or body-parser (malformed JSON, too large, bad encoding): its 4xx status. */
function clientErrorStatus(error: unknown): number | null {
  const { status, statusCode } = (error ?? {}) as { status?: unknown; statusCode?: unknown };
  const code = typeof status === 'number' ? status : statusCode;
  return typeof code === 'number' && code >= 400 && code < 500 ? code : null;
}

/** A fixed message per refusal: body-parser's own would echo bits of the body. */
function clientErrorMessage(status: number, error: unknown): string {
  if ((error as { type?: unknown }).type === 'entity.parse.failed')
    return 'The request body is not valid JSON';
  if (status === 413) return 'The request body is too large';
  if (status === 415) return 'The request body has an unsupported encoding';
  if (status === 404) return 'Not found';
  return 'Bad request';
}

/**
 * The last error handler of `/graphql`: a body Express could not read answers in the
 * GraphQL-over-HTTP shape (`{ errors: [{ message, extensions: { code } }] }`), never an HTML page.
 */
export const graphqlErrorHandler: express.ErrorRequestHandler = (error, req, res, _next) => {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const status = clientErrorStatus(error);
  if (status !== null) {
    if (!req.complete) res.set('Connection', 'close');
    const message = clientErrorMessage(status, error);
    res.status(status).json({ errors: [{ message, extensions: { code: ErrorCode.BadRequest } }] });
    return;
  }
  if (!appErrorOf(error)) req.log.error({ err: error }, 'GraphQL request failed');
  const expected = publicErrorOf(error);
  const { retryAfterSeconds } = expected?.extensions ?? {};
  if (typeof retryAfterSeconds === 'number') res.set('Retry-After', String(retryAfterSeconds));
  const code = expected ? String(expected.extensions['code']) : ErrorCode.Internal;
  res.status(expected ? httpStatusOf(code) : 500).json({
    errors: [
      {
        message: expected?.message ?? 'Internal server error',
        extensions: {
          code,
          ...(typeof retryAfterSeconds === 'number' ? { retryAfterSeconds } : {}),
        },
      },
    ],
  });
};

/** Anything no route answered: JSON 404 (Express's default is an HTML page). */
export const notFoundHandler: express.RequestHandler = (_req, res) => {
  res.status(404).json({ error: { code: ErrorCode.NotFound, message: 'Not found' } });
};

/**
 * The app's last error handler: JSON in the routes' `{ error: { code, message } }` shape, no
 * stack trace in any NODE_ENV, no HTML error page anywhere.
 */
export const finalErrorHandler: express.ErrorRequestHandler = (error, req, res, _next) => {
  const status = clientErrorStatus(error);
  if (status === null || res.headersSent) {
    sendError(req, res, error);
    return;
  }
  if (!req.complete) res.set('Connection', 'close');
  const code = status === 404 ? ErrorCode.NotFound : ErrorCode.BadRequest;
  res.status(status).json({ error: { code, message: clientErrorMessage(status, error) } });
};

/** Apollo: an answer that carries SERVICE_UNAVAILABLE says when to retry, as a Retry-After header. */
export const retryAfterPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        const { body } = response;
        const unavailable =
          body.kind === 'single' &&
          body.singleResult.errors?.some(
            (error) => error.extensions?.['code'] === ErrorCode.ServiceUnavailable,
          );
        if (unavailable) response.http.headers.set('retry-after', String(RETRY_AFTER_SECONDS));
      },
    };
  },
};
