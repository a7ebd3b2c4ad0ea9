import { runWithDatabase } from './cli.js';

// Usage: npm run db:migration:create -- <name>; diffs the entities against the committed snapshot.
const name = process.argv[2];
await runWithDatabase(async ({ orm }) => {
  const migrator = orm.getMigrator();
  await migrator.up();
  const result = await migrator.createMigration(undefined, false, false, name);
  process.stdout.write(
    result.fileName
      ? `Created ${result.fileName}\n`
      : 'No changes: entities match the migrations.\n',
  );
});
