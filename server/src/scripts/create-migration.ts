import { runWithDatabase } from './cli.js';

// Usage: npm run db:migration:create -- <name>; diffs the entities against the committed snapshot.
const name = process.argv[2];
await runWithDatabase(async ({ orm }) => {
  const migrator = orm.getMigrator();
  await migrator.up();
  // Only now: `up()` with snapshots on would overwrite the committed snapshot from the database.
  // The migrator reads this very options object, so turning it on here reaches it.
  orm.config.get('migrations').snapshot = true;
  const result = await migrator.createMigration(undefined, false, false, name);
  process.stdout.write(
    result.fileName
      ? `Created ${result.fileName}\n`
      : 'No changes: entities match the migrations.\n',
  );
});
