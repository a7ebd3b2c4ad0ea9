import type express from 'express';
import type { AppServices } from '../../core/context.js';
import { appRoute } from '../../core/http-route.js';
import { authorize } from '../../core/policy.js';
import { integrationActions } from './integration.policy.js';
import { viewerOf } from '../../core/context.js';
import { ImportService } from './import.service.js';
import { integrationActor } from '../identity/index.js';
import { resultType } from './integration.resolver.js';
import { lastLineOf, ndjsonBlocks, type InputItem } from './ndjson.js';

/**
 * POST /integration/import — a batch as NDJSON in the body (`Content-Type: application/x-ndjson`),
 * for an INTEGRATION token only (`Authorization: Bearer kabi_…`). The body is read as it arrives,
 * up to IMPORT_MAX_MB. Answers 200 with what the batch did, or 422 with every problem (nothing
 * written); the same JSON shape as the GraphQL `importRecords`.
 */
export function registerImportRoute(app: express.Express, services: AppServices): void {
  app.post(
    '/integration/import',
    appRoute(services, async (req, res, open) => {
      const ctx = await open();
      authorize(viewerOf(ctx), integrationActions.importRecords);
      const result = await ImportService.of(services, ctx.logger).run(
        limited(req, services.config.import.maxBytes),
        {
          channel: 'HTTP',
          actor: await integrationActor(ctx),
          organizationId: viewerOf(ctx).organizationId,
          ip: ctx.ip,
          requestId: ctx.requestId,
        },
      );
      res.status(result.status === 'APPLIED' ? 200 : 422).json(resultType(result));
    }),
  );
}

/**
 * The body's lines, up to `maxBytes`: past it the rest is drained unread and one problem says so
 * (the answer still goes out, which a destroyed request would not allow).
 */
async function* limited(req: express.Request, maxBytes: number): AsyncGenerator<InputItem> {
  let tooLarge = false;
  async function* chunks(): AsyncGenerator<Buffer> {
    let total = 0;
    for await (const chunk of req as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > maxBytes) tooLarge = true;
      if (!tooLarge) yield chunk;
    }
  }
  let last = 0;
  for await (const item of ndjsonBlocks(chunks())) {
    last = lastLineOf(item);
    yield item;
  }
  if (tooLarge)
    yield {
      line: last + 1,
      error: `The batch is larger than ${Math.round(maxBytes / 1024 / 1024)} MiB (IMPORT_MAX_MB); nothing past this was read`,
    };
}
