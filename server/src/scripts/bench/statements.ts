import { startServer } from '../../app/server.js';
import { loadConfig } from '../../config/env.js';
import { createLogger } from '../../core/logger.js';
import { post, startPeer, type Places } from './engines.js';
import type { Account, Read, Subjects } from './reads.js';
import { StatementCountingProxy } from './sql-proxy.js';

/** Statements per request of one read: on the wire for both engines, and as Kabinet's ORM counted them. */
export interface StatementCounts {
  kabinet: number | null;
  kabinetOrm: number | null;
  peer: number | null;
}

const ATTEMPTS = 3;

// Fewest statements over a few attempts: a background job (the mail poll) may add one to any of them.
async function fewest(attempt: () => Promise<number>): Promise<number> {
  const counts: number[] = [];
  for (let i = 0; i < ATTEMPTS; i += 1) counts.push(await attempt());
  return Math.min(...counts);
}

/**
 * The counting pass: Kabinet in this process and the peer as a child, both through a counting proxy,
 * each read warmed once and then counted. Kabinet's wire count is checked against its ORM counter.
 */
export async function countStatements(spec: {
  places: Places;
  databaseUrl: string;
  reads: Read[];
  subjects: Subjects;
  tokens: Record<Account, string>;
  peer: boolean;
}): Promise<Record<string, StatementCounts>> {
  const url = new URL(spec.databaseUrl);
  const proxy = await StatementCountingProxy.start({
    host: url.hostname,
    port: Number(url.port || 5432),
  });
  const counts: Record<string, StatementCounts> = {};
  try {
    const config = loadConfig({
      ...process.env,
      DATABASE_URL: proxy.urlFor(spec.databaseUrl),
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      SEED_DEMO: 'false',
    });
    const server = await startServer(config, createLogger('error'));
    try {
      for (const read of spec.reads) {
        const request = () =>
          post(server.url, read.kabinet(spec.subjects), spec.tokens[read.account]);
        await request();
        let orm = Number.POSITIVE_INFINITY;
        const wire = await fewest(async () => {
          const before = proxy.count;
          const { statements } = await server.queries.measure(request);
          orm = Math.min(orm, statements);
          return proxy.count - before;
        });
        counts[read.name] = { kabinet: wire, kabinetOrm: orm, peer: null };
      }
    } finally {
      await server.stop();
    }
    if (spec.peer) {
      const peer = await startPeer(spec.places, proxy.urlFor(spec.databaseUrl), 'peer-counting');
      try {
        for (const read of spec.reads) {
          const document = read.peer?.(spec.subjects);
          const entry = counts[read.name];
          if (!document || !entry) continue;
          await post(peer.url, document);
          entry.peer = await fewest(async () => {
            const before = proxy.count;
            await post(peer.url, document);
            return proxy.count - before;
          });
        }
      } finally {
        await peer.stop();
      }
    }
  } finally {
    await proxy.close();
  }
  return counts;
}
