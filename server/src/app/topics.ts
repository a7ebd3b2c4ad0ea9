import type { PubSub } from '@graphql-yoga/subscription';

/** Diagnostic ping; crosses processes like every real event will. */
export interface PingEvent {
  message: string;
  sentAt: string;
  instanceId: string;
}

/** Every pub/sub topic and its payload. */
export type Topics = {
  PING: [PingEvent];
};

export type AppPubSub = PubSub<Topics>;
