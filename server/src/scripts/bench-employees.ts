import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { createLogger } from '../core/logger.js';
import { startServer } from '../app/server.js';
import { loadConfig } from '../config/env.js';
import { Employee } from '../modules/employee/index.js';
import { reportFatal } from './cli.js';

// Usage: npm run bench:employees -- [--seconds 10] [--connections 10] [--first 50] [--total-count]
//        [--login b42-hr] [--password demo1234]   (the HR account `npm run seed -- --seed 42` creates)
// Loads the employees list with its nested relations through the real HTTP endpoint and prints
// throughput, latency and SQL statements per request. Seed a large institution first (npm run seed).
const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10' },
    first: { type: 'string', default: '50' },
    'total-count': { type: 'boolean', default: false },
    login: { type: 'string', default: 'b42-hr' },
    password: { type: 'string', default: 'demo1234' },
  },
});

const query = `query Bench($first: Int!) {
  employees(first: $first) {
    ${values['total-count'] ? 'totalCount' : ''}
    edges { node { id fullName personnelNumber department { name parent { name } } position { name } manager { fullName } } }
  }
}`;

try {
  const config = {
    ...loadConfig(),
    port: 0,
    host: '127.0.0.1',
    logLevel: loadConfig().logLevel === 'info' ? ('warn' as const) : loadConfig().logLevel,
    seedDemo: false,
  };
  const server = await startServer(config, createLogger(config.logLevel));
  try {
    const employees = await server.orm.em.fork().count(Employee, {});
    const signIn = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `mutation($input: LoginInput!) { login(input: $input) { accessToken } }`,
        variables: { input: { login: values.login, password: values.password } },
      }),
    });
    const token = ((await signIn.json()) as { data?: { login?: { accessToken: string } } }).data
      ?.login?.accessToken;
    if (!token)
      throw new Error(
        `cannot sign in as ${values.login}; seed first: npm run seed -- --employees 50000`,
      );
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
    const body = JSON.stringify({ query, variables: { first: Number(values.first) } });
    const request = () => fetch(`${server.url}/graphql`, { method: 'POST', headers, body });
    const warm = await (await request()).json();
    if ((warm as { errors?: unknown }).errors) throw new Error(JSON.stringify(warm));
    const { statements } = await server.queries.measure(request);

    const result = await autocannon({
      url: `${server.url}/graphql`,
      method: 'POST',
      headers,
      body,
      connections: Number(values.connections),
      // The load generator runs in its own thread, or it competes with the server for this one.
      workers: 1,
      duration: Number(values.seconds),
    });
    const lines = [
      `employees in database:      ${employees}`,
      `page size (first):          ${values.first}`,
      `database:                   ${config.database.kind}`,
      `SQL statements per request: ${statements}`,
      `requests:                   ${result.requests.total} in ${result.duration} s, ${result.non2xx} non-2xx, ${result.errors} errors`,
      `throughput:                 ${result.requests.average.toFixed(0)} req/s (avg)`,
      `latency:                    p50 ${result.latency.p50} ms, p90 ${result.latency.p90} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    await server.stop();
  }
} catch (error) {
  reportFatal(error);
}
