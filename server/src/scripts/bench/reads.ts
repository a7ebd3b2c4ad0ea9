/** Who a read signs in as: HR sees the institution, the manager a team, the employee their own file. */
export type Account = 'hr' | 'manager' | 'employee';

/** Ids the reads need, found in the seeded institution before the runs. */
export interface Subjects {
  employeeId: string;
  year: number;
}

export interface GraphQLRequest {
  query: string;
  variables?: Record<string, unknown>;
}

/** One read of the suite: Kabinet's document and, where PostGraphile has one, the peer's. */
export interface Read {
  name: string;
  title: string;
  account: Account;
  kabinet: (subjects: Subjects) => GraphQLRequest;
  peer: ((subjects: Subjects) => GraphQLRequest) | null;
}

const listFields = 'id fullName personnelNumber department { name } position { name }';
const peerListFields =
  'rowId lastName firstName middleName personnelNumber departmentByDepartmentId { name } positionByPositionId { name }';
const peerOrder = '[LAST_NAME_ASC, FIRST_NAME_ASC, PRIMARY_KEY_ASC]';
const assignment =
  'id kind startDate endDate rate orderNumber orderDate department { name } position { name }';
const peerAssignment =
  'rowId kind startDate endDate rate orderNumber orderDate departmentByDepartmentId { name } positionByPositionId { name }';
const provenance = 'provenance { source system asOf }';
const fileSections = `
  id fullName personnelNumber birthDate gender email workPhone mobilePhone hireDate dismissalDate
  snils inn department { name } position { name } manager { fullName }
  personalData { birthPlace citizenship maritalStatus registrationAddress residenceAddress formerNames
    identityDocument { kind series number issuedBy issueDate } familyMembers { relation fullName birthDate } ${provenance} }
  employment { current { ${assignment} } assignments { ${assignment} } previousEmployment { employer position startDate endDate } ${provenance} }
  leave { remainingToday remainingAfterPlanned nextLeaveStart balance { index start end entitled { basic additional } used { basic additional } remaining { basic additional total } }
    records { id kind startDate endDate days } ${provenance} }
  seniority { asOf kinds { kind years months days } ${provenance} }
  education { basic { id kind institution endDate } professionalDevelopment { id kind institution endDate } lastCourseEnd ${provenance} }
  trips { trips { id startDate endDate destination purpose } ${provenance} }
  attestation { attestations { id date kind decision category nextDueDate } nextDueDate ${provenance} }
  medicalExaminations { examinations { id date kind result nextDueDate } nextDueDate ${provenance} }`;

/** The reads, in the order the table prints them. */
export const reads: Read[] = [
  {
    // What every request pays before any read: HTTP, the GraphQL server's pipeline and, for
    // Kabinet, the session lookup. No read of an engine can cost less than its floor.
    name: 'floor',
    title: '{ __typename }: the fixed cost of a request',
    account: 'employee',
    kabinet: () => ({ query: '{ __typename }' }),
    peer: () => ({ query: '{ __typename }' }),
  },
  {
    name: 'employees',
    title: '50 employees with department and position',
    account: 'hr',
    kabinet: () => ({ query: `{ employees(first: 50) { edges { node { ${listFields} } } } }` }),
    peer: () => ({
      query: `{ allEmployees(first: 50, orderBy: ${peerOrder}) { nodes { ${peerListFields} } } }`,
    }),
  },
  {
    name: 'assignments',
    title: 'one employee with assignments',
    account: 'employee',
    kabinet: ({ employeeId }) => ({
      query: `query($id: ID!) { employee(id: $id) { id fullName personnelNumber employment { assignments { ${assignment} } } } }`,
      variables: { id: employeeId },
    }),
    peer: ({ employeeId }) => ({
      query: `query($id: UUID!) { employeeByRowId(rowId: $id) { rowId lastName firstName middleName personnelNumber assignmentsByEmployeeId { nodes { ${peerAssignment} } } } }`,
      variables: { id: employeeId },
    }),
  },
  {
    name: 'hr-list',
    title: 'HR list of 50 with totalCount and managers',
    account: 'hr',
    kabinet: () => ({
      query: `{ employees(first: 50) { totalCount edges { node { ${listFields} manager { fullName } } } } }`,
    }),
    peer: () => ({
      query: `{ allEmployees(first: 50, orderBy: ${peerOrder}) { totalCount nodes { ${peerListFields} employeeByManagerId { lastName firstName middleName } } } }`,
    }),
  },
  {
    name: 'dashboard',
    title: 'dashboard',
    account: 'manager',
    kabinet: () => ({
      query: `{ dashboard { roles lastPayslip { year month net change } leave { remainingDays nextLeaveStart }
        tasks { open waiting nearestDue { id } } team { size requestsToApprove sheetsToApprove }
        notifications { unread latest { id title createdAt } } development { attestationDue trainingDue }
        kpi { lastApprovedPeriod lastApprovedScore } dueDates { section date } } }`,
    }),
    peer: null,
  },
  {
    name: 'my-team',
    title: 'myTeam (50)',
    account: 'manager',
    kabinet: () => ({
      query: `{ myTeam(first: 50) { totalCount edges { node { ${listFields} } } } }`,
    }),
    peer: null,
  },
  {
    name: 'payslips',
    title: 'payslips for a year',
    account: 'employee',
    kabinet: ({ year }) => ({
      query: `query($from: LocalDate, $to: LocalDate) { payslips(from: $from, to: $to) { id status period { year month }
        accruals { id payCode name amount days } deductions { id payCode name amount } payments { id payCode name amount paidOn }
        totals { accrued deducted paid } openingBalance closingBalance workedDays normDays } }`,
      variables: { from: `${year}-01-01`, to: `${year}-12-31` },
    }),
    peer: null,
  },
  {
    name: 'file',
    title: 'employee(id) with every personal-file section',
    account: 'hr',
    kabinet: ({ employeeId }) => ({
      query: `query($id: ID!) { employee(id: $id) { ${fileSections} } }`,
      variables: { id: employeeId },
    }),
    peer: null,
  },
  {
    name: 'notifications',
    title: 'notifications (20)',
    account: 'employee',
    kabinet: () => ({
      query: `{ notifications(first: 20) { totalCount edges { node { id type title body link readAt createdAt } } } unreadNotificationCount }`,
    }),
    peer: null,
  },
];
