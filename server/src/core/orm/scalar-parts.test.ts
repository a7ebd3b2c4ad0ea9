import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../test/harness.js';
import { selectParts, type ScalarPart } from './scalar-parts.js';

describe('selectParts', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ demo: false });
  });
  afterAll(async () => {
    await server?.close();
  });

  const constant = (value: number): ScalarPart<number> => ({
    columns: { n: server.orm.em.getKnex().raw('(select ?::int)', [value]) },
    read: (row) => Number(row['n']),
  });

  it("sends the parts' columns as one statement, each part reading back its own", async () => {
    const em = server.orm.em.fork();
    const nothing: ScalarPart<string> = { columns: {}, read: () => 'none' };
    const { result, sql } = await server.queries.record(() =>
      selectParts(em, [constant(1), nothing, constant(2)]),
    );
    expect(result).toEqual([1, 'none', 2]);
    // The server's background jobs may send statements meanwhile: only ours are looked at.
    const ours = sql.filter((statement) => statement.includes('p0_n'));
    expect(ours).toEqual([expect.stringContaining('p2_n')]);
  });

  it('sends nothing when no part asks for a column', async () => {
    const em = server.orm.em.fork();
    const { result, sql } = await server.queries.record(() =>
      selectParts(em, [{ columns: {}, read: () => null }]),
    );
    expect(result).toEqual([null]);
    expect(sql.filter((statement) => statement.startsWith('select'))).toEqual([]);
  });
});
