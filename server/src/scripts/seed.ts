import { parseArgs } from 'node:util';
import { SingleBar, Presets } from 'cli-progress';
import { Organization } from '../modules/organization/index.js';
import { DEMO_PASSWORD } from '../seeders/demo.seeder.js';
import { SEED_SOURCE, seedInstitution } from '../seeders/institution.seeder.js';
import { runWithDatabase } from './cli.js';

// Usage: npm run seed -- --employees 50000 [--seed 42]; adds one generated institution for benchmarks.
const { values } = parseArgs({
  options: {
    employees: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '42' },
  },
});
const employees = Number(values.employees);
const seed = Number(values.seed);
if (!Number.isInteger(employees) || employees < 8 || employees > 1_000_000) {
  process.stderr.write('kabinet: --employees must be an integer from 8 to 1000000\n');
  process.exit(1);
}
if (!Number.isInteger(seed) || seed < 0) {
  process.stderr.write('kabinet: --seed must be a non-negative integer\n');
  process.exit(1);
}

await runWithDatabase(async ({ orm }) => {
  const em = orm.em.fork();
  const migrator = orm.getMigrator();
  await migrator.up();
  const externalId = `bench-${seed}-${employees}`;
  if (await em.findOne(Organization, { externalSource: SEED_SOURCE, externalId })) {
    process.stdout.write(`Institution ${externalId} is already seeded; nothing to do.\n`);
    return;
  }
  const bar = new SingleBar(
    { format: 'Seeding {bar} {value}/{total} employees | {duration}s' },
    Presets.shades_classic,
  );
  bar.start(employees, 0);
  const started = Date.now();
  const result = await seedInstitution(em, {
    seed,
    employees,
    organization: {
      name: `Государственное бюджетное учреждение «Учреждение № ${seed}» (${employees} сотрудников)`,
      shortName: `ГБУ № ${seed}`,
      inn: String(3100000000 + seed).slice(0, 10),
      kpp: '310001001',
      address: 'Белгородская обл.',
    },
    externalId,
    emailDomain: `org${seed}.example.ru`,
    loginPrefix: `b${seed}-`,
    password: DEMO_PASSWORD,
    onProgress: (done) => bar.update(done),
  });
  bar.stop();
  process.stdout.write(
    `Seeded ${result.employees} employees in ${result.departments} departments in ${((Date.now() - started) / 1000).toFixed(1)} s.\n` +
      `Logins: b${seed}-hr (HR), b${seed}-000001 … (employees); password ${DEMO_PASSWORD}.\n`,
  );
});
