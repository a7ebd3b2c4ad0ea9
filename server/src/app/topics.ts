import type { PubSub } from '@graphql-yoga/subscription';

/** Diagnostic ping; crosses processes like every real event will. */
export interface PingEvent {
  message: string;
  sentAt: string;
  instanceId: string;
}

/** Sessions ended by logout or revocation: every instance closes their sockets. */
export interface SessionsRevokedEvent {
  sessionIds: string[];
}

/** Every pub/sub topic and its payload. */
export type Topics = {
  PING: [PingEvent];
  SESSIONS_REVOKED: [SessionsRevokedEvent];
};

export type AppPubSub = PubSub<Topics>;
