import { useMutation, useQuery, useSubscription } from '@apollo/client/react';
import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';

import { Dialog } from '../../components/dialog';
import { TextForm } from '../../components/text-form';
import { LoadMore } from '../../components/load-more';
import { Card, Facts, Page } from '../../components/page';
import { Empty, ErrorNotice, QueryState } from '../../components/query-state';
import {
  AttachToTaskDocument,
  MarkTaskMessagesReadDocument,
  PostTaskMessageDocument,
  TaskChangedDocument,
  TaskDocument,
  TaskMessageAddedDocument,
  TaskMessagesDocument,
  TransitionTaskDocument,
  type TaskDetailFragment,
  type TaskFileFragment,
} from '../../gql/graphql';
import { useFormat } from '../../i18n/format';
import { FilePicker } from './file-picker';
import { TaskStatusPill, useAssigneeName } from './task-item';

type Action = TaskDetailFragment['actions'][number];
const MESSAGES_PAGE = 50;

/** One task: what it is about, the actions allowed to me, documents, messages and history, live. */
export function TaskPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { data, error, refetch } = useQuery(TaskDocument, { variables: { id } });
  const task = data?.task;
  return (
    <Page
      title={task?.title ?? t('tasks.title')}
      actions={<Link to="/tasks">{t('tasks.backToList')}</Link>}
    >
      <QueryState data={task} error={error} retry={refetch}>
        {(task) => <TaskBody task={task} refetch={refetch} />}
      </QueryState>
    </Page>
  );
}

function TaskBody({ task, refetch }: { task: TaskDetailFragment; refetch: () => unknown }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const assigneeName = useAssigneeName();
  const [action, setAction] = useState<Action | null>(null);
  const lastEvent = task.history.at(-1)?.id ?? null;
  // Live: a new history entry (someone acted) reloads the task.
  const [after] = useState(lastEvent);
  useSubscription(TaskChangedDocument, {
    variables: { taskId: task.id, after },
    onData: () => void refetch(),
  });
  const details: [string, React.ReactNode][] = [
    [t('tasks.kind'), t(`tasks.type.${task.type}`)],
    [t('tasks.author'), task.author.name],
    [t('tasks.assignedTo'), assigneeName(task.assignee)],
    ...(task.subject ? ([[t('tasks.subject'), task.subject.name]] as [string, string][]) : []),
    [t('tasks.created'), format.dateTime(task.createdAt)],
    [
      t('tasks.dueDate'),
      task.dueDate ? (
        <>
          {format.date(task.dueDate)}
          {task.deadlineBasis ? (
            <span className="muted block small">{task.deadlineBasis}</span>
          ) : null}
        </>
      ) : null,
    ],
    [t('tasks.priorityLabel'), t(`tasks.priority.${task.priority}`)],
  ];
  if (task.leave)
    details.push([
      t(`tasks.leaveKind.${task.leave.kind}`),
      t('tasks.leaveDays', {
        start: format.date(task.leave.startDate),
        end: format.date(task.leave.endDate),
        days: t('units.days', { count: task.leave.days }),
      }),
    ]);
  if (task.certificate)
    details.push(
      [
        t(`tasks.certificateKind.${task.certificate.kind}`),
        `${t('tasks.copies')}: ${task.certificate.copies}`,
      ],
      [t('tasks.deliveryLabel'), t(`tasks.delivery.${task.certificate.delivery}`)],
      [t('tasks.purpose'), task.certificate.purpose],
    );
  if (task.correction)
    details.push([
      t('tasks.details'),
      t('tasks.correctionSection', { section: t(`accessLog.sections.${task.correction.section}`) }),
    ]);

  return (
    <div data-testid="task">
      <p className="task-meta">
        <TaskStatusPill task={task} />
      </p>
      <Card>
        <Facts items={details} />
        {task.description ? (
          <>
            <h3 className="subheading">{t('tasks.description')}</h3>
            <p className="message-text">{task.description}</p>
          </>
        ) : null}
      </Card>
      <Card title={t('tasks.actions')}>
        {task.actions.length === 0 ? (
          <p className="muted">{t('tasks.noActions')}</p>
        ) : (
          <div className="action-buttons">
            {task.actions.map((item) => (
              <button
                key={item.action}
                type="button"
                className="button button-primary"
                onClick={() => setAction(item)}
              >
                {i18n.language === 'en' ? item.labelEn : item.label}
              </button>
            ))}
          </div>
        )}
      </Card>
      <Attachments task={task} />
      <Messages task={task} />
      <History task={task} />
      {action ? <ActionDialog task={task} action={action} onClose={() => setAction(null)} /> : null}
    </div>
  );
}

function ActionDialog({
  task,
  action,
  onClose,
}: {
  task: TaskDetailFragment;
  action: Action;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [comment, setComment] = useState('');
  const [fileIds, setFileIds] = useState<string[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [transition, transitionState] = useMutation(TransitionTaskDocument);
  const [attach, attachState] = useMutation(AttachToTaskDocument);
  const busy = transitionState.loading || attachState.loading;
  const error = transitionState.error ?? attachState.error;
  const label = i18n.language === 'en' ? action.labelEn : action.label;
  const submit = async () => {
    if (action.requiresComment && !comment.trim()) return setProblem(t('tasks.commentRequired'));
    if (action.requiresAttachment && fileIds.length === 0)
      return setProblem(t('tasks.attachmentRequired'));
    setProblem(null);
    const text = comment.trim() || null;
    try {
      if (fileIds.length > 0)
        await attach({
          variables: { taskId: task.id, fileIds, action: action.action, comment: text },
        });
      else await transition({ variables: { id: task.id, action: action.action, comment: text } });
      onClose();
    } catch {
      // Shown from `error`.
    }
  };
  const onFiles = useCallback((ids: string[]) => setFileIds(ids), []);
  return (
    <Dialog open title={label} onClose={onClose}>
      <TextForm
        label={t('tasks.comment')}
        required={action.requiresComment}
        value={comment}
        onChange={setComment}
        problem={problem}
        error={error}
        busy={busy}
        submitLabel={label}
        onCancel={onClose}
        onSubmit={submit}
      >
        {action.requiresAttachment ? <FilePicker onChange={onFiles} /> : null}
      </TextForm>
    </Dialog>
  );
}

function FileLink({ file }: { file: TaskFileFragment }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <a
      href={file.url}
      download={file.fileName}
      aria-label={`${t('tasks.download')}: ${file.fileName}`}
    >
      {file.fileName}{' '}
      <span className="muted">({format.number(Math.max(1, Math.round(file.size / 1024)))} KB)</span>
    </a>
  );
}

function Attachments({ task }: { task: TaskDetailFragment }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [fileIds, setFileIds] = useState<string[]>([]);
  const [picker, setPicker] = useState(0);
  const [attach, { loading, error }] = useMutation(AttachToTaskDocument);
  const onFiles = useCallback((ids: string[]) => setFileIds(ids), []);
  const submit = async () => {
    await attach({ variables: { taskId: task.id, fileIds } }).catch(() => undefined);
    setFileIds([]);
    setPicker((n) => n + 1);
  };
  return (
    <Card title={t('tasks.attachments')}>
      {task.attachments.length === 0 ? (
        <Empty>{t('tasks.noAttachments')}</Empty>
      ) : (
        <ul className="plain-list" data-testid="task-attachments">
          {task.attachments.map((attachment) => (
            <li key={attachment.id}>
              <FileLink file={attachment.file} />
              <span className="muted small block">
                {attachment.attachedBy.name}, {format.dateTime(attachment.createdAt)}
                {attachment.side === 'SERVICE' ? ` · ${t('tasks.serviceDocument')}` : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
      <FilePicker key={picker} onChange={onFiles} />
      {fileIds.length > 0 ? (
        <button
          type="button"
          className="button button-primary"
          disabled={loading}
          onClick={() => void submit()}
        >
          {t('tasks.attachFiles')}
        </button>
      ) : null}
      {error ? <ErrorNotice error={error} /> : null}
    </Card>
  );
}

function Messages({ task }: { task: TaskDetailFragment }) {
  const { t } = useTranslation();
  const format = useFormat();
  const fieldId = useId();
  const { data, error, refetch, fetchMore } = useQuery(TaskMessagesDocument, {
    variables: { id: task.id, first: MESSAGES_PAGE },
  });
  const [markRead] = useMutation(MarkTaskMessagesReadDocument);
  const [post, posting] = useMutation(PostTaskMessageDocument);
  const [text, setText] = useState('');
  const [fileIds, setFileIds] = useState<string[]>([]);
  const [picker, setPicker] = useState(0);
  const [invalid, setInvalid] = useState(false);
  const onFiles = useCallback((ids: string[]) => setFileIds(ids), []);
  const edges = data?.task.messages.edges;
  // The stream starts after the last message loaded, fixed once; the socket resumes from there.
  const [since, setSince] = useState<string | null | undefined>(undefined);
  const lastMessage = edges?.at(-1)?.node.id ?? null;
  useEffect(() => {
    if (since === undefined && edges) setSince(lastMessage);
  }, [since, edges, lastMessage]);

  useEffect(() => {
    if (task.unreadMessageCount > 0)
      void markRead({ variables: { taskId: task.id } }).catch(() => undefined);
  }, [task.id, task.unreadMessageCount, markRead]);

  useSubscription(TaskMessageAddedDocument, {
    variables: { taskId: task.id, after: since ?? null },
    skip: since === undefined,
    onData: () => {
      void refetch();
      void markRead({ variables: { taskId: task.id } }).catch(() => undefined);
    },
  });

  const send = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!text.trim()) return setInvalid(true);
    setInvalid(false);
    try {
      await post({ variables: { taskId: task.id, text: text.trim(), fileIds } });
      setText('');
      setFileIds([]);
      setPicker((n) => n + 1);
      await refetch();
    } catch {
      // Shown from `posting.error`.
    }
  };

  return (
    <Card title={t('tasks.messages')}>
      <QueryState data={data?.task.messages} error={error} retry={refetch}>
        {(messages) =>
          messages.edges.length === 0 ? (
            <Empty>{t('tasks.noMessages')}</Empty>
          ) : (
            <>
              <ul className="messages" data-testid="task-messages">
                {messages.edges.map(({ node }) => (
                  <li key={node.id} className={`message ${node.mine ? 'message-mine' : ''}`}>
                    <p className="message-meta">
                      {node.mine ? t('tasks.you') : node.author.name},{' '}
                      {format.dateTime(node.createdAt)}
                    </p>
                    <p className="message-text">{node.text}</p>
                    {node.attachments.map((attachment) => (
                      <p key={attachment.id}>
                        <FileLink file={attachment.file} />
                      </p>
                    ))}
                    {node.mine && node.readBy.length > 0 ? (
                      <p className="message-meta">
                        {t('tasks.read', {
                          names: node.readBy.map((person) => person.name).join(', '),
                        })}
                      </p>
                    ) : null}
                  </li>
                ))}
              </ul>
              <LoadMore
                hasMore={messages.pageInfo.hasNextPage}
                shown={messages.edges.length}
                onLoad={() => fetchMore({ variables: { after: messages.pageInfo.endCursor } })}
              />
            </>
          )
        }
      </QueryState>
      <form onSubmit={(event) => void send(event)} noValidate>
        <div className="field">
          <label htmlFor={fieldId}>{t('tasks.message')}</label>
          <textarea
            id={fieldId}
            rows={3}
            value={text}
            aria-invalid={invalid || undefined}
            aria-describedby={invalid ? `${fieldId}-error` : undefined}
            onChange={(event) => setText(event.target.value)}
          />
          {invalid ? (
            <p className="field-error" id={`${fieldId}-error`}>
              {t('tasks.messageRequired')}
            </p>
          ) : null}
        </div>
        <FilePicker key={picker} onChange={onFiles} />
        {posting.error ? <ErrorNotice error={posting.error} /> : null}
        <button type="submit" className="button button-primary" disabled={posting.loading}>
          {t('tasks.sendMessage')}
        </button>
      </form>
    </Card>
  );
}

function History({ task }: { task: TaskDetailFragment }) {
  const { t } = useTranslation();
  const format = useFormat();
  const status = (value: string | null | undefined) =>
    value ? t(`tasks.status.${value as TaskDetailFragment['status']}`) : '—';
  return (
    <Card title={t('tasks.history')}>
      <ol className="timeline">
        {task.history.map((event) => (
          <li key={event.id}>
            <strong>
              {event.kind === 'STATUS_CHANGED'
                ? t('tasks.event.STATUS_CHANGED', {
                    from: status(event.fromStatus),
                    to: status(event.toStatus),
                  })
                : event.kind === 'REASSIGNED'
                  ? t('tasks.event.REASSIGNED', {
                      to:
                        event.assignee?.user?.name ??
                        (event.assignee?.queue
                          ? t(`tasks.queueName.${event.assignee.queue}`)
                          : '—'),
                    })
                  : t(`tasks.event.${event.kind}`)}
            </strong>
            <span className="muted block small">
              {event.actor?.name ?? t('tasks.system')}
              {event.deputyFor
                ? ` ${t('tasks.deputyFor', { name: event.deputyFor.name })}`
                : ''}, {format.dateTime(event.createdAt)}
            </span>
            {event.comment ? <p className="message-text">{event.comment}</p> : null}
          </li>
        ))}
      </ol>
    </Card>
  );
}
