import { pino, type DestinationStream, type Logger } from 'pino';
import type { AppConfig } from '../config/env.js';

/** Structured JSON logs; secrets that may reach a log line are redacted. */
export function createLogger(
  level: AppConfig['logLevel'],
  destination?: DestinationStream,
): Logger {
  const options = {
    level,
    base: { service: 'kabinet' },
    timestamp: pino.stdTimeFunctions.isoTime,
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
