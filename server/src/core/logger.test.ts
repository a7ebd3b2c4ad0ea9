import { Writable } from 'node:stream';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { GraphQLError } from 'graphql';
import pg from 'pg';
import { pinoHttp } from 'pino-http';
import { describe, expect, it } from 'vitest';
import { createLogger, errorSerializer } from './logger.js';

const snils = '112-233-445 95';
const address = 'г. Москва, ул. Ленина, д. 5';

/** A unique violation as MikroORM throws it: knex's message with the values inlined, pg's fields. */
function duplicateSnils(): UniqueConstraintViolationException {
  const statement = `update "employee" set "snils" = '${snils}', "registration_address" = '${address}' where "id" = 'e1a7'`;
  const driver = Object.assign(
    new pg.DatabaseError(
      `${statement} - duplicate key value violates unique constraint "employee_snils_unique"`,
      0,
      'error',
    ),
    {
      code: '23505',
      severity: 'ERROR',
      detail: `Key (snils)=(${snils}) already exists.`,
      where: `SQL statement "update employee set snils = '${snils}'"`,
      constraint: 'employee_snils_unique',
      parameters: [snils, address],
    },
  );
  return new UniqueConstraintViolationException(driver);
}

function capture() {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  return { logger: createLogger('debug', sink), lines };
}

describe('the error serializer', () => {
  it('keeps the statement and detail shapes, without the values, on every log path', () => {
    const { logger, lines } = capture();
    const error = duplicateSnils();
    const wrapped = new GraphQLError(error.message, { path: ['x'], originalError: error });
    logger.error({ err: error }, 'write failed');
    logger.error(error);
    logger.warn({ err: wrapped });
    logger.child({ reqId: 'r1' }).info({ err: error }, 'child');
    pinoHttp({ logger, serializers: { err: errorSerializer } }).logger.error(
      { err: error },
      'http',
    );

    expect(lines).toHaveLength(5);
    const log = lines.join('');
    for (const secret of [snils, '11223344595', address, 'Москва', 'e1a7']) {
      expect(log).not.toContain(secret);
    }
    const first = JSON.parse(lines[0]!) as { err: Record<string, unknown> };
    expect(first.err).toMatchObject({
      type: 'UniqueConstraintViolationException',
      code: '23505',
      constraint: 'employee_snils_unique',
      message: `update "employee" set "snils" = ?, "registration_address" = ? where "id" = ? - duplicate key value violates unique constraint "employee_snils_unique"`,
      detail: 'Key (snils)=(?) already exists.',
      where: 'SQL statement "update employee set snils = ?"',
      parameters: ['?', '?'],
    });
    expect(String(first.err['stack'])).toMatch(/"snils" = \?[\s\S]*\n\s+at /);
    expect((JSON.parse(lines[1]!) as { msg: string }).msg).toMatch(/^update "employee" set/);
  });

  it('leaves an ordinary error as pino shows it', () => {
    const serialized = errorSerializer(new Error('Employee 12 not found')) as { message: string };
    expect(serialized.message).toBe('Employee 12 not found');
  });
});
