import { Arg, Ctx, Mutation, Resolver, Root, Subscription } from 'type-graphql';
import { viewerOf, type AppContext } from '../../core/context.js';
import { inUnit } from '../../core/unit-of-work.js';
import { authorize } from '../../core/policy.js';
import { systemActions } from './system.policy.js';
import type { PingEvent } from '../../core/topics.js';
import { badInput } from '../../core/errors.js';
import { PingType } from './ping.type.js';

const MAX_PING_LENGTH = 200;

/** Diagnostics of the real-time path: a ping published on one instance reaches subscribers on all. */
@Resolver(() => PingType)
export class SystemResolver {
  @Mutation(() => Boolean, { description: 'ADMIN: publishes a ping to every `ping` subscriber.' })
  publishPing(
    @Arg('message', () => String) message: string,
    @Ctx() ctx: AppContext,
  ): Promise<boolean> {
    authorize(viewerOf(ctx), systemActions.diagnostics);
    if (message.length > MAX_PING_LENGTH) {
      throw badInput(['message'], `message must be at most ${MAX_PING_LENGTH} characters`);
    }
    return inUnit(ctx, async (unit) => {
      unit.events.publish('PING', {
        message,
        sentAt: new Date().toISOString(),
        instanceId: ctx.app.instanceId,
      });
      return true;
    });
  }

  @Subscription(() => PingType, {
    description: 'ADMIN: pings published on any instance.',
    subscribe: ({ context }) => {
      const ctx = context as AppContext;
      authorize(viewerOf(ctx), systemActions.diagnostics);
      return ctx.app.pubSub.subscribe('PING');
    },
  })
  ping(@Root() event: PingEvent, @Ctx() ctx: AppContext): PingType {
    authorize(viewerOf(ctx), systemActions.diagnostics);
    return { message: event.message, sentAt: new Date(event.sentAt), instanceId: event.instanceId };
  }
}
