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

/** E-mails were queued in the outbox: mailers (on every instance) drain it now, not at their next poll. */
export interface EmailQueuedEvent {
  count: number;
}

/** A payroll period was published: its employees' payslips are now visible. */
export interface PayrollPublishedEvent {
  organizationId: string;
  periodId: string;
  part: 'ADVANCE' | 'FINAL';
}

/**
 * A notification was committed for a user; subscribers read it (and any before it they have not
 * seen) from the database by the recipient's seq, never trusting the event's content.
 */
export interface NotificationAddedEvent {
  recipientUserId: string;
  notificationId: string;
  /** The notification's number in its recipient's commit order. */
  seq: number;
}

/** A task's history grew (a status change, a message, an attachment …); routed per task. */
export interface TaskEventAddedEvent {
  taskId: string;
  eventId: string;
}

/** Every pub/sub topic and its payload. */
export type Topics = {
  /** Routed per recipient: a subscriber listens to its own user's channel only. */
  NOTIFICATION_ADDED: [recipientUserId: string, event: NotificationAddedEvent];
  EMAIL_QUEUED: [EmailQueuedEvent];
  PAYROLL_PUBLISHED: [PayrollPublishedEvent];
  /** Routed per task: a subscriber listens to the one task it may see. */
  TASK_EVENT_ADDED: [taskId: string, event: TaskEventAddedEvent];
  PING: [PingEvent];
  SESSIONS_REVOKED: [SessionsRevokedEvent];
};

export type AppPubSub = PubSub<Topics>;
