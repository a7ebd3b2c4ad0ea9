import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { AppError, ErrorCode, maskError } from './errors.js';

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
