import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Header, OrganizationRecord } from './import-reader.js';
import type { ImportProblem } from './import-run.entity.js';
import type { EncodedRows } from './import-staging.js';
import { isBlock, type InputBlock, type InputItem, type InputLine } from './ndjson.js';

/** Chunks handed to each worker before the reader waits for the oldest. */
const AHEAD_PER_WORKER = 2;

/** When a batch is read by workers, and by how many. */
export interface ParallelReading {
  /** Records read on the main thread first. */
  from: number;
  workers: number;
  /** Decoded lines (a GraphQL push, not blocks of bytes) sent to a worker at once. */
  chunkLines?: number;
}

/** What the main thread sends a worker: the batch's header, then chunks of lines or blocks. */
export type WorkerRequest =
  | { kind: 'start'; header: Header; today: string }
  | { kind: 'chunk'; sequence: number; lines: InputLine[] }
  | { kind: 'chunk'; sequence: number; block: InputBlock };

/** What a worker read from one chunk: rows encoded for COPY, problems, organization records. */
export interface ReadChunk {
  sequence: number;
  /** Lines read (blank ones not counted). */
  records: number;
  tables: EncodedRows[];
  problems: ImportProblem[];
  organizations: OrganizationRecord[];
}

export type WorkerResponse = ({ kind: 'chunk' } & ReadChunk) | { kind: 'failed'; message: string };

/**
 * A reading worker. Run from TypeScript source (the server, the scripts and the tests are), the
 * worker registers tsx itself before loading its entry: workers do not inherit the main thread's
 * module hooks, not even with `--import tsx` in their execArgv (Node 20).
 */
function startWorker(): Worker {
  const source = import.meta.url.endsWith('.ts');
  const entry = new URL(`./import-worker.${source ? 'ts' : 'js'}`, import.meta.url);
  if (!source) return new Worker(entry);
  const api = createRequire(import.meta.url)
    .resolve('tsx/esm/api')
    .replace(/\.cjs$/, '.mjs');
  return new Worker(
    `import(${JSON.stringify(pathToFileURL(api).href)})
       .then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}); });`,
    { eval: true },
  );
}

/**
 * Worker threads that parse, check and encode a large batch's lines while the main thread reads
 * the input and feeds COPY: JSON parsing, the schema and the rules are most of an import's work
 * in Node, and on one thread they left the second core to PostgreSQL's COPY alone. Chunks go out
 * round robin and come back in any order; `take` gets them in the order of the lines, so problems
 * and the organization record are found as a single reader finds them.
 */
export class ReadingWorkers {
  private readonly workers: Worker[];
  private chunk: InputLine[] = [];
  private sent = 0;
  private taken = 0;
  private readonly done = new Map<number, ReadChunk>();
  /** Settles when the chunk `taken` arrives (or a worker fails). */
  private wake: (() => void) | null = null;
  private failure: Error | null = null;

  private readonly chunkLines: number;

  constructor(
    options: ParallelReading,
    header: Header,
    today: string,
    private readonly take: (chunk: ReadChunk) => void,
  ) {
    this.chunkLines = options.chunkLines ?? 2000;
    this.workers = Array.from({ length: Math.max(1, options.workers) }, () => {
      const worker = startWorker();
      worker.on('message', (response: WorkerResponse) => {
        if (response.kind === 'failed') this.fail(new Error(response.message));
        else {
          this.done.set(response.sequence, response);
          this.wake?.();
        }
      });
      worker.on('error', (error) => this.fail(error));
      worker.on('exit', (code) => {
        if (code !== 0) this.fail(new Error(`An import worker stopped (exit code ${code})`));
      });
      worker.postMessage({ kind: 'start', header, today } satisfies WorkerRequest);
      return worker;
    });
  }

  /**
   * Adds a line or a block: a block, or a full chunk of lines, goes to the next worker, and the
   * reader waits while too many are out.
   */
  async push(item: InputItem): Promise<void> {
    if (isBlock(item)) {
      this.sendLines();
      // The block's bytes move to the worker (transferred, not copied): a block owns its buffer.
      this.send({ kind: 'chunk', sequence: this.sent, block: item }, [
        item.bytes.buffer as ArrayBuffer,
      ]);
    } else {
      this.chunk.push(item);
      if (this.chunk.length < this.chunkLines) return;
      this.sendLines();
    }
    await this.drain(this.workers.length * AHEAD_PER_WORKER);
  }

  /** Sends the last chunk and takes every chunk still out. */
  async finish(): Promise<void> {
    this.sendLines();
    await this.drain(0);
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }

  private sendLines(): void {
    if (this.chunk.length === 0) return;
    this.send({ kind: 'chunk', sequence: this.sent, lines: this.chunk });
    this.chunk = [];
  }

  private send(request: WorkerRequest, transfer: ArrayBuffer[] = []): void {
    this.workers[this.sent % this.workers.length]!.postMessage(request, transfer);
    this.sent += 1;
  }

  /** Takes finished chunks in order until at most `out` are still out. */
  private async drain(out: number): Promise<void> {
    for (;;) {
      if (this.failure) throw this.failure;
      let next = this.done.get(this.taken);
      while (next) {
        this.done.delete(this.taken);
        this.taken += 1;
        this.take(next);
        next = this.done.get(this.taken);
      }
      if (this.sent - this.taken <= out) return;
      await new Promise<void>((resolve) => (this.wake = resolve));
      this.wake = null;
    }
  }

  private fail(error: Error): void {
    this.failure ??= error;
    this.wake?.();
  }
}
