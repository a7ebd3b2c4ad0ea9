import { runWithDatabase } from './cli.js';

await runWithDatabase(async ({ orm }) => {
  const applied = await orm.getMigrator().up();
  process.stdout.write(
    applied.length === 0
      ? 'Database is up to date.\n'
      : `Applied ${applied.length} migration(s):\n${applied.map((m) => `  ${m.name}`).join('\n')}\n`,
  );
});
