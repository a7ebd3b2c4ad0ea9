/**
 * Log redaction for database errors. MikroORM sends statements with their values inlined, and
 * knex puts that statement in the error's message (and so its stack); PostgreSQL adds the values
 * again in `detail`. Logs keep the statement's shape for debugging, never its values.
 */

/** Literals in SQL and the values PostgreSQL quotes back in its messages. */
const sqlLiteral = new RegExp(
  [
    String.raw`[eEbBxXuU]?'(?:[^']|'')*'`, // 'text', E'text', X'ff'
    String.raw`\$(\w*)\$[\s\S]*?\$\1\$`, // $$text$$, $tag$text$tag$
    String.raw`(?<![\w$."'])\d+(?:\.\d+)?(?:[eE][+-]?\d+)?(?!\w)`, // 42, 1.5, 1e3, not $1 or t2
  ].join('|'),
  'g',
);

/** `invalid input syntax for type uuid: "x"`, `value "x" is out of range`: values, not names. */
const quotedValue = /(:\s|\bvalue\s)"(?:[^"]|"")*"/g;

/** A statement's text with every literal replaced by `?`; keywords and identifiers stay. */
export const redactSql = (text: string): string =>
  text.replace(sqlLiteral, '?').replace(quotedValue, '$1"?"');

/**
 * PostgreSQL's `detail` without its values: `Key (snils)=(?) already exists.`,
 * `Failing row contains (?).`; any other detail loses its literals.
 */
export const redactDetail = (detail: string): string =>
  redactSql(
    detail
      .replace(
        /\)=\(.*?\)(?=\s(?:already exists|is not present|is still referenced|conflicts with)|\.$)/g,
        ')=(?)',
      )
      .replace(/\bcontains \(.*\)/g, 'contains (?)'),
  );

/** A call frame of a V8 stack (`    at f (file.js:1:2)`), as opposed to a line of the message. */
const stackFrame = /^\s+at .*(?::\d+:\d+\)?|\((?:native|<anonymous>)\))$/;

/** A stack's message lines redacted (the statement may span many); its call frames kept. */
const redactStack = (stack: string): string =>
  stack
    .split('\n')
    .map((line) => (stackFrame.test(line) ? line : redactSql(line)))
    .join('\n');

/** Statement text a driver may attach to its error. */
const statementKeys = new Set(['sql', 'query', 'where', 'internalQuery']);
/** Bound values a driver may attach to its error. */
const parameterKeys = new Set(['parameters', 'params', 'bindings', 'values']);

/** A statement at the start of a message, or after a prefix ("Context creation failed: select …"). */
const startsWithStatement =
  /(?:^\s*|:\s)(?:select|insert|update|delete|with|values|copy|lock|truncate|set|call|do|begin|commit|rollback|savepoint|release|alter|create|drop)\s/i;

/** Whether a serialized error comes from the database: an SQLSTATE, a severity, or a statement. */
function fromDatabase(error: Record<string, unknown>): boolean {
  const { code, sqlState, severity, message } = error;
  return (
    (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) ||
    typeof sqlState === 'string' ||
    typeof severity === 'string' ||
    (typeof message === 'string' && startsWithStatement.test(message))
  );
}

/**
 * A serialized error (pino's shape: type, message, stack, the error's own fields, nested causes)
 * with statement values and the values in `detail` replaced by placeholders.
 */
export function redactErrorRecord(
  error: Record<string, unknown>,
  depth = 0,
): Record<string, unknown> {
  const database = fromDatabase(error);
  const redacted: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(error)) {
    redacted[key] = redactField(key, value, database, depth);
  }
  return redacted;
}

function redactField(key: string, value: unknown, database: boolean, depth: number): unknown {
  if (typeof value === 'string') {
    if (key === 'detail') return redactDetail(value);
    if (statementKeys.has(key)) return redactSql(value);
    if (database && key === 'message') return redactSql(value);
    if (database && key === 'stack') return redactStack(value);
    return value;
  }
  if (parameterKeys.has(key) && Array.isArray(value)) return value.map(() => '?');
  if (depth >= 5) return value;
  if (Array.isArray(value)) return value.map((item) => redactNested(item, depth));
  return redactNested(value, depth);
}

/** Nested errors and records (a cause, `aggregateErrors`, extensions) get the same treatment. */
const redactNested = (value: unknown, depth: number): unknown =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  !(value instanceof Date) &&
  !Buffer.isBuffer(value)
    ? redactErrorRecord(value as Record<string, unknown>, depth + 1)
    : value;
