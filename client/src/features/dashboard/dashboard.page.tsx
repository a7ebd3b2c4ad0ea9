import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { visibleNav } from '../../app/navigation';
import { useMe } from '../../app/session';
import { Icon } from '../../components/icons';
import { Card, Page } from '../../components/page';
import { ErrorNotice, Loading } from '../../components/query-state';
import { DashboardDocument, type DashboardQuery } from '../../gql/graphql';
import { kopecks, useFormat } from '../../i18n/format';
import { fileSections } from '../file/sections';
import { usePeriodLabel } from '../kpi/period-picker';
import { SheetStatusPill } from '../kpi/sheet-status';
import { NotificationRow } from '../notifications/notifications.page';
import { useMarkRead } from '../notifications/use-notifications';
import { TaskItem } from '../tasks/task-item';

/** Рабочий стол: what needs attention now, in one `dashboard` request; each widget when it applies. */
export function DashboardPage() {
  const { t } = useTranslation();
  const { me } = useMe();
  const name = me.employee
    ? [me.employee.firstName, me.employee.middleName].filter(Boolean).join(' ')
    : null;
  const { data, error, refetch } = useQuery(DashboardDocument, { errorPolicy: 'all' });
  const dashboard = data?.dashboard;
  return (
    <Page
      title={t('dashboard.title')}
      lead={name ? t('dashboard.greeting', { name }) : t('dashboard.greetingPlain')}
    >
      {!me.employee ? <p className="notice notice-info">{t('dashboard.externalLead')}</p> : null}
      {dashboard ? (
        <>
          {error ? <ErrorNotice error={error} onRetry={refetch} /> : null}
          <div className="widgets">
            <NotificationsWidget notifications={dashboard.notifications} />
            <TasksWidget tasks={dashboard.tasks} />
            {dashboard.lastPayslip ? <PayWidget pay={dashboard.lastPayslip} /> : null}
            {dashboard.leave ? <LeaveWidget leave={dashboard.leave} /> : null}
            {dashboard.development ? (
              <DevelopmentWidget
                development={dashboard.development}
                dueDates={dashboard.dueDates}
              />
            ) : null}
            {dashboard.team ? <TeamWidget team={dashboard.team} /> : null}
            {dashboard.kpi ? <KpiWidget kpi={dashboard.kpi} /> : null}
          </div>
        </>
      ) : error ? (
        <ErrorNotice error={error} onRetry={refetch} />
      ) : (
        <Loading />
      )}
      <QuickLinks />
    </Page>
  );
}

type DashboardData = DashboardQuery['dashboard'];

function Widget({
  title,
  testId,
  children,
}: {
  title: string;
  testId: string;
  children: React.ReactNode;
}) {
  return (
    <Card title={title} className="widget" headingLevel={2}>
      <div data-testid={testId}>{children}</div>
    </Card>
  );
}

function NotificationsWidget({ notifications }: { notifications: DashboardData['notifications'] }) {
  const { t } = useTranslation();
  const { markRead } = useMarkRead();
  return (
    <Widget title={t('dashboard.notificationsTitle')} testId="widget-notifications">
      <p className="figure">
        {notifications.unread > 0
          ? t('dashboard.unread', { count: notifications.unread })
          : t('dashboard.noUnread')}
      </p>
      {notifications.latest.length > 0 ? (
        <ul className="notification-list compact">
          {notifications.latest.slice(0, 3).map((node) => (
            <NotificationRow
              key={node.id}
              notification={node}
              onRead={() => void markRead([node.id])}
            />
          ))}
        </ul>
      ) : null}
      <Link to="/notifications">{t('dashboard.allNotifications')}</Link>
    </Widget>
  );
}

function TasksWidget({ tasks }: { tasks: DashboardData['tasks'] }) {
  const { t } = useTranslation();
  return (
    <Widget title={t('dashboard.tasksTitle')} testId="widget-tasks">
      <p className="figure">
        {tasks.open > 0
          ? t('dashboard.tasksOpen', { count: tasks.open })
          : t('dashboard.tasksNone')}
      </p>
      {tasks.waiting > 0 ? <p>{t('dashboard.tasksWaiting', { count: tasks.waiting })}</p> : null}
      {tasks.nearestDue ? (
        <>
          <p className="muted small">{t('dashboard.tasksNearest')}</p>
          <ul className="task-list compact">
            <TaskItem task={tasks.nearestDue} />
          </ul>
        </>
      ) : null}
      <Link to="/tasks">{t('dashboard.allTasks')}</Link>
    </Widget>
  );
}

function PayWidget({ pay }: { pay: NonNullable<DashboardData['lastPayslip']> }) {
  const { t } = useTranslation();
  const format = useFormat();
  const change = pay.change ? kopecks(pay.change) : 0n;
  const amount = format.money(pay.change?.replace('-', '') ?? '0');
  return (
    <Widget title={t('dashboard.payTitle')} testId="widget-pay">
      <p className="muted">
        {t('dashboard.payNet', { month: format.monthYear(pay.year, pay.month) })}
      </p>
      <p className="figure figure-large" data-testid="last-net">
        {format.money(pay.net)}
      </p>
      {pay.change !== null && pay.change !== undefined ? (
        <p className={change > 0n ? 'delta delta-up' : change < 0n ? 'delta delta-down' : 'delta'}>
          {change > 0n
            ? t('dashboard.payChangeUp', { amount })
            : change < 0n
              ? t('dashboard.payChangeDown', { amount })
              : t('dashboard.payChangeSame')}
        </p>
      ) : null}
      {pay.payslipId ? (
        <Link to={`/payslips/${pay.payslipId}`}>{t('dashboard.openPayslip')}</Link>
      ) : null}
    </Widget>
  );
}

function LeaveWidget({ leave }: { leave: NonNullable<DashboardData['leave']> }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Widget title={t('dashboard.leaveTitle')} testId="widget-leave">
      <p className="muted">{t('dashboard.leaveRemaining')}</p>
      <p className="figure figure-large" data-testid="leave-remaining">
        {t('units.leaveDays', {
          count: Number(leave.remainingDays),
          value: format.decimal(leave.remainingDays),
        })}
      </p>
      <p>
        {leave.nextLeaveStart
          ? t('dashboard.nextLeave', { date: format.dateLong(leave.nextLeaveStart) })
          : t('dashboard.noNextLeave')}
      </p>
      <Link to="/file/leave">{t('dashboard.leaveDetails')}</Link>
    </Widget>
  );
}

function DevelopmentWidget({
  development,
  dueDates,
}: {
  development: NonNullable<DashboardData['development']>;
  dueDates: DashboardData['dueDates'];
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Widget title={t('dashboard.developmentTitle')} testId="widget-development">
      {dueDates.map((due) => {
        const info = fileSections.find((section) => section.section === due.section);
        if (!info?.due) return null;
        return (
          <p key={due.section} data-testid={`due-${info.key}`}>
            {due.date
              ? t(`dashboard.${info.due.date}`, { date: format.dateLong(due.date) })
              : t(`dashboard.${info.due.none}`)}{' '}
            <Link to={`/file/${info.key}`}>{t(`file.sections.${info.key}`)}</Link>
          </p>
        );
      })}
      <p>
        {development.trainingDue
          ? t('dashboard.trainingDue', { date: format.dateLong(development.trainingDue) })
          : t('dashboard.noTrainingDue')}{' '}
        <Link to="/file/education">{t('file.sections.education')}</Link>
      </p>
    </Widget>
  );
}

function TeamWidget({ team }: { team: NonNullable<DashboardData['team']> }) {
  const { t } = useTranslation();
  const { hasRole, sections } = useMe();
  return (
    <Widget title={t('dashboard.teamTitle')} testId="widget-team">
      {team.size > 0 ? <p className="figure">{t('people.count', { count: team.size })}</p> : null}
      <p>{t('dashboard.teamToApprove', { count: team.requestsToApprove })}</p>
      {team.sheetsToApprove > 0 ? (
        <p>{t('dashboard.teamSheets', { count: team.sheetsToApprove })}</p>
      ) : null}
      <p className="actions-row">
        {team.requestsToApprove > 0 ? (
          <Link to="/tasks?scope=queue">{t('tasks.queue')}</Link>
        ) : null}
        {hasRole('MANAGER') ? <Link to="/team">{t('nav.team')}</Link> : null}
        {team.sheetsToApprove > 0 && sections.includes('KPI') ? (
          <Link to="/kpi/waiting">{t('nav.kpiWaiting')}</Link>
        ) : null}
        {hasRole('MANAGER') && sections.includes('KPI') ? (
          <Link to="/kpi/team">{t('dashboard.teamSheetsLink')}</Link>
        ) : null}
      </p>
    </Widget>
  );
}

function KpiWidget({ kpi }: { kpi: NonNullable<DashboardData['kpi']> }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { sections } = useMe();
  const periodLabel = usePeriodLabel();
  const current = kpi.current;
  return (
    <Widget title={t('dashboard.kpiTitle')} testId="widget-kpi">
      {current ? (
        <>
          <p>
            {t('dashboard.kpiCurrent', { period: periodLabel(current.period) })}
            <SheetStatusPill status={current.status} />
          </p>
          {current.totalScore ? (
            <p>{t('dashboard.kpiCurrentScore', { score: format.decimal(current.totalScore) })}</p>
          ) : null}
        </>
      ) : (
        <p>{t('dashboard.kpiNoCurrent')}</p>
      )}
      <p className={kpi.lastApprovedScore ? undefined : 'muted'}>
        {kpi.lastApprovedScore
          ? t('dashboard.kpiLast', {
              score: format.decimal(kpi.lastApprovedScore),
              period: kpi.lastApprovedPeriod ? periodLabel(kpi.lastApprovedPeriod) : '',
            })
          : t('dashboard.kpiNone')}
      </p>
      {sections.includes('KPI') ? <Link to="/kpi">{t('dashboard.kpiOpen')}</Link> : null}
    </Widget>
  );
}

function QuickLinks() {
  const { t } = useTranslation();
  const { me, sections } = useMe();
  const nav = visibleNav(me.roles, Boolean(me.employee), sections).filter(
    (item) => item.to !== '/',
  );
  const fileLinks = me.employee
    ? fileSections.filter(
        (section) => !section.othersOnly && (!section.portal || sections.includes(section.portal)),
      )
    : [];
  return (
    <section className="quick-links" aria-labelledby="quick-links-title">
      <h2 id="quick-links-title">{t('dashboard.quickLinks')}</h2>
      <ul>
        {nav.map((item) => (
          <li key={item.to}>
            <Link to={item.to}>
              <Icon name={item.icon} />
              <span>{t(item.label)}</span>
            </Link>
          </li>
        ))}
        {me.employee && sections.includes('TASKS') ? (
          <>
            <li>
              <Link to="/tasks/new/leave">
                <Icon name="plus" />
                <span>{t('tasks.newLeave')}</span>
              </Link>
            </li>
            <li>
              <Link to="/tasks/new/certificate">
                <Icon name="plus" />
                <span>{t('tasks.newCertificate')}</span>
              </Link>
            </li>
          </>
        ) : null}
        {fileLinks.map((section) => (
          <li key={section.key}>
            <Link to={`/file/${section.key}`}>
              <Icon name={section.icon} />
              <span>{t(`file.sections.${section.key}`)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
