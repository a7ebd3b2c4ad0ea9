import { parseArgs } from 'node:util';

/** What `npm run bench` was asked to do. */
export interface BenchOptions {
  employees: number;
  databaseUrl: string;
  seconds: number;
  connections: number;
  rounds: number;
  peer: boolean;
  only: string[];
  /** Where the JSON goes; null: a timestamped file under bench-results/. */
  json: string | null;
  compare: [string, string] | null;
}

const usage = `Usage: npm run bench -- [--employees 10000] [--seconds 10] [--connections 10] [--rounds 3]
         [--peer] [--only employees,dashboard] [--json bench-results/run.json] [--database <url>]
       npm run bench -- --compare a.json b.json`;

const positive = (name: string, text: string): number => {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`--${name} must be a positive integer\n${usage}`);
  return value;
};

/** Parses the command line; the database defaults to kabinet_bench_<employees> on local PostgreSQL. */
export function parseOptions(argv: string[]): BenchOptions {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      employees: { type: 'string', default: '10000' },
      database: { type: 'string' },
      seconds: { type: 'string', default: '10' },
      connections: { type: 'string', default: '10' },
      rounds: { type: 'string', default: '3' },
      peer: { type: 'boolean', default: false },
      only: { type: 'string' },
      json: { type: 'string' },
      compare: { type: 'boolean', default: false },
    },
  });
  const employees = positive('employees', values.employees);
  const [first, second] = positionals;
  if (values.compare && (!first || !second)) throw new Error(usage);
  return {
    employees,
    databaseUrl: values.database ?? `postgres://postgres@127.0.0.1:5432/kabinet_bench_${employees}`,
    seconds: positive('seconds', values.seconds),
    connections: positive('connections', values.connections),
    rounds: positive('rounds', values.rounds),
    peer: values.peer,
    only: values.only ? values.only.split(',').map((name) => name.trim()) : [],
    json: values.json ?? null,
    compare: values.compare && first && second ? [first, second] : null,
  };
}
