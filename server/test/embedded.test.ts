import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '../src/core/logger.js';
import { startServer } from '../src/app/server.js';
import { loadConfig } from '../src/config/env.js';
import { Employee } from '../src/modules/employee/employee.entity.js';

describe('embedded PostgreSQL (no DATABASE_URL)', () => {
  const dataDir = path.join(os.tmpdir(), `kabinet-embedded-${process.pid}-${Date.now()}`, 'data');
  const config = loadConfig({
    DATA_DIR: dataDir,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
  });
  const query = `{ employees(first: 5) { totalCount edges { node { id lastName } } } }`;
  const post = async (url: string, body: object, token?: string) => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify(body),
    });
    return (await response.json()) as { data: Record<string, never> };
  };
  const login = async (url: string) =>
    (
      (await post(url, {
        query: `mutation { login(input: { login: "hr", password: "demo1234" }) { accessToken } }`,
      })) as unknown as { data: { login: { accessToken: string } } }
    ).data.login.accessToken;
  const ask = async (url: string, token: string) => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query }),
    });
    return (await response.json()) as {
      data: { employees: { totalCount: number; edges: { node: { id: string } }[] } };
    };
  };

  afterAll(async () => {
    await fs.rm(path.dirname(dataDir), { recursive: true, force: true });
  });

  it('starts, migrates, seeds the demo, serves GraphQL, and keeps its data across a restart', async () => {
    expect(config.database.kind).toBe('embedded');
    const first = await startServer(config, createLogger('silent'));
    let firstAnswer;
    let token: string;
    try {
      expect(first.demo?.logins).toContain('manager');
      token = await login(first.url);
      firstAnswer = await ask(first.url, token);
      expect(firstAnswer.data.employees.edges).toHaveLength(5);
      const ready = await fetch(`${first.url}/readyz`);
      expect(ready.status).toBe(200);
      // A change made before the restart must survive it.
      const em = first.orm.em.fork();
      const someone = await em.findOneOrFail(Employee, {
        id: firstAnswer.data.employees.edges[0]!.node.id,
      });
      someone.workPhone = '+7 (4722) 00-00-01';
      await em.flush();
    } finally {
      await first.stop();
    }

    const second = await startServer(config, createLogger('silent'));
    try {
      // The session, like everything else, survives the restart.
      const secondAnswer = await ask(second.url, token);
      expect(secondAnswer).toEqual(firstAnswer);
      const em = second.orm.em.fork();
      const someone = await em.findOneOrFail(Employee, {
        id: firstAnswer.data.employees.edges[0]!.node.id,
      });
      expect(someone.workPhone).toBe('+7 (4722) 00-00-01');
      expect(await em.count(Employee, {})).toBe(60);
    } finally {
      await second.stop();
    }
  }, 120_000);
});
