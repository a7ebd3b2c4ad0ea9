import { describe, expect, it } from 'vitest';
import { redactDetail, redactErrorRecord, redactSql } from './log-redaction.js';

describe('redactSql', () => {
  it.each([
    [
      `select "s"."id" from "session" as "s" where "s"."token_hash" = 'ab12cd' limit 1`,
      `select "s"."id" from "session" as "s" where "s"."token_hash" = ? limit ?`,
    ],
    [
      `update "employee" set "snils" = '11223344595', "rate" = 0.5 where "id" = 'x''y'`,
      `update "employee" set "snils" = ?, "rate" = ? where "id" = ?`,
    ],
    [
      `insert into t2 (a) values (E'line\\n', $$text$$, 1e3)`,
      `insert into t2 (a) values (?, ?, ?)`,
    ],
    [`select $1, "col_2" from t where x = ?`, `select $1, "col_2" from t where x = ?`],
    [
      `invalid input syntax for type uuid: "112-233-445 95"`,
      `invalid input syntax for type uuid: "?"`,
    ],
    [
      `value "99999999999" is out of range for type integer`,
      `value "?" is out of range for type integer`,
    ],
    [
      `duplicate key value violates unique constraint "employee_snils_unique"`,
      `duplicate key value violates unique constraint "employee_snils_unique"`,
    ],
  ])('%s', (sql, shape) => {
    expect(redactSql(sql)).toBe(shape);
  });
});

describe('redactDetail', () => {
  it.each([
    ['Key (snils)=(112-233-445 95) already exists.', 'Key (snils)=(?) already exists.'],
    [
      'Key (organization_id, snils)=(8c0e, 112-233-445 95) already exists.',
      'Key (organization_id, snils)=(?) already exists.',
    ],
    [
      'Key (employee_id)=(0b3c2f) is not present in table "employee".',
      'Key (employee_id)=(?) is not present in table "employee".',
    ],
    [
      'Failing row contains (1, Иванов, г. Москва, ул. Ленина, д. 5 (кв. 7)).',
      'Failing row contains (?).',
    ],
  ])('%s', (detail, shape) => {
    expect(redactDetail(detail)).toBe(shape);
  });
});

describe('redactErrorRecord', () => {
  it('redacts a database error and its nested records, and leaves other errors alone', () => {
    const record = redactErrorRecord({
      type: 'GraphQLError',
      message: `select * from employee where snils = '11223344595' - canceling statement`,
      stack: `GraphQLError: select * from employee where snils = '11223344595'\n    at run (/srv/a.js:10:5)`,
      parameters: ['11223344595', 42],
      nested: {
        type: 'Error',
        message: 'Employee 12 not found',
        detail: 'Key (snils)=(1) already exists.',
      },
    });
    expect(record).toEqual({
      type: 'GraphQLError',
      message: 'select * from employee where snils = ? - canceling statement',
      stack: 'GraphQLError: select * from employee where snils = ?\n    at run (/srv/a.js:10:5)',
      parameters: ['?', '?'],
      nested: {
        type: 'Error',
        message: 'Employee 12 not found',
        detail: 'Key (snils)=(?) already exists.',
      },
    });
  });

  it('redacts a multi-line statement in a stack, even a line that begins with "at"', () => {
    const { stack } = redactErrorRecord({
      code: '22007',
      message: 'x',
      stack: `Error: select now()\n  at time zone 'Europe/Moscow' where id = 7\n    at f (file:///srv/b.js:1:2)`,
    });
    expect(stack).toBe(
      `Error: select now()\n  at time zone ? where id = ?\n    at f (file:///srv/b.js:1:2)`,
    );
  });
});
