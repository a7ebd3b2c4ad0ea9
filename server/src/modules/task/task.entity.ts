import {
  Entity,
  Index,
  ManyToOne,
  OptionalProps,
  PrimaryKey,
  Property,
  Unique,
  type Ref,
} from '@mikro-orm/core';
import { BaseEntity, newId } from '../../core/orm/base.entity.js';
import { Employee } from '../employee/index.js';
import { StoredFile } from '../files/index.js';
import { User } from '../identity/index.js';
import { Organization } from '../organization/index.js';
import type { TaskQueue, TaskStatus, TaskType } from './task.workflows.js';

export const TaskPriorities = ['LOW', 'NORMAL', 'HIGH'] as const;
export type TaskPriority = (typeof TaskPriorities)[number];

/** What a leave request asks for. */
export interface LeaveRequestDetails {
  kind: 'ANNUAL_BASIC' | 'ANNUAL_ADDITIONAL' | 'UNPAID' | 'STUDY';
  startDate: string;
  endDate: string;
  days: number;
  /** The leave record created when HR registered the leave. */
  leaveRecordId?: string;
}

/** What a certificate request asks for. */
export interface CertificateRequestDetails {
  kind: string;
  purpose: string | null;
  copies: number;
  delivery: 'PAPER' | 'ELECTRONIC';
}

/** Which section of the file is wrong, and the report behind it. */
export interface FileCorrectionDetails {
  section: string;
  reportId: string;
}

export type TaskDetails =
  | { leave: LeaveRequestDetails }
  | { certificate: CertificateRequestDetails }
  | { correction: FileCorrectionDetails }
  | Record<string, never>;

/**
 * Work between an employee and a service (HR or accounting): a request, a correction, an errand.
 * Assigned to one user or to a role queue of the organization; handled by its service queue.
 * `participants` holds every user who filed, is the subject of, was assigned or acted on the task:
 * they see it and hear of its changes.
 */
@Entity({ tableName: 'task' })
@Index({ properties: ['organization', 'assigneeQueue', 'status'] })
@Index({ properties: ['organization', 'serviceQueue', 'status'] })
@Index({ properties: ['assigneeUser', 'status'] })
@Index({ properties: ['status', 'dueDate'] })
@Index({
  name: 'task_participants_gin',
  expression: 'create index "task_participants_gin" on "task" using gin ("participants")',
})
export class Task extends BaseEntity<
  | 'description'
  | 'subject'
  | 'assigneeUser'
  | 'assigneeQueue'
  | 'priority'
  | 'dueDate'
  | 'deadlineBasis'
  | 'details'
  | 'closedAt'
  | 'overdueNotifiedAt'
> {
  @ManyToOne({ entity: () => Organization, ref: true, deleteRule: 'cascade' })
  organization!: Ref<Organization>;

  @Property({ type: 'string', length: 32 })
  type!: TaskType;

  @Property({ type: 'string', length: 300 })
  title!: string;

  @Property({ type: 'text', nullable: true })
  description: string | null = null;

  @ManyToOne({ entity: () => User, ref: true })
  author!: Ref<User>;

  /** The employee the task is about (whose leave, certificate or file). */
  @ManyToOne({ entity: () => Employee, ref: true, nullable: true })
  subject: Ref<Employee> | null = null;

  @ManyToOne({ entity: () => User, ref: true, nullable: true })
  assigneeUser: Ref<User> | null = null;

  @Property({ type: 'string', length: 16, nullable: true })
  assigneeQueue: TaskQueue | null = null;

  /** The service that handles the task and whose members always see it. */
  @Property({ type: 'string', length: 16 })
  serviceQueue!: TaskQueue;

  @Property({ type: 'string', length: 32 })
  status!: TaskStatus;

  @Property({ type: 'string', length: 8, default: 'NORMAL' })
  priority: TaskPriority = 'NORMAL';

  @Property({ type: 'date', nullable: true })
  dueDate: string | null = null;

  /** Why the due date is what it is, e.g. the article of the law that sets it. */
  @Property({ type: 'string', length: 200, nullable: true })
  deadlineBasis: string | null = null;

  @Property({ type: 'json', default: '{}' })
  details: TaskDetails = {};

  @Property({ type: 'array', columnType: 'uuid[]' })
  participants: string[] = [];

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  closedAt: Date | null = null;

  /** When the queue was told the task is overdue; it is told once. */
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  overdueNotifiedAt: Date | null = null;
}

export const TaskEventKinds = [
  'CREATED',
  'STATUS_CHANGED',
  'REASSIGNED',
  'COMMENTED',
  'ATTACHED',
  'OVERDUE',
] as const;
export type TaskEventKind = (typeof TaskEventKinds)[number];

/**
 * One entry of a task's history: who did what and when. Append-only: a trigger refuses UPDATE and
 * DELETE. Ids are time-ordered, so the history reads in id order.
 */
@Entity({ tableName: 'task_event' })
@Index({ properties: ['task', 'id'] })
export class TaskEvent {
  [OptionalProps]?: 'id' | 'createdAt' | 'actor' | 'fromStatus' | 'toStatus' | 'comment' | 'data';

  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @ManyToOne({ entity: () => Task, ref: true })
  task!: Ref<Task>;

  /** Null for the system (e.g. the overdue sweep). */
  @ManyToOne({ entity: () => User, ref: true, nullable: true })
  actor: Ref<User> | null = null;

  @Property({ type: 'string', length: 24 })
  kind!: TaskEventKind;

  @Property({ type: 'string', length: 32, nullable: true })
  fromStatus: TaskStatus | null = null;

  @Property({ type: 'string', length: 32, nullable: true })
  toStatus: TaskStatus | null = null;

  @Property({ type: 'text', nullable: true })
  comment: string | null = null;

  /** Kind-specific facts: the action, the new assignee, the message or file ids. */
  @Property({ type: 'json', nullable: true })
  data: Record<string, unknown> | null = null;

  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'current_timestamp' })
  createdAt: Date = new Date();
}

/** A message between the employee and the service on a task. */
@Entity({ tableName: 'task_message' })
@Index({ properties: ['task', 'id'] })
export class TaskMessage {
  [OptionalProps]?: 'id' | 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @ManyToOne({ entity: () => Task, ref: true })
  task!: Ref<Task>;

  @ManyToOne({ entity: () => User, ref: true })
  author!: Ref<User>;

  @Property({ type: 'text' })
  text!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'current_timestamp' })
  createdAt: Date = new Date();
}

/**
 * How far a user has read a task's messages: every message with an id up to `lastReadMessageId`
 * (ids are time-ordered) is read by them.
 */
@Entity({ tableName: 'task_read_marker' })
@Unique({ properties: ['task', 'user'] })
export class TaskReadMarker {
  [OptionalProps]?: 'id' | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @ManyToOne({ entity: () => Task, ref: true, deleteRule: 'cascade' })
  task!: Ref<Task>;

  @ManyToOne({ entity: () => User, ref: true, deleteRule: 'cascade' })
  user!: Ref<User>;

  @Property({ type: 'uuid' })
  lastReadMessageId!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'current_timestamp' })
  updatedAt: Date = new Date();
}

/**
 * Замещение: for `startDate`..`endDate` (inclusive), tasks routed to `principal` go to `deputy`,
 * who may also act on what is already assigned to the principal.
 */
@Entity({ tableName: 'deputy' })
@Index({ properties: ['principal', 'startDate'] })
@Index({ properties: ['deputy', 'startDate'] })
export class Deputy extends BaseEntity<'revokedAt'> {
  @ManyToOne({ entity: () => Organization, ref: true, deleteRule: 'cascade' })
  organization!: Ref<Organization>;

  @ManyToOne({ entity: () => User, ref: true, deleteRule: 'cascade' })
  principal!: Ref<User>;

  @ManyToOne({ entity: () => User, ref: true, deleteRule: 'cascade' })
  deputy!: Ref<User>;

  @Property({ type: 'date' })
  startDate!: string;

  @Property({ type: 'date' })
  endDate!: string;

  @ManyToOne({ entity: () => User, ref: true })
  createdBy!: Ref<User>;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  revokedAt: Date | null = null;
}

export const AttachmentSides = ['SERVICE', 'PARTICIPANT'] as const;
export type AttachmentSide = (typeof AttachmentSides)[number];

/**
 * A document attached to a task: by the service (a certificate, an order) or by a participant
 * (a scan, a statement). Downloads are authorized by the task's visibility.
 */
@Entity({ tableName: 'task_attachment' })
@Index({ properties: ['task', 'id'] })
@Unique({ properties: ['file'] })
export class TaskAttachment {
  [OptionalProps]?: 'id' | 'createdAt' | 'message';

  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @ManyToOne({ entity: () => Task, ref: true })
  task!: Ref<Task>;

  @ManyToOne({ entity: () => StoredFile, ref: true })
  file!: Ref<StoredFile>;

  /** The message the file came with, if any. */
  @ManyToOne({ entity: () => TaskMessage, ref: true, nullable: true })
  message: Ref<TaskMessage> | null = null;

  @ManyToOne({ entity: () => User, ref: true })
  attachedBy!: Ref<User>;

  @Property({ type: 'string', length: 16 })
  side!: AttachmentSide;

  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'current_timestamp' })
  createdAt: Date = new Date();
}
