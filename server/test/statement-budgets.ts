/**
 * The SQL statements a page may cost, per request, whatever the data (issue 18): the tests measure
 * them at two sizes (the demo school and a generated institution). Each includes the session
 * lookup and, where someone else's file is read, the access-journal insert.
 */
export const budgets = {
  dashboard: { employee: 5, manager: 5, hr: 5, accountant: 5, admin: 5, guest: 3 },
  /** `employee(id)` with every section: as its owner, and as HR (plus the journal insert). */
  fileSections: { owner: 4, hr: 6 },
  myTeam: 4,
  /** `employees(first: 50)` with department, position, manager and totalCount. */
  employeesPage: 5,
} as const;

/** The team page: each subordinate's post, next leave, attestation and education. */
export const TEAM_QUERY = `query($first: Int!) { myTeam(first: $first) {
  edges { node {
    id fullName
    position { name }
    employment { current { startDate position { name } } }
    leave { nextLeaveStart }
    attestation { nextDueDate }
    education { lastCourseEnd basic { level } }
  } }
} }`;

/** HR's directory page: department, position, manager and the total. */
export const EMPLOYEES_PAGE_QUERY = `query($first: Int!) { employees(first: $first) { totalCount
  edges { node { id department { name } position { name } manager { id lastName } } } } }`;

/** What the client's dashboard asks for. */
export const DASHBOARD_QUERY = `{ dashboard {
  roles
  notifications { unread latest { id title } }
  tasks { open waiting nearestDue { id title dueDate } }
  lastPayslip { payslipId year month net change }
  leave { remainingDays nextLeaveStart }
  development { attestationDue trainingDue }
  dueDates { section date }
  kpi { current { period status values { plan } } lastApprovedScore lastApprovedPeriod }
  team { size sheetsToApprove requestsToApprove }
} }`;

const provenance = 'provenance { source system asOf }';
const educationRecord =
  'id kind level institution specialty qualification program hours startDate endDate year documentNumber proficiency';
const assignment = 'id kind startDate endDate orderDate orderNumber rate';

/** A personal file with every section selected. */
export const FILE_SECTIONS_QUERY = `query($id: ID!) { employee(id: $id) {
  id fullName personnelNumber birthDate hireDate email workPhone snils inn
  department { name } position { name } manager { id fullName }
  viewerCan { revealIdentifiers sections }
  employment { current { ${assignment} } assignments { ${assignment} }
    previousEmployment { id employer position startDate endDate } ${provenance} }
  leave { remainingToday remainingAfterPlanned nextLeaveStart compensationDays
    balance { start end remaining { basic additional total } }
    records { id kind startDate endDate days } schedule { year startDate endDate days } ${provenance} }
  attestation { nextDueDate attestations { id kind date decision validUntil } ${provenance} }
  medicalExaminations { nextDueDate examinations { id kind date result document { id fileName } } ${provenance} }
  education { lastCourseEnd basic { ${educationRecord} } professionalDevelopment { ${educationRecord} }
    retraining { ${educationRecord} } degrees { ${educationRecord} } languages { ${educationRecord} } ${provenance} }
  personalData { citizenship birthPlace maritalStatus formerNames registrationAddress residenceAddress
    militaryCategory identityDocument { kind series number issueDate } familyMembers { id relation fullName birthDate }
    ${provenance} }
  seniority { asOf kinds { kind years months days totalDays sickPayPercent } ${provenance} }
  trips { trips { id destination startDate endDate status advanceAmount } ${provenance} }
} }`;
