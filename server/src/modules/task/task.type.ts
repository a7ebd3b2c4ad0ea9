import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { ConnectionType } from '../../core/graphql/connection.js';
import { graphqlEnum } from '../../core/graphql/enums.js';
import { DateTimeScalar, LocalDateScalar } from '../../core/graphql/scalars.js';
import { FileSectionValue } from '../organization/index.js';
import { AttachmentSides, TaskEventKinds, TaskPriorities } from './task.entity.js';
import { certificateKinds, RequestableLeaveKinds } from './task-requests.service.js';
import { TaskActors, TaskQueues, TaskStatuses, TaskTypes } from './task.workflows.js';

export const TaskTypeValue = graphqlEnum(TaskTypes, 'TaskType');
export const TaskStatusValue = graphqlEnum(TaskStatuses, 'TaskStatus');
export const TaskQueueValue = graphqlEnum(TaskQueues, 'TaskQueue', "A service's queue.");
export const TaskActorValue = graphqlEnum(TaskActors, 'TaskActor');
export const TaskPriorityValue = graphqlEnum(TaskPriorities, 'TaskPriority');
export const TaskEventKindValue = graphqlEnum(TaskEventKinds, 'TaskEventKind');
export const TaskScopeValue = graphqlEnum(
  ['MINE', 'QUEUE', 'ALL'] as const,
  'TaskScope',
  'MINE: filed by, about or assigned to me; QUEUE: assigned to me or my queues; ALL: all I may see.',
);
export const LeaveRequestKindValue = graphqlEnum(RequestableLeaveKinds, 'LeaveRequestKind');
export const CertificateKindValue = graphqlEnum(
  Object.keys(certificateKinds) as (keyof typeof certificateKinds)[],
  'CertificateKind',
);
export const CertificateDeliveryValue = graphqlEnum(
  ['PAPER', 'ELECTRONIC'] as const,
  'CertificateDelivery',
);

@ObjectType('TaskPerson', { description: 'Someone on a task, by name.' })
export class TaskPersonType {
  @Field(() => ID, { nullable: true })
  userId!: string | null;

  @Field(() => ID, { nullable: true })
  employeeId!: string | null;

  @Field(() => String)
  name!: string;
}

@ObjectType('TaskAssignee', { description: 'A user, or a whole service queue.' })
export class TaskAssigneeType {
  @Field(() => TaskPersonType, { nullable: true })
  user!: TaskPersonType | null;

  @Field(() => TaskQueueValue, { nullable: true })
  queue!: string | null;
}

@ObjectType('LeaveRequestDetails')
export class LeaveRequestDetailsType {
  @Field(() => LeaveRequestKindValue)
  kind!: string;

  @Field(() => LocalDateScalar)
  startDate!: string;

  @Field(() => LocalDateScalar)
  endDate!: string;

  @Field(() => Int, { description: 'Days charged (annual leave does not count public holidays).' })
  days!: number;

  @Field(() => ID, { nullable: true, description: 'The leave record HR registered.' })
  leaveRecordId!: string | null;
}

@ObjectType('CertificateRequestDetails')
export class CertificateRequestDetailsType {
  @Field(() => CertificateKindValue)
  kind!: string;

  @Field(() => String, { nullable: true })
  purpose!: string | null;

  @Field(() => Int)
  copies!: number;

  @Field(() => CertificateDeliveryValue)
  delivery!: string;
}

@ObjectType('TaskAction', { description: 'A transition the viewer may make now.' })
export class TaskActionType {
  @Field(() => String)
  action!: string;

  @Field(() => TaskStatusValue)
  to!: string;

  @Field(() => String)
  label!: string;

  @Field(() => String)
  labelEn!: string;

  @Field(() => Boolean)
  requiresComment!: boolean;

  @Field(() => Boolean, { description: 'The service must have attached a document first.' })
  requiresAttachment!: boolean;
}

@ObjectType('Task')
export class TaskGqlType {
  @Field(() => ID)
  id!: string;

  @Field(() => TaskTypeValue)
  type!: string;

  @Field(() => String)
  title!: string;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => TaskStatusValue)
  status!: string;

  @Field(() => TaskPriorityValue)
  priority!: string;

  @Field(() => LocalDateScalar, { nullable: true })
  dueDate!: string | null;

  @Field(() => String, { nullable: true, description: 'Why the due date is what it is.' })
  deadlineBasis!: string | null;

  @Field(() => TaskQueueValue, { description: 'The service that handles the task.' })
  serviceQueue!: string;

  @Field(() => DateTimeScalar)
  createdAt!: Date;

  @Field(() => DateTimeScalar)
  updatedAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  closedAt!: Date | null;
}

@ObjectType('TaskEvent', { description: 'An entry of a task history; never edited.' })
export class TaskEventGqlType {
  @Field(() => ID)
  id!: string;

  @Field(() => TaskEventKindValue)
  kind!: string;

  @Field(() => TaskStatusValue, { nullable: true })
  fromStatus!: string | null;

  @Field(() => TaskStatusValue, { nullable: true })
  toStatus!: string | null;

  @Field(() => String, { nullable: true })
  comment!: string | null;

  @Field(() => DateTimeScalar)
  createdAt!: Date;
}

@ObjectType('TaskMessage')
export class TaskMessageGqlType {
  @Field(() => ID, { description: 'Time-ordered.' })
  id!: string;

  @Field(() => String)
  text!: string;

  @Field(() => DateTimeScalar)
  createdAt!: Date;
}

export const TaskConnection = ConnectionType(TaskGqlType, 'Task');
export const TaskMessageConnection = ConnectionType(TaskMessageGqlType, 'TaskMessage');

@ObjectType('TaskStatusDefinition')
export class TaskStatusDefinitionType {
  @Field(() => TaskStatusValue)
  status!: string;

  @Field(() => String)
  label!: string;

  @Field(() => String)
  labelEn!: string;

  @Field(() => Boolean)
  terminal!: boolean;
}

@ObjectType('TaskTransitionDefinition')
export class TaskTransitionDefinitionType {
  @Field(() => String)
  action!: string;

  @Field(() => [TaskStatusValue])
  from!: string[];

  @Field(() => TaskStatusValue)
  to!: string;

  @Field(() => [TaskActorValue])
  by!: string[];

  @Field(() => Boolean)
  requiresComment!: boolean;

  @Field(() => Boolean)
  requiresAttachment!: boolean;

  @Field(() => String)
  label!: string;

  @Field(() => String)
  labelEn!: string;
}

@ObjectType('TaskTypeDefinition', { description: "A task type's status model." })
export class TaskTypeDefinitionType {
  @Field(() => TaskTypeValue)
  type!: string;

  @Field(() => String)
  label!: string;

  @Field(() => String)
  labelEn!: string;

  @Field(() => TaskStatusValue)
  initial!: string;

  @Field(() => [TaskStatusDefinitionType])
  statuses!: TaskStatusDefinitionType[];

  @Field(() => [TaskTransitionDefinitionType])
  transitions!: TaskTransitionDefinitionType[];
}

@ObjectType('Deputy', { description: 'Замещение: who stands in for whom, when.' })
export class DeputyGqlType {
  @Field(() => ID)
  id!: string;

  @Field(() => LocalDateScalar)
  startDate!: string;

  @Field(() => LocalDateScalar)
  endDate!: string;

  @Field(() => DateTimeScalar, { nullable: true })
  revokedAt!: Date | null;
}

@InputType('CreateTaskInput', { description: 'HR or accounting: a task for an employee.' })
export class CreateTaskInput {
  @Field(() => String)
  title!: string;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => ID, { nullable: true, description: 'The employee whose account receives it…' })
  assigneeEmployeeId?: string | null;

  @Field(() => ID, { nullable: true, description: '…or an account directly.' })
  assigneeUserId?: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  dueDate?: string | null;

  @Field(() => TaskPriorityValue, { nullable: true })
  priority?: 'LOW' | 'NORMAL' | 'HIGH' | null;
}

@InputType('LeaveRequestInput')
export class LeaveRequestInput {
  @Field(() => LeaveRequestKindValue)
  kind!: (typeof RequestableLeaveKinds)[number];

  @Field(() => LocalDateScalar)
  startDate!: string;

  @Field(() => LocalDateScalar, { description: 'Inclusive.' })
  endDate!: string;

  @Field(() => String, { nullable: true })
  comment?: string | null;
}

@InputType('CertificateRequestInput')
export class CertificateRequestInput {
  @Field(() => CertificateKindValue)
  kind!: keyof typeof certificateKinds;

  @Field(() => String, { nullable: true, description: 'Where it is to be presented.' })
  purpose?: string | null;

  @Field(() => Int, { nullable: true, defaultValue: 1 })
  copies?: number | null;

  @Field(() => CertificateDeliveryValue, { nullable: true, defaultValue: 'ELECTRONIC' })
  delivery?: 'PAPER' | 'ELECTRONIC' | null;
}

@InputType('DeputyInput')
export class DeputyInput {
  @Field(() => ID, {
    nullable: true,
    description: 'Whom the deputy stands in for (HR only); me by default.',
  })
  principalUserId?: string | null;

  @Field(() => ID)
  deputyUserId!: string;

  @Field(() => LocalDateScalar)
  startDate!: string;

  @Field(() => LocalDateScalar, { description: 'Inclusive.' })
  endDate!: string;
}

export const AttachmentSideValue = graphqlEnum(
  AttachmentSides,
  'AttachmentSide',
  "SERVICE: HR's or accounting's document (a certificate); PARTICIPANT: the employee's.",
);

@ObjectType('TaskAttachment')
export class TaskAttachmentGqlType {
  @Field(() => ID)
  id!: string;

  @Field(() => AttachmentSideValue)
  side!: string;

  @Field(() => DateTimeScalar)
  createdAt!: Date;
}

@ObjectType('FileCorrectionDetails')
export class FileCorrectionDetailsType {
  @Field(() => FileSectionValue)
  section!: string;
}
