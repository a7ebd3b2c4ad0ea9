/**
 * The server's layers, held by `npm run lint` (dependency-cruiser). From the top:
 *
 *   wiring   server/src/app/, main.ts     builds the process: registries, HTTP, WebSocket, start-up
 *   modules  server/src/modules/<name>/   one feature each; others reach it only through index.ts
 *   core     server/src/core/             the request kernel and shared kinds (knows no module)
 *   config   server/src/config/           environment → settings
 *
 * Seeders, scripts and migrations stand beside the wiring: they may use modules' faces and core,
 * and nothing at runtime (core, modules) imports them. Tests may reach inside what they test.
 * `npm run deps` prints the module graph and fails on a cycle between modules.
 */
const src = '^server/src/';
const tests = ['\\.test\\.ts$', '^server/test/'];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'core-knows-no-module',
      comment:
        'core/ is the kernel every module builds on; it never imports a module or the wiring.',
      severity: 'error',
      from: { path: `${src}core/`, pathNot: tests },
      to: { path: `${src}(modules|app|seeders|scripts|migrations)/|${src}main\\.ts$` },
    },
    {
      name: 'config-is-the-floor',
      comment: 'config/ reads the environment; it imports nothing of the server.',
      severity: 'error',
      from: { path: `${src}config/`, pathNot: tests },
      to: { path: `${src}(core|modules|app|seeders|scripts|migrations)/` },
    },
    {
      name: 'modules-never-import-the-wiring',
      comment: 'The wiring sits above the features it wires: a module imports core, never app/.',
      severity: 'error',
      from: { path: `${src}modules/`, pathNot: tests },
      to: { path: `${src}app/|${src}main\\.ts$` },
    },
    {
      name: 'runtime-never-imports-tooling',
      comment:
        'Seeders, scripts and migrations are tools; core and modules never depend on them (the ' +
        'wiring alone seeds the demo at start when SEED_DEMO says so).',
      severity: 'error',
      from: { path: `${src}(core|modules)/`, pathNot: tests },
      // A section's demo seed may name the seeders' types (erased at build); nothing is loaded.
      to: { path: `${src}(seeders|scripts|migrations)/`, dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'modules-through-faces',
      comment: 'Another module is reached through its public face, modules/<name>/index.ts.',
      severity: 'error',
      from: { path: `${src}modules/([^/]+)/`, pathNot: tests },
      to: {
        path: `${src}modules/[^/]+/`,
        pathNot: [`${src}modules/$1/`, `${src}modules/[^/]+/index\\.ts$`],
      },
    },
    {
      name: 'wiring-and-tools-through-faces',
      comment: 'The wiring, seeders and scripts reach a module through its face too.',
      severity: 'error',
      from: { path: `${src}(app|seeders|scripts)/|${src}main\\.ts$`, pathNot: tests },
      to: { path: `${src}modules/[^/]+/`, pathNot: `${src}modules/[^/]+/index\\.ts$` },
    },
    {
      name: 'no-unresolvable',
      comment: 'An import that resolves to nothing is a typo or a missing dependency.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['node_modules', '/dist/', 'server/src/migrations/\\.snapshot'] },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.mjs', '.cjs', '.json', '.d.ts'],
    },
  },
};
