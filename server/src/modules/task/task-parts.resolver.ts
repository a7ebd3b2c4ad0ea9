import { Ctx, FieldResolver, ID, Resolver, Root } from 'type-graphql';
import { viewerOf, type AppContext } from '../../core/context.js';
import type { TaskAttachment, TaskEvent, TaskMessage } from './task.entity.js';
import { FileGqlType, StoredFile } from '../files/index.js';
import {
  personOf,
  taskAttachmentsLoader,
  taskReadMarkersLoader,
  type Person,
} from './task.loaders.js';
import {
  TaskAssigneeType,
  TaskAttachmentGqlType,
  TaskEventGqlType,
  TaskMessageGqlType,
  TaskPersonType,
} from './task.type.js';

/** The computed fields of a task's history entries, documents and messages; batched per request. */
@Resolver(() => TaskEventGqlType)
export class TaskEventResolver {
  @FieldResolver(() => TaskPersonType, { nullable: true, description: 'Null for the system.' })
  actor(@Root() event: TaskEvent, @Ctx() ctx: AppContext): Promise<Person> | null {
    return event.actor ? personOf(ctx, event.actor.id) : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'The transition made.' })
  action(@Root() event: TaskEvent): string | null {
    const action = event.data?.['action'];
    return typeof action === 'string' ? action : null;
  }

  @FieldResolver(() => TaskAssigneeType, {
    nullable: true,
    description: 'Whom the task went to (CREATED, REASSIGNED).',
  })
  async assignee(
    @Root() event: TaskEvent,
    @Ctx() ctx: AppContext,
  ): Promise<TaskAssigneeType | null> {
    const userId = event.data?.['assigneeUserId'];
    const queue = event.data?.['assigneeQueue'];
    if (typeof userId === 'string') return { user: await personOf(ctx, userId), queue: null };
    if (typeof queue === 'string') return { user: null, queue };
    return null;
  }

  @FieldResolver(() => TaskPersonType, {
    nullable: true,
    description: 'Whom the assignee stands in for (замещение).',
  })
  deputyFor(@Root() event: TaskEvent, @Ctx() ctx: AppContext): Promise<Person> | null {
    const userId = event.data?.['deputyFor'];
    return typeof userId === 'string' ? personOf(ctx, userId) : null;
  }

  @FieldResolver(() => ID, { nullable: true, description: 'The message of a COMMENTED event.' })
  messageId(@Root() event: TaskEvent): string | null {
    const id = event.data?.['messageId'];
    return typeof id === 'string' ? id : null;
  }
}

@Resolver(() => TaskAttachmentGqlType)
export class TaskAttachmentResolver {
  @FieldResolver(() => FileGqlType)
  async file(@Root() attachment: TaskAttachment, @Ctx() ctx: AppContext): Promise<StoredFile> {
    return (await ctx.loaders.load(StoredFile, attachment.file.id))!;
  }

  @FieldResolver(() => TaskPersonType)
  attachedBy(@Root() attachment: TaskAttachment, @Ctx() ctx: AppContext): Promise<Person> {
    return personOf(ctx, attachment.attachedBy.id);
  }

  @FieldResolver(() => ID, { nullable: true, description: 'The message the file came with.' })
  messageId(@Root() attachment: TaskAttachment): string | null {
    return attachment.message?.id ?? null;
  }
}

@Resolver(() => TaskMessageGqlType)
export class TaskMessageResolver {
  @FieldResolver(() => TaskPersonType)
  author(@Root() message: TaskMessage, @Ctx() ctx: AppContext): Promise<Person> {
    return personOf(ctx, message.author.id);
  }

  @FieldResolver(() => [TaskAttachmentGqlType])
  async attachments(
    @Root() message: TaskMessage,
    @Ctx() ctx: AppContext,
  ): Promise<TaskAttachment[]> {
    const all = await ctx.loaders.get(taskAttachmentsLoader).load(message.task.id);
    return all.filter((attachment) => attachment.message?.id === message.id);
  }

  @FieldResolver(() => Boolean)
  mine(@Root() message: TaskMessage, @Ctx() ctx: AppContext): boolean {
    return message.author.id === viewerOf(ctx).userId;
  }

  @FieldResolver(() => [TaskPersonType], {
    description: 'Who besides the author has read it (read state per participant).',
  })
  async readBy(@Root() message: TaskMessage, @Ctx() ctx: AppContext): Promise<Person[]> {
    const markers = await ctx.loaders.get(taskReadMarkersLoader).load(message.task.id);
    const readers = markers.filter(
      (marker) => marker.lastReadMessageId >= message.id && marker.user.id !== message.author.id,
    );
    return Promise.all(readers.map((marker) => personOf(ctx, marker.user.id)));
  }
}
