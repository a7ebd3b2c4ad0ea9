import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';

import { Loading } from '../components/query-state';
import { SignInPage } from '../features/auth/sign-in.page';
import { RequireSession } from './require-session';

/** Route-level code splitting: the sign-in page loads alone; each page (and Recharts) on demand. */
const page = <T extends Record<string, unknown>>(load: () => Promise<T>, name: keyof T) =>
  lazy(async () => ({
    default: (await load())[name] as React.ComponentType<Record<string, unknown>>,
  }));

const Layout = page(() => import('./layout'), 'Layout');
const RegisterPage = page(() => import('../features/auth/register.page'), 'RegisterPage');
const DashboardPage = page(() => import('../features/dashboard/dashboard.page'), 'DashboardPage');
const OwnFilePage = page(() => import('../features/file/own-file.page'), 'OwnFilePage');
const PayslipsPage = page(() => import('../features/payroll/payslips.page'), 'PayslipsPage');
const PayslipPage = page(() => import('../features/payroll/payslip.page'), 'PayslipPage');
const NotificationsPage = page(
  () => import('../features/notifications/notifications.page'),
  'NotificationsPage',
);
const PeoplePage = page(() => import('../features/people/people.page'), 'PeoplePage');
const PersonFilePage = page(() => import('../features/people/person-file.page'), 'PersonFilePage');
const AccessLogPage = page(() => import('../features/access-log/access-log.page'), 'AccessLogPage');
const TasksPage = page(() => import('../features/tasks/tasks.page'), 'TasksPage');
const TaskPage = page(() => import('../features/tasks/task.page'), 'TaskPage');
const NewLeavePage = page(() => import('../features/tasks/new-leave.page'), 'NewLeavePage');
const NewCertificatePage = page(
  () => import('../features/tasks/new-certificate.page'),
  'NewCertificatePage',
);
const MyIndicatorsPage = page(
  () => import('../features/kpi/my-indicators.page'),
  'MyIndicatorsPage',
);
const TeamIndicatorsPage = page(
  () => import('../features/kpi/team-indicators.page'),
  'TeamIndicatorsPage',
);
const EmployeeSheetPage = page(
  () => import('../features/kpi/employee-sheet.page'),
  'EmployeeSheetPage',
);
const WaitingSheetsPage = page(
  () => import('../features/kpi/waiting-sheets.page'),
  'WaitingSheetsPage',
);
const SheetLinkPage = page(() => import('../features/kpi/sheet-link.page'), 'SheetLinkPage');
const NotificationSettingsPage = page(
  () => import('../features/settings/notification-settings.page'),
  'NotificationSettingsPage',
);
const DeputiesPage = page(() => import('../features/deputies/deputies.page'), 'DeputiesPage');
const NotFoundPage = page(() => import('./not-found.page'), 'NotFoundPage');

export function App() {
  return (
    <Suspense fallback={<Loading />}>
      <Routes>
        <Route path="/login" element={<SignInPage />} />
        <Route path="/register" element={<RegisterPage />} />
        <Route
          element={
            <RequireSession>
              <Layout />
            </RequireSession>
          }
        >
          <Route index element={<DashboardPage />} />
          <Route path="file/:section?" element={<OwnFilePage />} />
          <Route path="payslips" element={<PayslipsPage />} />
          <Route path="payslips/:id" element={<PayslipPage />} />
          <Route path="notifications" element={<NotificationsPage />} />
          <Route path="team" element={<PeoplePage scope="team" />} />
          <Route path="team/:employeeId/:section?" element={<PersonFilePage scope="team" />} />
          <Route path="employees" element={<PeoplePage scope="employees" />} />
          <Route
            path="employees/:employeeId/:section?"
            element={<PersonFilePage scope="employees" />}
          />
          <Route path="access-log" element={<AccessLogPage />} />
          <Route path="tasks" element={<TasksPage />} />
          <Route path="tasks/new/leave" element={<NewLeavePage />} />
          <Route path="tasks/new/certificate" element={<NewCertificatePage />} />
          <Route path="tasks/:id" element={<TaskPage />} />
          <Route path="kpi" element={<MyIndicatorsPage />} />
          <Route path="kpi/team" element={<TeamIndicatorsPage />} />
          <Route path="kpi/waiting" element={<WaitingSheetsPage />} />
          <Route path="kpi/team/:employeeId" element={<EmployeeSheetPage scope="team" />} />
          <Route
            path="kpi/employees/:employeeId"
            element={<EmployeeSheetPage scope="employees" />}
          />
          <Route path="kpi/:sheetId" element={<SheetLinkPage />} />
          <Route path="settings/notifications" element={<NotificationSettingsPage />} />
          <Route path="deputies" element={<DeputiesPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </Suspense>
  );
}
