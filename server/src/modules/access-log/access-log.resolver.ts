import { Arg, Args, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { AppContext } from '../../core/context.js';
import { ForwardPageArgs, type Connection } from '../../core/graphql/connection.js';
import type { AccessLogEntry } from './access-log.entity.js';
import { AccessLogService } from './access-log.service.js';
import { AccessLogConnection, AccessLogEntryType } from './access-log.type.js';

@Resolver(() => AccessLogEntryType)
export class AccessLogResolver {
  @Query(() => AccessLogConnection, { description: 'Who viewed or changed my personal file.' })
  myFileAccessLog(
    @Args(() => ForwardPageArgs) page: ForwardPageArgs,
    @Ctx() ctx: AppContext,
  ): Promise<Connection<AccessLogEntry>> {
    return new AccessLogService(ctx).mine(page);
  }

  @Query(() => AccessLogConnection, { description: "ADMIN: the organization's access journal." })
  accessLog(
    @Args(() => ForwardPageArgs) page: ForwardPageArgs,
    @Arg('subjectEmployeeId', () => ID, { nullable: true }) subjectEmployeeId: string | null,
    @Ctx() ctx: AppContext,
  ): Promise<Connection<AccessLogEntry>> {
    return new AccessLogService(ctx).all(page, subjectEmployeeId);
  }
}
