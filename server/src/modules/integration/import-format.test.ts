import { describe, expect, it } from 'vitest';
import { stagedId } from './import-ids.js';
import { ruleProblem } from './import-records.js';
import { ImportSchema } from './import-schema.js';
import { encode } from './import-staging.js';
import {
  isBlock,
  lastLineOf,
  ndjsonBlocks,
  ndjsonLines,
  readBlock,
  splitBlock,
  utf8,
  utf8Strings,
  type InputItem,
  type InputLine,
} from './ndjson.js';

/** The pure parts of the import: splitting lines, the schema's words, the rules, COPY's text. */

async function linesOf(chunks: (string | Buffer)[], maxLineBytes?: number): Promise<InputLine[]> {
  const out: InputLine[] = [];
  async function* source() {
    for (const chunk of chunks) yield chunk;
  }
  for await (const line of ndjsonLines(source(), maxLineBytes)) out.push(line);
  return out;
}

describe('ndjsonLines', () => {
  it.each([
    [
      'LF',
      ['{"a":1}\n{"b":2}\n'],
      [
        { line: 1, text: '{"a":1}' },
        { line: 2, text: '{"b":2}' },
      ],
    ],
    [
      'CRLF',
      ['{"a":1}\r\n{"b":2}\r\n'],
      [
        { line: 1, text: '{"a":1}' },
        { line: 2, text: '{"b":2}' },
      ],
    ],
    [
      'no final newline',
      ['{"a":1}\n{"b":2}'],
      [
        { line: 1, text: '{"a":1}' },
        { line: 2, text: '{"b":2}' },
      ],
    ],
    [
      'blank lines keep their numbers',
      ['\n{"a":1}\n\n  \n{"b":2}\n'],
      [
        { line: 2, text: '{"a":1}' },
        { line: 5, text: '{"b":2}' },
      ],
    ],
    [
      'a line split across chunks',
      ['{"na', 'me":"Ив', 'анов"}\n'],
      [{ line: 1, text: '{"name":"Иванов"}' }],
    ],
  ])('splits %s', async (_name, chunks, expected) => {
    expect(await linesOf(chunks)).toEqual(expected);
  });

  it('splits a Cyrillic character that arrives in two chunks', async () => {
    const bytes = Buffer.from('{"n":"Ж"}\n');
    expect(await linesOf([bytes.subarray(0, 7), bytes.subarray(7)])).toEqual([
      { line: 1, text: '{"n":"Ж"}' },
    ]);
  });

  it('reports an over-long line without holding it, and goes on', async () => {
    const long = 'x'.repeat(50);
    expect(
      await linesOf(['{"a":1}\n', long.slice(0, 30), long.slice(30), '\n{"b":2}\n'], 20),
    ).toEqual([
      { line: 1, text: '{"a":1}' },
      { line: 2, error: 'Longer than 20 bytes' },
      { line: 3, text: '{"b":2}' },
    ]);
  });

  it('reports bytes that are not UTF-8', async () => {
    expect(await linesOf([Buffer.from([0x7b, 0xff, 0x7d, 0x0a])])).toEqual([
      { line: 1, error: 'Not valid UTF-8' },
    ]);
  });
});

describe('the schema, in words', () => {
  const schema = new ImportSchema();
  it.each<[Record<string, unknown>, [string[], unknown]]>([
    [{ type: 'position', op: 'upsert', externalId: 'p' }, [['name'], 'Required']],
    [
      { type: 'position', op: 'upsert', externalId: 'p', name: 'x', salary: 1 },
      [['salary'], 'Not a field of this record type'],
    ],
    [
      {
        type: 'leave',
        op: 'upsert',
        externalId: 'l',
        employeeExternalId: 'e',
        kind: 'VACATION',
        startDate: '2026-01-01',
        endDate: '2026-01-02',
      },
      [['kind'], expect.stringMatching(/^Must be one of "ANNUAL_BASIC"/)],
    ],
    [
      { type: 'payrollPeriod', op: 'upsert', externalId: 'p', year: 2026, month: 13 },
      [['month'], 'Must be <= 12'],
    ],
    [
      {
        type: 'businessTrip',
        op: 'upsert',
        externalId: 't',
        employeeExternalId: 'e',
        destination: 'Курск',
        purpose: 'x',
        startDate: '2026-02-30',
        endDate: '2026-03-01',
        status: 'CLOSED',
      },
      [['startDate'], 'Not a calendar date YYYY-MM-DD'],
    ],
    [
      {
        type: 'payslip',
        op: 'upsert',
        externalId: 's',
        periodExternalId: 'p',
        employeeExternalId: 'e',
        openingBalance: 0,
        closingBalance: '0',
        lines: [],
      },
      [['openingBalance'], 'Must be string'],
    ],
  ])('%j', (record, [path, message]) => {
    const expected: unknown = { path, message };
    expect(schema.checkRecord(record.type as never, 'upsert', record)).toContainEqual(expected);
  });

  it('takes a deletion as type, op and externalId only', () => {
    expect(
      schema.checkRecord('leave', 'delete', { type: 'leave', op: 'delete', externalId: 'l' }),
    ).toEqual([]);
    expect(
      schema.checkRecord('leave', 'delete', {
        type: 'leave',
        op: 'delete',
        externalId: 'l',
        kind: 'SICK',
      }),
    ).toEqual([{ path: ['kind'], message: 'Not a field of this record type' }]);
  });
});

describe('the file rules, as HR edits apply them', () => {
  const today = '2026-06-15';
  it.each<[Parameters<typeof ruleProblem>[0], Record<string, unknown>, string[], unknown]>([
    ['employee', { snils: '11223344590', hireDate: '2020-01-01' }, ['snils'], 'Not a valid СНИЛС'],
    [
      'employee',
      { hireDate: '2020-01-01', dismissalDate: '2019-12-31' },
      ['dismissalDate'],
      'The period ends before it starts',
    ],
    [
      'assignment',
      { rate: '1.75', startDate: '2020-01-01' },
      ['rate'],
      expect.stringMatching(/^Rate must be above 0/),
    ],
    ['attestation', { date: '2026-07-01' }, ['date'], 'An attestation that has not happened yet'],
    [
      'payslip',
      {
        openingBalance: '0',
        closingBalance: '10.00',
        lines: [{ kind: 'ACCRUAL', payCode: '1', name: 'x', amount: '10.01' }],
      },
      ['closingBalance'],
      expect.stringMatching(/^The lines do not reconcile: .* = 10\.01, not 10\.00$/),
    ],
  ])('%s %j', (type, fields, path, message) => {
    const expected: unknown = { path, message };
    expect(ruleProblem(type, fields, today)).toEqual(expected);
  });

  it('lets a qualification category run five years, not more', () => {
    const attestation = { date: '2026-06-01', validUntil: '2031-06-01', nextDueDate: '2031-06-01' };
    expect(ruleProblem('attestation', attestation, today)).toBeNull();
    expect(
      ruleProblem('attestation', { ...attestation, validUntil: '2031-06-16' }, today),
    ).toMatchObject({
      path: ['validUntil'],
    });
  });
});

describe('COPY text', () => {
  it('escapes what COPY reads specially and writes null as \\N', () => {
    const columns = [
      { column: 'a', sql: 'text' },
      { column: 'b', sql: 'text' },
      { column: 'c', sql: 'boolean' },
      { column: 'd', sql: 'text[]' },
      { column: 'e', sql: 'jsonb' },
    ] as const;
    expect(
      encode(
        [
          {
            a: 'tab\there',
            b: null,
            c: true,
            d: ['Иванова', 'say "hi"\\'],
            e: [{ name: 'Премия "за\tклассное"', amount: '1.00' }],
          },
        ],
        [...columns],
      ),
    ).toBe(
      'tab\\there\t\\N\tt\t{"Иванова","say \\\\"hi\\\\"\\\\\\\\"}' +
        '\t[{"name":"Премия \\\\"за\\\\tклассное\\\\"","amount":"1.00"}]\n',
    );
  });

  it('makes time-ordered v7 ids', () => {
    const [first, second] = [stagedId(), stagedId()];
    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(first.slice(0, 13) <= second.slice(0, 13)).toBe(true);
  });
});

describe('ndjsonBlocks', () => {
  async function blocksOf(chunks: (string | Buffer)[], maxLineBytes?: number, blockBytes = 16) {
    async function* source() {
      for (const chunk of chunks) yield chunk;
    }
    const items: InputItem[] = [];
    for await (const item of ndjsonBlocks(source(), maxLineBytes, blockBytes)) items.push(item);
    return items;
  }
  const expand = (items: InputItem[]) =>
    items.flatMap((item) => (isBlock(item) ? splitBlock(item) : [item]));

  it('cuts whole lines into blocks that own their bytes, numbered as the lines go', async () => {
    const text = '{"a":1}\n\n{"b":2}\r\n{"c":"Ж"}\n{"d":4}';
    const items = await blocksOf([text.slice(0, 5), text.slice(5, 17), text.slice(17)]);
    expect(items.every(isBlock)).toBe(true);
    for (const item of items.filter(isBlock)) {
      expect(item.bytes.buffer.byteLength).toBe(item.bytes.length);
      expect(item.bytes[item.bytes.length - 1] === 10 || item === items.at(-1)).toBe(true);
    }
    expect(items.map(lastLineOf).at(-1)).toBe(5);
    expect(expand(items)).toEqual([
      { line: 1, text: '{"a":1}' },
      { line: 3, text: '{"b":2}' },
      { line: 4, text: '{"c":"Ж"}' },
      { line: 5, text: '{"d":4}' },
    ]);
  });

  it('gives the same lines as ndjsonLines however the bytes are cut', async () => {
    const text = Array.from({ length: 40 }, (_, i) =>
      i % 7 === 3 ? '' : JSON.stringify({ i, name: 'Ёлкина'.repeat(i % 4) }),
    ).join('\r\n');
    const bytes = Buffer.from(text);
    const expected = await linesOf([bytes]);
    for (const size of [1, 3, 7, 64, 1000]) {
      const chunks = [];
      for (let at = 0; at < bytes.length; at += size) chunks.push(bytes.subarray(at, at + size));
      for (const blockBytes of [0, 10, 100, 1 << 20])
        expect(expand(await blocksOf(chunks, undefined, blockBytes))).toEqual(expected);
    }
  });

  it('reports an over-long line in place and the lines of a block that are not UTF-8', async () => {
    const bad = Buffer.from([0x7b, 0xff, 0x7d, 10]);
    const items = await blocksOf(
      ['{"a":1}\n', 'x'.repeat(30), 'x'.repeat(30), '\n{"b":2}\n', bad, '\uFEFF{"c":3}\n'],
      20,
      1 << 20,
    );
    expect(expand(items)).toEqual([
      { line: 1, text: '{"a":1}' },
      { line: 2, error: 'Longer than 20 bytes' },
      { line: 3, text: '{"b":2}' },
      { line: 4, error: 'Not valid UTF-8' },
      { line: 5, text: '{"c":3}' },
    ]);
  });
});

describe('readBlock', () => {
  /** What the reader makes of a line: its value, or the text it fails to parse. */
  const valueOf = (line: InputLine): unknown => {
    const text = 'raw' in line ? line.raw : 'text' in line ? line.text : null;
    if (text === null) return line;
    try {
      const value: unknown = JSON.parse(text);
      return { line: line.line, value: 'raw' in line ? utf8Strings(value) : value };
    } catch {
      return { line: line.line, malformed: 'raw' in line ? utf8(line.raw) : text };
    }
  };

  it('gives the values the lines splitBlock decodes parse to, whatever a line holds', () => {
    const lines = [
      '{"type":"payslip","name":"Оклад по дням","lines":[{"name":"НДФЛ","amount":"1.00"}]}',
      '\uFEFF{"name":"Ёлкина"}',
      '{"Имя":"Ж","__proto__":{"x":"ж"},"a":["я",1,null,true,{"б":"в"}]}',
      '{"escaped":"\\u0416 and Ж","e":"\\u00e9"}',
      '{"e":"é","mixed":"Ω😀"}',
      '\u00A0\u3000',
      '  {"a":"Ж"}  ',
      '{"a":"Ж",}',
      '{"a":Ж}',
      'plain ascii',
      '{"a":1}',
      '',
    ];
    const bytes = Buffer.from(lines.join('\r\n'));
    const block = { line: 7, count: lines.length, bytes: new Uint8Array(bytes) };
    const read = readBlock(block);
    expect(read.some((line) => 'raw' in line)).toBe(true);
    expect(read.map(valueOf)).toEqual(splitBlock(block).map(valueOf));
    const proto = read.map(valueOf)[2] as { value: object };
    expect(Object.getPrototypeOf(proto.value)).toBe(Object.prototype);
    expect(Object.keys(proto.value)).toEqual(['Имя', '__proto__', 'a']);
  });

  it('reports what splitBlock reports for bytes that are not UTF-8 or too many', () => {
    const bytes = Buffer.concat([
      Buffer.from('{"a":"Ж"}\n'),
      Buffer.from([0x7b, 0xff, 0x7d, 10]),
      Buffer.from(`{"b":"${'Ж'.repeat(20)}"}\n`),
    ]);
    const block = { line: 1, count: 3, bytes: new Uint8Array(bytes) };
    expect(readBlock(block, 30).map(valueOf)).toEqual(splitBlock(block, 30).map(valueOf));
  });
});
