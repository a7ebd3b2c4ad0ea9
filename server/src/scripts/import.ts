import fs from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { Presets, SingleBar } from 'cli-progress';
import type { Topics } from '../core/topics.js';
import { createAppPubSub } from '../core/pubsub.js';
import {
  ImportService,
  ImportSetupError,
  ndjsonBlocks,
  readingOf,
  summary,
} from '../modules/integration/index.js';
import { runWithDatabase } from './cli.js';

// Usage: npm run import -- <file.ndjson> [--create-organization] [--no-progress]
// Applies one batch from the system of record, as POST /integration/import does; exit 0 when
// applied, 2 when rejected (nothing written), 1 when it could not run.
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    'create-organization': { type: 'boolean', default: false },
    'no-progress': { type: 'boolean', default: false },
  },
});
const file = positionals[0];
if (!file || positionals.length > 1) {
  process.stderr.write('Usage: npm run import -- <file.ndjson> [--create-organization]\n');
  process.exit(1);
}
const size = (() => {
  try {
    return fs.statSync(file).size;
  } catch {
    process.stderr.write(`kabinet: cannot read ${file}\n`);
    process.exit(1);
  }
})();

let exitCode = 0;
await runWithDatabase(async ({ orm }, config, logger) => {
  const pubSub = await createAppPubSub<Topics>(config.redisUrl, logger);
  const bar = new SingleBar(
    {
      format: 'Importing {bar} {percentage}% | {records} records | {duration}s',
      hideCursor: true,
    },
    Presets.shades_classic,
  );
  const progress = !values['no-progress'] && process.stdout.isTTY;
  let read = 0;
  let records = 0;
  async function* counted(stream: AsyncIterable<Buffer>) {
    for await (const chunk of stream) {
      read += chunk.length;
      if (progress) bar.update(read, { records });
      yield chunk;
    }
  }
  if (progress) bar.start(Math.max(size, 1), 0, { records: 0 });
  try {
    const result = await new ImportService(orm, pubSub.pubSub, logger, readingOf(config)).run(
      ndjsonBlocks(counted(fs.createReadStream(file, { highWaterMark: 1 << 20 }))),
      {
        channel: 'CLI',
        actor: { userId: null, label: `cli:${os.userInfo().username}`, login: 'cli' },
        organizationId: null,
        createOrganization: values['create-organization'],
        onProgress: (count) => (records = count),
      },
    );
    if (progress) bar.stop();
    process.stdout.write(summary(result));
    exitCode = result.status === 'APPLIED' ? 0 : 2;
  } catch (error) {
    if (progress) bar.stop();
    if (error instanceof ImportSetupError) {
      process.stderr.write(`kabinet: ${error.message}\n`);
      exitCode = 1;
      return;
    }
    throw error;
  } finally {
    await pubSub.close();
  }
});
process.exit(exitCode);
