import { describe, expect, it } from 'vitest';
import { CountingLogger, QueryCounter } from './query-counter.js';

describe('CountingLogger', () => {
  it('counts and logs statements with placeholders, never their parameters', () => {
    const lines: string[] = [];
    const counter = new QueryCounter();
    const logger = new CountingLogger(
      { debugMode: ['query', 'query-params'], writer: (line) => lines.push(line) },
      counter,
      true,
    );
    // MikroORM inlines the values only when its logger enables 'query-params', whatever asked.
    expect(logger.isEnabled('query-params')).toBe(false);
    expect(logger.isEnabled('query-params', { enabled: true })).toBe(false);
    expect(logger.isEnabled('query')).toBe(true);
    logger.logQuery({ query: 'select 1 from employee where snils = $1', params: ['11223344595'] });
    expect(counter.count).toBe(1);
    expect(lines.join('\n')).toContain('where snils = $1');
    expect(lines.join('\n')).not.toContain('11223344595');
  });

  it('records the statements a run sent, placeholders unfilled, and only during the run', async () => {
    const counter = new QueryCounter();
    const logger = new CountingLogger({ writer: () => undefined }, counter, false);
    const send = (query: string) => logger.logQuery({ query, params: ['11223344595'] });
    send('select 1');
    const { result, sql } = await counter.record(async () => {
      send('select 2 from employee where snils = $1');
      return 'done';
    });
    send('select 3');
    expect(result).toBe('done');
    expect(sql).toEqual(['select 2 from employee where snils = $1']);
    expect(counter.count).toBe(3);
  });
});
