import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { isConnectionFault } from './orm/connection-fault.js';

/** The short, stable list of `extensions.code`s clients may rely on. */
export const ErrorCode = {
  BadUserInput: 'BAD_USER_INPUT',
  Unauthenticated: 'UNAUTHENTICATED',
  Forbidden: 'FORBIDDEN',
  NotFound: 'NOT_FOUND',
  Conflict: 'CONFLICT',
  /** E-mail asked for where it cannot go: SMTP is not configured, or the account has no address. */
  EmailUnavailable: 'EMAIL_UNAVAILABLE',
  InvalidCredentials: 'INVALID_CREDENTIALS',
  AccountPending: 'ACCOUNT_PENDING',
  AccountDisabled: 'ACCOUNT_DISABLED',
  TooManyAttempts: 'TOO_MANY_ATTEMPTS',
  SessionExpired: 'SESSION_EXPIRED',
  SessionRevoked: 'SESSION_REVOKED',
  SessionInvalid: 'SESSION_INVALID',
  TransitionNotAllowed: 'TRANSITION_NOT_ALLOWED',
  CommentRequired: 'COMMENT_REQUIRED',
  AttachmentRequired: 'ATTACHMENT_REQUIRED',
  LeaveNoticeTooShort: 'LEAVE_NOTICE_TOO_SHORT',
  LeaveOverlap: 'LEAVE_OVERLAP',
  /** Annual leave beyond the days left (extensions: availableDays); unless allowed in advance. */
  LeaveBalanceExceeded: 'LEAVE_BALANCE_EXCEEDED',
  /** ст. 125 ТК: the part would leave no part of the working year's annual leave of 14+ days. */
  LeavePartTooShort: 'LEAVE_PART_TOO_SHORT',
  WeightsNot100: 'WEIGHTS_NOT_100',
  PeriodClosed: 'PERIOD_CLOSED',
  GraphqlParseFailed: 'GRAPHQL_PARSE_FAILED',
  GraphqlValidationFailed: 'GRAPHQL_VALIDATION_FAILED',
  PersistedQueryNotFound: 'PERSISTED_QUERY_NOT_FOUND',
  /**
   * A GraphQL document sent as text where only the portal's trusted documents (sent by hash) may run:
   * a browser session in production, or a token client of an organization that allows none.
   */
  TrustedDocumentRequired: 'TRUSTED_DOCUMENT_REQUIRED',
  BadRequest: 'BAD_REQUEST',
  /**
   * Uploads (`POST /files`): over UPLOAD_MAX_BYTES, a type off the allow-list, a name or declared
   * type that contradicts the bytes, too many files not yet attached.
   */
  FileTooLarge: 'FILE_TOO_LARGE',
  FileTypeNotAllowed: 'FILE_TYPE_NOT_ALLOWED',
  FileTypeMismatch: 'FILE_TYPE_MISMATCH',
  UploadQuotaExceeded: 'UPLOAD_QUOTA_EXCEEDED',
  /** A state-changing HTTP request authenticated by the cookie, without proof it is from our page. */
  CsrfCheckFailed: 'CSRF_CHECK_FAILED',
  /**
   * WebSocket limits: an operation past WS_MAX_SUBSCRIPTIONS_PER_SOCKET (the socket stays open);
   * a connection past the per-account or per-address limit (closed with 4030, this as the reason).
   */
  SubscriptionLimitExceeded: 'SUBSCRIPTION_LIMIT_EXCEEDED',
  TooManyConnections: 'TOO_MANY_CONNECTIONS',
  /** A socket that left messages unread too long or piled too many up (closed with 4031). */
  SlowConsumer: 'SLOW_CONSUMER',
  /** The database could not be reached in time (outage, restart, no free connection): retry later. */
  ServiceUnavailable: 'SERVICE_UNAVAILABLE',
  Internal: 'INTERNAL_SERVER_ERROR',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

const publicCodes = new Set<string>(Object.values(ErrorCode));

/** An expected failure with a stable code and, for input problems, the path of the offending field. */
export class AppError extends GraphQLError {
  constructor(
    code: ErrorCode,
    message: string,
    options: { field?: readonly (string | number)[]; details?: Record<string, unknown> } = {},
  ) {
    super(message, {
      extensions: {
        code,
        ...(options.field ? { field: options.field } : {}),
        ...options.details,
      },
    });
    this.name = 'AppError';
  }
}

export const notFound = (what: string, id: string): AppError =>
  new AppError(ErrorCode.NotFound, `${what} ${id} not found`, { details: { id } });

export const badInput = (field: readonly (string | number)[], message: string): AppError =>
  new AppError(ErrorCode.BadUserInput, message, { field });

/** The AppError behind an error, through GraphQL's wrapping of what a resolver threw; or null. */
export function appErrorOf(error: unknown): AppError | null {
  let current: unknown = error;
  while (current instanceof GraphQLError) {
    if (current instanceof AppError) return current;
    current = current.originalError;
  }
  return null;
}

/** How long a client should wait before retrying after SERVICE_UNAVAILABLE. */
export const RETRY_AFTER_SECONDS = 5;

/**
 * The database cannot serve now: a stable code and a retry hint, never the driver's text. Over
 * HTTP, Apollo turns `extensions.http` into a 503 with Retry-After when it fails the whole request.
 */
export const serviceUnavailable = (): AppError =>
  new AppError(
    ErrorCode.ServiceUnavailable,
    'The service is temporarily unavailable; retry later',
    {
      details: {
        retryAfterSeconds: RETRY_AFTER_SECONDS,
        http: { status: 503, headers: new Map([['retry-after', String(RETRY_AFTER_SECONDS)]]) },
      },
    },
  );

/** A failure the client sees only as INTERNAL_SERVER_ERROR; `cause` is kept for the log. */
export const internalError = (cause: unknown): GraphQLError =>
  new GraphQLError('Internal server error', {
    originalError: cause instanceof Error ? cause : new Error(String(cause)),
    extensions: { code: ErrorCode.Internal },
  });

/** What a client may learn of an error: its AppError, SERVICE_UNAVAILABLE for a lost database, or null. */
export const publicErrorOf = (error: unknown): AppError | null =>
  appErrorOf(error) ?? (isConnectionFault(error) ? serviceUnavailable() : null);

/**
 * Turns any error into what a client may see: expected errors and GraphQL's own request errors keep
 * their message and code; a database that cannot be reached becomes SERVICE_UNAVAILABLE; everything
 * else (SQL, bugs) becomes a bare INTERNAL_SERVER_ERROR. Both of the latter are reported.
 */
export function maskError(
  formatted: GraphQLFormattedError,
  error: unknown,
  onInternal: (error: unknown) => void,
): GraphQLFormattedError {
  const expected = appErrorOf(error);
  if (expected) {
    return { ...formatted, extensions: clientExtensions(formatted.extensions) };
  }
  if (isConnectionFault(error)) {
    onInternal(error);
    const unavailable = serviceUnavailable();
    return {
      message: unavailable.message,
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: clientExtensions(unavailable.extensions),
    };
  }
  if (formatted.path === undefined && isRequestError(error)) {
    const code = formatted.extensions?.['code'];
    return {
      message: formatted.message,
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      extensions: {
        ...clientExtensions(formatted.extensions),
        code:
          typeof code === 'string' && publicCodes.has(code)
            ? code
            : ErrorCode.GraphqlValidationFailed,
      },
    };
  }
  onInternal(error);
  return {
    message: 'Internal server error',
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: { code: ErrorCode.Internal },
  };
}

/**
 * Errors without a path come from parsing, validation or variable coercion (a scalar's TypeError),
 * never from a resolver; one marked internal, or wrapping anything else (Apollo's "Context creation
 * failed: …", a failed subscription stream), carries a foreign message and is internal.
 */
function isRequestError(error: unknown): boolean {
  if (
    !(error instanceof GraphQLError) ||
    error.extensions['code'] === ErrorCode.Internal ||
    error.message.startsWith('Context creation failed')
  )
    return false;
  let cause: unknown = error.originalError;
  while (cause instanceof GraphQLError) cause = cause.originalError;
  return cause === undefined || cause === null || cause instanceof TypeError;
}

/** Extensions fit for a client: no stack trace, no wrapped exception, no HTTP head for Apollo. */
function clientExtensions(
  extensions: GraphQLFormattedError['extensions'],
): Record<string, unknown> | undefined {
  if (!extensions) return undefined;
  const { stacktrace: _stacktrace, exception: _exception, http: _http, ...rest } = extensions;
  return rest;
}
