/**
 * The status model of every task type, held as data: the statuses, the transitions between them,
 * who may make each one, which need a comment or an attachment, where each routes the task and
 * what it sets off. The task service interprets these tables; no type has code paths of its own
 * beyond the named effects.
 */

export const TaskTypes = [
  'LEAVE_REQUEST',
  'CERTIFICATE_REQUEST',
  'FILE_CORRECTION',
  'GENERAL',
] as const;
export type TaskType = (typeof TaskTypes)[number];

export const TaskStatuses = [
  'MANAGER_APPROVAL',
  'NEW',
  'IN_PROGRESS',
  'AWAITING_EMPLOYEE',
  'DONE',
  'REJECTED',
  'CANCELLED',
] as const;
export type TaskStatus = (typeof TaskStatuses)[number];

/** A service's queue: every user holding the role in the task's organization works it. */
export const TaskQueues = ['HR', 'ACCOUNTANT'] as const;
export type TaskQueue = (typeof TaskQueues)[number];

/**
 * Who may make a transition, relative to the task:
 * AUTHOR: whoever filed it; ASSIGNEE: the user it is assigned to (or their deputy today), or any
 * member of the queue it is assigned to; SERVICE: a member of the task's service queue, whoever
 * holds the task now.
 */
export const TaskActors = ['AUTHOR', 'ASSIGNEE', 'SERVICE'] as const;
export type TaskActor = (typeof TaskActors)[number];

/** Where a transition sends the task: the service's queue, back to the author, or nowhere new. */
export type Route = 'SERVICE_QUEUE' | 'AUTHOR' | 'KEEP';

/** What a transition sets off beyond the status change, run in the same transaction. */
export type TaskEffect = 'CREATE_LEAVE_RECORD' | 'RESOLVE_FILE_REPORT';

export interface Transition {
  action: string;
  from: readonly TaskStatus[];
  to: TaskStatus;
  by: readonly TaskActor[];
  requiresComment?: boolean;
  /** The service must have attached a document first (a certificate is fulfilled by attaching it). */
  requiresServiceAttachment?: boolean;
  route: Route;
  effect?: TaskEffect;
  label: { ru: string; en: string };
}

export interface Workflow {
  type: TaskType;
  label: { ru: string; en: string };
  /** The status a new task starts in; `MANAGER_APPROVAL` falls back when there is no manager. */
  initial: TaskStatus;
  /** Where the task goes when it skips or has no approver. */
  fallback: TaskStatus;
  statuses: readonly TaskStatus[];
  terminal: readonly TaskStatus[];
  transitions: readonly Transition[];
}

export const statusLabels: Record<TaskStatus, { ru: string; en: string }> = {
  MANAGER_APPROVAL: { ru: 'На согласовании у руководителя', en: 'Awaiting manager approval' },
  NEW: { ru: 'Новая', en: 'New' },
  IN_PROGRESS: { ru: 'В работе', en: 'In progress' },
  AWAITING_EMPLOYEE: { ru: 'Ожидает сотрудника', en: 'Awaiting the employee' },
  DONE: { ru: 'Выполнена', en: 'Done' },
  REJECTED: { ru: 'Отклонена', en: 'Rejected' },
  CANCELLED: { ru: 'Отозвана', en: 'Cancelled' },
};

const open = ['NEW', 'IN_PROGRESS', 'AWAITING_EMPLOYEE'] as const;

/** The service side of a request: take it, ask the employee, answer, finish, refuse. */
const serviceTransitions = (finish: Partial<Transition> = {}): Transition[] => [
  {
    action: 'TAKE',
    from: ['NEW'],
    to: 'IN_PROGRESS',
    by: ['ASSIGNEE', 'SERVICE'],
    route: 'KEEP',
    label: { ru: 'Взять в работу', en: 'Take' },
  },
  {
    action: 'ASK_EMPLOYEE',
    from: ['NEW', 'IN_PROGRESS'],
    to: 'AWAITING_EMPLOYEE',
    by: ['ASSIGNEE', 'SERVICE'],
    requiresComment: true,
    route: 'KEEP',
    label: { ru: 'Запросить уточнение', en: 'Ask the employee' },
  },
  {
    action: 'ANSWER',
    from: ['AWAITING_EMPLOYEE'],
    to: 'IN_PROGRESS',
    by: ['AUTHOR'],
    requiresComment: true,
    route: 'KEEP',
    label: { ru: 'Ответить', en: 'Answer' },
  },
  {
    action: 'COMPLETE',
    from: ['NEW', 'IN_PROGRESS'],
    to: 'DONE',
    by: ['ASSIGNEE', 'SERVICE'],
    route: 'KEEP',
    label: { ru: 'Выполнить', en: 'Complete' },
    ...finish,
  },
  {
    action: 'REJECT',
    from: [...open],
    to: 'REJECTED',
    by: ['ASSIGNEE', 'SERVICE'],
    requiresComment: true,
    route: 'KEEP',
    label: { ru: 'Отклонить', en: 'Reject' },
  },
  {
    action: 'CANCEL',
    from: [...open],
    to: 'CANCELLED',
    by: ['AUTHOR'],
    route: 'KEEP',
    label: { ru: 'Отозвать', en: 'Withdraw' },
  },
];

export const workflows: Record<TaskType, Workflow> = {
  LEAVE_REQUEST: {
    type: 'LEAVE_REQUEST',
    label: { ru: 'Заявление на отпуск', en: 'Leave request' },
    initial: 'MANAGER_APPROVAL',
    fallback: 'NEW',
    statuses: ['MANAGER_APPROVAL', ...open, 'DONE', 'REJECTED', 'CANCELLED'],
    terminal: ['DONE', 'REJECTED', 'CANCELLED'],
    transitions: [
      {
        action: 'APPROVE',
        from: ['MANAGER_APPROVAL'],
        to: 'NEW',
        by: ['ASSIGNEE'],
        route: 'SERVICE_QUEUE',
        label: { ru: 'Согласовать', en: 'Approve' },
      },
      {
        action: 'DECLINE',
        from: ['MANAGER_APPROVAL'],
        to: 'REJECTED',
        by: ['ASSIGNEE'],
        requiresComment: true,
        route: 'AUTHOR',
        label: { ru: 'Не согласовать', en: 'Decline' },
      },
      {
        action: 'CANCEL',
        from: ['MANAGER_APPROVAL'],
        to: 'CANCELLED',
        by: ['AUTHOR'],
        route: 'KEEP',
        label: { ru: 'Отозвать', en: 'Withdraw' },
      },
      ...serviceTransitions({
        action: 'REGISTER',
        effect: 'CREATE_LEAVE_RECORD',
        label: { ru: 'Оформить приказ', en: 'Register the leave' },
      }),
    ],
  },
  CERTIFICATE_REQUEST: {
    type: 'CERTIFICATE_REQUEST',
    label: { ru: 'Заказ справки', en: 'Certificate request' },
    initial: 'NEW',
    fallback: 'NEW',
    statuses: [...open, 'DONE', 'REJECTED', 'CANCELLED'],
    terminal: ['DONE', 'REJECTED', 'CANCELLED'],
    transitions: serviceTransitions({
      action: 'ISSUE',
      requiresServiceAttachment: true,
      label: { ru: 'Выдать справку', en: 'Issue the certificate' },
    }),
  },
  FILE_CORRECTION: {
    type: 'FILE_CORRECTION',
    label: { ru: 'Исправление личного дела', en: 'Personal file correction' },
    initial: 'NEW',
    fallback: 'NEW',
    statuses: [...open, 'DONE', 'REJECTED', 'CANCELLED'],
    terminal: ['DONE', 'REJECTED', 'CANCELLED'],
    transitions: serviceTransitions({
      action: 'CORRECT',
      effect: 'RESOLVE_FILE_REPORT',
      label: { ru: 'Исправлено', en: 'Corrected' },
    }),
  },
  GENERAL: {
    type: 'GENERAL',
    label: { ru: 'Поручение', en: 'Task' },
    initial: 'NEW',
    fallback: 'NEW',
    statuses: ['NEW', 'IN_PROGRESS', 'DONE', 'CANCELLED'],
    terminal: ['DONE', 'CANCELLED'],
    transitions: [
      {
        action: 'TAKE',
        from: ['NEW'],
        to: 'IN_PROGRESS',
        by: ['ASSIGNEE'],
        route: 'KEEP',
        label: { ru: 'Взять в работу', en: 'Take' },
      },
      {
        action: 'COMPLETE',
        from: ['NEW', 'IN_PROGRESS'],
        to: 'DONE',
        by: ['ASSIGNEE'],
        route: 'KEEP',
        label: { ru: 'Выполнено', en: 'Done' },
      },
      {
        action: 'CANCEL',
        from: ['NEW', 'IN_PROGRESS'],
        to: 'CANCELLED',
        by: ['AUTHOR', 'SERVICE'],
        requiresComment: true,
        route: 'KEEP',
        label: { ru: 'Отменить', en: 'Cancel' },
      },
    ],
  },
};

/** Checks the tables are consistent: every transition's statuses belong to the type. */
export function checkWorkflow(workflow: Workflow): string[] {
  const known = new Set<TaskStatus>(workflow.statuses);
  const problems: string[] = [];
  if (!known.has(workflow.initial)) problems.push(`initial ${workflow.initial} is not a status`);
  if (!known.has(workflow.fallback)) problems.push(`fallback ${workflow.fallback} is not a status`);
  for (const transition of workflow.transitions) {
    for (const status of [...transition.from, transition.to]) {
      if (!known.has(status)) problems.push(`${transition.action}: ${status} is not a status`);
    }
    if (transition.from.some((status) => workflow.terminal.includes(status))) {
      problems.push(`${transition.action} leaves a terminal status`);
    }
  }
  const actions = workflow.transitions.map((t) => `${t.action}:${t.from.join(',')}`);
  if (new Set(actions).size !== actions.length) problems.push('duplicate transitions');
  return problems;
}

/** The transition `action` from `status`, if the type has one. */
export const transitionOf = (
  type: TaskType,
  status: TaskStatus,
  action: string,
): Transition | undefined =>
  workflows[type].transitions.find((t) => t.action === action && t.from.includes(status));

export const isTerminal = (type: TaskType, status: TaskStatus): boolean =>
  workflows[type].terminal.includes(status);
