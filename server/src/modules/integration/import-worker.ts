import { parentPort } from 'node:worker_threads';
import { RecordReader, type Header, type OrganizationRecord } from './import-reader.js';
import { ImportSchema } from './import-schema.js';
import { EncodingSink } from './import-staging.js';
import type { WorkerRequest, WorkerResponse } from './import-workers.js';
import { readBlock } from './ndjson.js';

// A reading worker of ReadingWorkers: parses, checks and encodes the chunks of lines it is sent,
// exactly as the main thread's reader would, and sends back the rows, problems and organizations.
const port = parentPort!;
const schema = new ImportSchema();
const sink = new EncodingSink();
let batch: { header: Header; today: string } | null = null;

port.on('message', (request: WorkerRequest) => {
  try {
    if (request.kind === 'start') {
      batch = { header: request.header, today: request.today };
      return;
    }
    const { header, today } = batch!;
    // A reader without input: only its line-by-line staging and its problems are used.
    const reader = new RecordReader(schema, emptyInput, Number.POSITIVE_INFINITY);
    const organizations: OrganizationRecord[] = [];
    const lines = 'block' in request ? readBlock(request.block) : request.lines;
    for (const line of lines) {
      const organization = reader.stageLine(sink, header, today, line);
      if (organization) organizations.push(organization);
    }
    const tables = sink.take();
    port.postMessage(
      {
        kind: 'chunk',
        sequence: request.sequence,
        records: lines.length,
        tables,
        problems: reader.problems,
        organizations,
      } satisfies WorkerResponse,
      // The encoded rows move to the main thread (transferred, not copied).
      tables.map(({ bytes }) => bytes.buffer as ArrayBuffer),
    );
  } catch (error) {
    port.postMessage({
      kind: 'failed',
      message: error instanceof Error ? (error.stack ?? error.message) : String(error),
    } satisfies WorkerResponse);
  }
});

const emptyInput: AsyncIterator<never> = {
  next: () => Promise.resolve({ done: true, value: undefined }),
};
