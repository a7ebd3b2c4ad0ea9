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

/** A notification as its recipient is shown it, as committed (JSON: the instant as an ISO string). */
export interface NotificationAddedContent {
  id: string;
  type: string;
  title: string;
  body: string | null;
  link: string | null;
  createdAt: string;
}

/**
 * A notification was committed for a user. A subscriber whose next seq it is delivers the content
 * it carries; anything else (a gap, a replay, no content) it reads from the database by seq.
 */
export interface NotificationAddedEvent {
  recipientUserId: string;
  notificationId: string;
  /** The notification's number in its recipient's commit order. */
  seq: number;
  /** Absent when the body is too long to send to every instance: subscribers read it instead. */
  notification?: NotificationAddedContent;
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
