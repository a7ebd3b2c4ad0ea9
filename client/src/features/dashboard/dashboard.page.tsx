import { useQuery } from '@apollo/client/react';
import { useContext, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { visibleNav } from '../../app/navigation';
import { useMe } from '../../app/session';
import { Icon } from '../../components/icons';
import { Card, Page } from '../../components/page';
import { Empty, ErrorNotice, Loading } from '../../components/query-state';
import {
  DashboardAttestationDocument,
  DashboardEducationDocument,
  DashboardLeaveDocument,
  DashboardPayDocument,
  NotificationsDocument,
  TasksDocument,
  UnreadNotificationCountDocument,
} from '../../gql/graphql';
import { kopecks, TimeZoneContext, todayIn, useFormat } from '../../i18n/format';
import { fileSections } from '../file/sections';
import { NotificationRow } from '../notifications/notifications.page';
import { NOTIFICATIONS_PAGE, useMarkRead } from '../notifications/use-notifications';
import { TaskItem } from '../tasks/task-item';
import { TASKS_PAGE } from '../tasks/tasks.page';

/** Рабочий стол: what needs attention now, from the existing queries, each widget on its own. */
export function DashboardPage() {
  const { t } = useTranslation();
  const { me, sections, employeeId } = useMe();
  const name = me.employee
    ? [me.employee.firstName, me.employee.middleName].filter(Boolean).join(' ')
    : null;
  const on = (section: (typeof sections)[number]) => sections.includes(section);
  return (
    <Page
      title={t('dashboard.title')}
      lead={name ? t('dashboard.greeting', { name }) : t('dashboard.greetingPlain')}
    >
      {!employeeId ? <p className="notice notice-info">{t('dashboard.externalLead')}</p> : null}
      <div className="widgets">
        <NotificationsWidget />
        {on('TASKS') ? <TasksWidget /> : null}
        {employeeId && on('PAYROLL') ? <PayWidget /> : null}
        {employeeId && on('LEAVE') ? <LeaveWidget employeeId={employeeId} /> : null}
        {employeeId && (on('ATTESTATION') || on('EDUCATION')) ? (
          <DevelopmentWidget
            employeeId={employeeId}
            attestation={on('ATTESTATION')}
            education={on('EDUCATION')}
          />
        ) : null}
      </div>
      <QuickLinks />
    </Page>
  );
}

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

function NotificationsWidget() {
  const { t } = useTranslation();
  const count = useQuery(UnreadNotificationCountDocument);
  const list = useQuery(NotificationsDocument, {
    variables: { first: NOTIFICATIONS_PAGE, unreadOnly: false },
  });
  const { markRead } = useMarkRead();
  const unread = count.data?.unreadNotificationCount;
  const latest = list.data?.notifications.edges.slice(0, 3) ?? [];
  return (
    <Widget title={t('dashboard.notificationsTitle')} testId="widget-notifications">
      {count.error && unread === undefined ? (
        <ErrorNotice error={count.error} onRetry={() => count.refetch()} />
      ) : unread === undefined ? (
        <Loading />
      ) : (
        <p className="figure">
          {unread > 0 ? t('dashboard.unread', { count: unread }) : t('dashboard.noUnread')}
        </p>
      )}
      {list.error && !list.data ? (
        <ErrorNotice error={list.error} onRetry={() => list.refetch()} />
      ) : latest.length > 0 ? (
        <ul className="notification-list compact">
          {latest.map(({ node }) => (
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

function TasksWidget() {
  const { t } = useTranslation();
  const { data, error, refetch } = useQuery(TasksDocument, {
    variables: { scope: 'MINE', openOnly: true, first: TASKS_PAGE },
  });
  let body: React.ReactNode;
  if (error && !data) body = <ErrorNotice error={error} onRetry={refetch} />;
  else if (!data) body = <Loading />;
  else if (data.tasks.totalCount === 0) body = <p className="figure">{t('dashboard.tasksNone')}</p>;
  else
    body = (
      <>
        <p className="figure">
          {t('tasks.title')}: {data.tasks.totalCount}
        </p>
        <ul className="task-list compact">
          {data.tasks.edges.slice(0, 3).map(({ node }) => (
            <TaskItem key={node.id} task={node} />
          ))}
        </ul>
      </>
    );
  return (
    <Widget title={t('dashboard.tasksTitle')} testId="widget-tasks">
      {body}
      <Link to="/tasks">{t('dashboard.allTasks')}</Link>
    </Widget>
  );
}

/** The first day of the month a year before today, so the change against last month is there. */
function yearAgo(today: string): string {
  const [year, month] = today.split('-').map(Number) as [number, number];
  return `${year - 1}-${String(month).padStart(2, '0')}-01`;
}

function PayWidget() {
  const { t } = useTranslation();
  const format = useFormat();
  const timeZone = useContext(TimeZoneContext);
  const from = useMemo(() => yearAgo(todayIn(timeZone)), [timeZone]);
  const { data, error, refetch } = useQuery(DashboardPayDocument, { variables: { from } });
  const last = data?.salaryDynamics.at(-1);
  const payslip = data?.payslips[0];
  let body: React.ReactNode;
  if (error && !data) body = <ErrorNotice error={error} onRetry={refetch} />;
  else if (!data) body = <Loading />;
  else if (!last || !payslip) body = <Empty>{t('dashboard.noPayslips')}</Empty>;
  else {
    const change = last.changeFromPrevious ? kopecks(last.changeFromPrevious) : 0n;
    const amount = format.money(last.changeFromPrevious?.replace('-', '') ?? '0');
    const [year, month] = last.start.split('-').map(Number) as [number, number];
    body = (
      <>
        <p className="muted">{t('dashboard.payNet', { month: format.monthYear(year, month) })}</p>
        <p className="figure figure-large" data-testid="last-net">
          {format.money(last.net)}
        </p>
        <p className={change > 0n ? 'delta delta-up' : change < 0n ? 'delta delta-down' : 'delta'}>
          {change > 0n
            ? t('dashboard.payChangeUp', { amount })
            : change < 0n
              ? t('dashboard.payChangeDown', { amount })
              : t('dashboard.payChangeSame')}
        </p>
        <Link to={`/payslips/${payslip.id}`}>{t('dashboard.openPayslip')}</Link>
      </>
    );
  }
  return (
    <Widget title={t('dashboard.payTitle')} testId="widget-pay">
      {body}
    </Widget>
  );
}

function LeaveWidget({ employeeId }: { employeeId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const timeZone = useContext(TimeZoneContext);
  const { data, error, refetch } = useQuery(DashboardLeaveDocument, {
    variables: { id: employeeId },
  });
  let body: React.ReactNode;
  if (error && !data) body = <ErrorNotice error={error} onRetry={refetch} />;
  else if (!data) body = <Loading />;
  else {
    const { balance, nextLeaveStart, schedule } = data.employee.leave;
    const today = todayIn(timeZone);
    const current =
      balance.find((year) => year.start <= today && today <= year.end) ?? balance.at(-1);
    const earlier = balance
      .filter((year) => current && year.index < current.index)
      .reduce((sum, year) => sum + year.remaining.total, 0);
    const scheduled = schedule.find((entry) => entry.startDate === nextLeaveStart);
    body = (
      <>
        <p className="muted">{t('dashboard.leaveRemaining')}</p>
        <p className="figure figure-large" data-testid="leave-remaining">
          {t('units.days', { count: current?.remaining.total ?? 0 })}
        </p>
        {earlier > 0 ? (
          <p className="muted small">{t('dashboard.leaveEarlier', { count: earlier })}</p>
        ) : null}
        <p>
          {nextLeaveStart
            ? scheduled
              ? t('dashboard.nextLeaveScheduled', {
                  date: format.dateLong(nextLeaveStart),
                  days: scheduled.days,
                })
              : t('dashboard.nextLeave', { date: format.dateLong(nextLeaveStart) })
            : t('dashboard.noNextLeave')}
        </p>
        <Link to="/file/leave">{t('dashboard.leaveDetails')}</Link>
      </>
    );
  }
  return (
    <Widget title={t('dashboard.leaveTitle')} testId="widget-leave">
      {body}
    </Widget>
  );
}

function DevelopmentWidget({
  employeeId,
  attestation,
  education,
}: {
  employeeId: string;
  attestation: boolean;
  education: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const att = useQuery(DashboardAttestationDocument, {
    variables: { id: employeeId },
    skip: !attestation,
  });
  const edu = useQuery(DashboardEducationDocument, {
    variables: { id: employeeId },
    skip: !education,
  });
  const nextDue = att.data?.employee.attestation.nextDueDate;
  const lastCourse = edu.data?.employee.education.lastCourseEnd;
  return (
    <Widget title={t('dashboard.developmentTitle')} testId="widget-development">
      {attestation ? (
        att.error && !att.data ? (
          <ErrorNotice error={att.error} onRetry={() => att.refetch()} />
        ) : !att.data ? (
          <Loading />
        ) : (
          <p>
            {nextDue
              ? t('dashboard.attestationDue', { date: format.dateLong(nextDue) })
              : t('dashboard.noAttestationDue')}{' '}
            <Link to="/file/attestation">{t('file.sections.attestation')}</Link>
          </p>
        )
      ) : null}
      {education ? (
        edu.error && !edu.data ? (
          <ErrorNotice error={edu.error} onRetry={() => edu.refetch()} />
        ) : !edu.data ? (
          <Loading />
        ) : (
          <p>
            {lastCourse
              ? t('dashboard.lastCourse', { date: format.dateLong(lastCourse) })
              : t('dashboard.noCourses')}{' '}
            <Link to="/file/education">{t('file.sections.education')}</Link>
          </p>
        )
      ) : null}
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
