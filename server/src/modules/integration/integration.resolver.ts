import { JSONResolver } from 'graphql-scalars';
import { Arg, Args, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { viewerOf, type AppContext } from '../../core/context.js';
import { authorize } from '../../core/policy.js';
import { integrationActions } from './integration.policy.js';
import { badInput } from '../../core/errors.js';
import { checkPageSize, ForwardPageArgs } from '../../core/graphql/connection.js';
import { pageOf } from '../../core/orm/pagination.js';
import { ImportRun, type ImportProblem } from './import-run.entity.js';
import type { ImportResult } from './import-run-record.js';
import { ImportService } from './import.service.js';
import { integrationActor } from '../identity/index.js';
import {
  ImportProblemType,
  ImportResultType,
  ImportRunConnection,
  ImportRunType,
} from './integration.type.js';
import { valueLines } from './ndjson.js';

/** Records one importRecords call takes; larger batches go to POST /integration/import. */
const MAX_RECORDS = 1000;

const problemsOf = (problems: ImportProblem[]): ImportProblemType[] =>
  problems.map((problem) => ({ ...problem, path: problem.path.map(String) }));

@Resolver(() => ImportRunType)
export class IntegrationResolver {
  @Query(() => ImportRunConnection, {
    description: "ADMIN: the organization's imports, newest first.",
  })
  importRuns(@Args(() => ForwardPageArgs) page: ForwardPageArgs, @Ctx() ctx: AppContext) {
    const viewer = viewerOf(ctx);
    authorize(viewer, integrationActions.readImportRuns);
    return pageOf<ImportRun>(
      ctx.em,
      ImportRun,
      { organization: viewer.organizationId },
      { first: checkPageSize(page.first), after: page.after ?? null, orderBy: { id: 'desc' } },
    );
  }

  @Mutation(() => ImportResultType, {
    description:
      'INTEGRATION: applies a small batch (up to 1000 records, the same format as the NDJSON lines ' +
      'without the header) atomically; larger ones go to POST /integration/import.',
  })
  async importRecords(
    @Arg('source', () => String) source: string,
    @Arg('schemaVersion', () => Int) schemaVersion: number,
    @Arg('records', () => [JSONResolver]) records: unknown[],
    @Ctx() ctx: AppContext,
  ): Promise<ImportResultType> {
    const viewer = viewerOf(ctx);
    authorize(viewer, integrationActions.importRecords);
    if (!/^[a-z0-9][a-z0-9._-]{0,63}$/.test(source))
      throw badInput(
        ['source'],
        'A source system name like "1c-zkgu": lower-case letters, digits, . _ -',
      );
    if (records.length > MAX_RECORDS)
      throw badInput(['records'], `At most ${MAX_RECORDS} records; send more as NDJSON`);
    const result = await ImportService.of(ctx.app, ctx.logger).run(valueLines(records), {
      channel: 'GRAPHQL',
      actor: await integrationActor(ctx),
      organizationId: viewer.organizationId,
      header: { source, schemaVersion },
      ip: ctx.ip,
      requestId: ctx.requestId,
    });
    return resultType(result);
  }

  @FieldResolver(() => [ImportProblemType])
  errors(@Root() run: ImportRun): ImportProblemType[] {
    return problemsOf(run.errors);
  }
}

export function resultType(result: ImportResult): ImportResultType {
  return { ...result, errors: problemsOf(result.errors) };
}
