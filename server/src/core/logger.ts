import {
  pino,
  stdSerializers,
  type DestinationStream,
  type Logger,
  type LoggerOptions,
} from 'pino';
import type { AppConfig } from '../config/env.js';
import { redactErrorRecord } from './log-redaction.js';

/**
 * Every logged error goes through here: pino's serialization, then a database error's statement
 * values and `detail` values become placeholders (the statement's shape stays, for debugging).
 */
export function errorSerializer(value: unknown): unknown {
  const serialized: unknown = value instanceof Error ? stdSerializers.err(value) : value;
  return typeof serialized === 'object' && serialized !== null
    ? redactErrorRecord({ ...serialized })
    : serialized;
}

/**
 * pino takes an error's raw message as the line's `msg` when the call gives none
 * (`logger.error(err)`, `logger.error({ err })`): give it the redacted one instead.
 */
const redactedMessageHook: NonNullable<LoggerOptions['hooks']>['logMethod'] = function (
  args,
  method,
) {
  const [first] = args;
  const error: unknown =
    first instanceof Error ? first : (first as { err?: unknown } | null | undefined)?.err;
  if (args.length === 1 && error instanceof Error) {
    const { message } = errorSerializer(error) as { message?: unknown };
    return method.apply(this, [first as object, String(message)]);
  }
  return method.apply(this, args);
};

/** Structured JSON logs; secrets that may reach a log line are redacted. */
export function createLogger(
  level: AppConfig['logLevel'],
  destination?: DestinationStream,
): Logger {
  const options: LoggerOptions = {
    level,
    base: { service: 'kabinet' },
    timestamp: pino.stdTimeFunctions.isoTime,
    serializers: { err: errorSerializer },
    hooks: { logMethod: redactedMessageHook },
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'res.headers["set-cookie"]',
        '*.password',
        '*.passwordHash',
        '*.token',
      ],
      censor: '[redacted]',
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
