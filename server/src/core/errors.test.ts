import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { DriverException } from '@mikro-orm/core';
import {
  AppError,
  ErrorCode,
  internalError,
  maskError,
  RETRY_AFTER_SECONDS,
  serviceUnavailable,
} from './errors.js';

const located = (original: Error) =>
  new GraphQLError(original.message, { path: ['employee'], originalError: original });

describe('maskError', () => {
  it('keeps an expected error with its code and field path', () => {
    const error = located(
      new AppError(ErrorCode.BadUserInput, 'Too long', { field: ['input', 'name'] }),
    );
    const internal: unknown[] = [];
    const masked = maskError(error.toJSON(), error, (e) => internal.push(e));
    expect(masked.message).toBe('Too long');
    expect(masked.extensions).toEqual({ code: 'BAD_USER_INPUT', field: ['input', 'name'] });
    expect(internal).toEqual([]);
  });

  it('hides a database or programming error behind INTERNAL_SERVER_ERROR and reports it', () => {
    const sqlError = new Error('select * from employee where id = $1 - invalid input syntax');
    const error = located(sqlError);
    const internal: unknown[] = [];
    const masked = maskError(
      { ...error.toJSON(), extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at x'] } },
      error,
      (e) => internal.push(e),
    );
    expect(masked).toEqual({
      message: 'Internal server error',
      path: ['employee'],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(internal).toEqual([error]);
  });

  it('does not trust a code set by a thrown library error', () => {
    const error = located(
      new GraphQLError('connection refused', { extensions: { code: 'BAD_USER_INPUT' } }),
    );
    const masked = maskError(error.toJSON(), error, () => undefined);
    expect(masked.extensions?.['code']).toBe('INTERNAL_SERVER_ERROR');
  });
});

describe('maskError for a database that cannot serve', () => {
  // What MikroORM makes of knex's KnexTimeoutError: a DriverException with only the message left.
  const knexTimeout = new DriverException(
    Object.assign(new Error('Knex: Timeout acquiring a connection. The pool is probably full.'), {
      name: 'KnexTimeoutError',
    }),
  );
  const terminated = Object.assign(
    new Error(
      `select "s".* from "session" as "s" where "s"."token_hash" = 'ab12' - terminating connection due to administrator command`,
    ),
    { code: '57P01' },
  );

  it.each([
    ['a pool timeout', knexTimeout],
    ['a terminated backend', terminated],
    [
      'a refused connection',
      Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
    ],
    ['a lost connection', new Error('Connection terminated unexpectedly')],
  ])('answers SERVICE_UNAVAILABLE with a retry hint for %s, and reports it', (_name, cause) => {
    const error = located(cause);
    const internal: unknown[] = [];
    const masked = maskError(error.toJSON(), error, (e) => internal.push(e));
    expect(masked).toEqual({
      message: 'The service is temporarily unavailable; retry later',
      path: ['employee'],
      extensions: { code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: RETRY_AFTER_SECONDS },
    });
    expect(internal).toEqual([error]);
  });

  it('hides the statement in Apollo\'s "Context creation failed" (no path, wrapped cause)', () => {
    const error = new GraphQLError(`Context creation failed: ${terminated.message}`, {
      originalError: Object.assign(new Error(terminated.message), { code: '42P01' }),
    });
    const masked = maskError(error.toJSON(), error, () => undefined);
    expect(masked).toEqual({
      message: 'Internal server error',
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  });

  it('keeps the thrown SERVICE_UNAVAILABLE without its HTTP head', () => {
    const error = serviceUnavailable();
    const masked = maskError(error.toJSON(), error, () => undefined);
    expect(masked.extensions).toEqual({
      code: 'SERVICE_UNAVAILABLE',
      retryAfterSeconds: RETRY_AFTER_SECONDS,
    });
  });

  it('masks an error marked internal, and keeps a variable coercion error', () => {
    const internal = internalError(new Error('select 1 - boom'));
    expect(maskError(internal.toJSON(), internal, () => undefined).message).toBe(
      'Internal server error',
    );
    const coercion = new GraphQLError('Variable "$d" got invalid value "x"; LocalDate must be …', {
      originalError: new TypeError('LocalDate must be …'),
    });
    expect(maskError(coercion.toJSON(), coercion, () => undefined)).toEqual({
      message: coercion.message,
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
  });
});
