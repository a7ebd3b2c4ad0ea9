/**
 * SQLSTATEs of a database that cannot serve now: connection exceptions (08xxx), an administrator's
 * or a crash's shutdown (57P01, 57P02), one still starting (57P03), or no connection slot (53300).
 */
const unavailableState = /^(08[0-9A-Z]{3}|57P0[123]|53300)$/;

/** Socket failures on the way to the database. */
const unavailableSocketCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * What knex, tarn and node-postgres say when no connection could be had or one was lost; their
 * errors carry no code, and MikroORM renames knex's KnexTimeoutError to DriverException.
 */
const unavailableMessage =
  /Timeout acquiring a connection|Connection terminated|Unable to acquire a connection|is not queryable/;

/** Whether `error` (or what it wraps) means the database could not be reached, not that a query was wrong. */
export function isConnectionFault(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 6 && current instanceof Error; depth += 1) {
    if (faultOf(current)) return true;
    const wrapped = current as Error & { originalError?: unknown };
    current = wrapped.originalError ?? wrapped.cause;
  }
  return false;
}

function faultOf(error: Error): boolean {
  const { code, sqlState } = error as Error & { code?: unknown; sqlState?: unknown };
  const state = typeof sqlState === 'string' ? sqlState : code;
  if (
    typeof state === 'string' &&
    (unavailableState.test(state) || unavailableSocketCodes.has(state))
  )
    return true;
  return unavailableMessage.test(error.message);
}
