import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { isConnectionFault } from './connection-fault.js';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('isConnectionFault', () => {
  it.each([
    ['an administrator shutdown', withCode('57P01'), true],
    ['a crash shutdown', withCode('57P02'), true],
    ['a server still starting', withCode('57P03'), true],
    ['a broken connection', withCode('08006'), true],
    ['no connection slot', withCode('53300'), true],
    ['a refused socket', withCode('ECONNREFUSED'), true],
    ['a reset socket', withCode('ECONNRESET'), true],
    [
      'a pool timeout',
      new Error('Knex: Timeout acquiring a connection. The pool is probably full.'),
      true,
    ],
    ['a lost connection', new Error('Connection terminated unexpectedly'), true],
    ['a wrapped cause', new GraphQLError('x', { originalError: withCode('57P01') }), true],
    ['a chained cause', new Error('outer', { cause: withCode('08001') }), true],
    ['a unique violation', withCode('23505', 'duplicate key value'), false],
    ['a query timeout', withCode('57014', 'canceling statement due to statement timeout'), false],
    ['a bug', new TypeError('undefined is not a function'), false],
    ['not an error', 'Connection terminated', false],
  ])('%s', (_name, error, expected) => {
    expect(isConnectionFault(error)).toBe(expected);
  });
});
