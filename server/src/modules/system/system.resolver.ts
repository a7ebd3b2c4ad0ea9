import { Arg, Ctx, Mutation, Resolver, Root, Subscription } from 'type-graphql';
import type { AppContext } from '../../app/context.js';
import type { PingEvent } from '../../app/topics.js';
import { badInput } from '../../core/errors.js';
import { PingType } from './ping.type.js';

const MAX_PING_LENGTH = 200;

/** Diagnostics of the real-time path: a ping published on one instance reaches subscribers on all. */
@Resolver(() => PingType)
export class SystemResolver {
  @Mutation(() => Boolean, { description: 'Publishes a ping to every `ping` subscriber.' })
  publishPing(@Arg('message', () => String) message: string, @Ctx() ctx: AppContext): boolean {
    if (message.length > MAX_PING_LENGTH) {
      throw badInput(['message'], `message must be at most ${MAX_PING_LENGTH} characters`);
    }
    ctx.app.pubSub.publish('PING', {
      message,
      sentAt: new Date().toISOString(),
      instanceId: ctx.app.instanceId,
    });
    return true;
  }

  @Subscription(() => PingType, { topics: 'PING', description: 'Pings published on any instance.' })
  ping(@Root() event: PingEvent): PingType {
    return { message: event.message, sentAt: new Date(event.sentAt), instanceId: event.instanceId };
  }
}
