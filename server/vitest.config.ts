import { createRequire } from 'node:module';
import { configDefaults, defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

/** Tests of the database's own embedded mode: they start PGlite themselves, in the embedded lane. */
const embeddedOnly = ['test/embedded*.test.ts'];

/**
 * Every write flow of the API, run again on the embedded database (PGlite, a pool of one). The rest
 * run on PostgreSQL only: reads, the browser portal, and tests that share one database between two
 * servers (mail, Redis pub/sub), which PGlite's one process per data directory cannot.
 */
const writeFlows = [
  'src/core/unit-of-work.test.ts',
  'test/permission-matrix.test.ts',
  'src/modules/identity/*.test.ts',
  'src/modules/task/task.test.ts',
  'src/modules/kpi/kpi.test.ts',
  'src/modules/payroll/payroll.test.ts',
  'src/modules/files/files.test.ts',
  'src/modules/integration/import.test.ts',
  'src/modules/personal-data/file-edits.test.ts',
  'src/modules/notification/notification.test.ts',
  'src/modules/calendar/calendar.test.ts',
  'src/modules/dashboard/dashboard.test.ts',
  'src/modules/leave/leave.test.ts',
  'src/modules/medical/medical.test.ts',
  // Use cases called directly on factory-built data, in a unit of work: cheap on either database.
  'src/**/*.use-case.test.ts',
];

export default defineConfig({
  resolve: {
    // graphql 16 ships CommonJS (`main`) and ESM (`module`); Node and the libraries load the CommonJS
    // one, so tests must too, or `instanceof GraphQLScalarType` fails across the two copies.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    setupFiles: ['test/setup.ts'],
    env: { TZ: 'UTC' },
    pool: 'forks',
    // Most of a test's time is waiting (PostgreSQL, sockets, child processes, Chromium): as many
    // files at once as there are cores, where the default leaves one core idle (1 worker on 2).
    maxWorkers: '100%',
    // A worker runs its files one after another in one process and module graph, as one server
    // process serves many requests: loading the app's modules anew for each file cost 64 s of a
    // 425 s run. So a test file leaves nothing behind: it closes what it starts, restores its spies.
    isolate: false,
    testTimeout: 30_000,
    hookTimeout: 90_000,
    // Two lanes; run one with `--project postgres` or `--project embedded`.
    projects: [
      {
        extends: true,
        test: {
          name: 'postgres',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...embeddedOnly],
          globalSetup: ['test/global-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'embedded',
          include: [...writeFlows, ...embeddedOnly],
          globalSetup: ['test/embedded-setup.ts'],
        },
      },
    ],
  },
});
