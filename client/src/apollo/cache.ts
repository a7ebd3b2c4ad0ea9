import { InMemoryCache } from '@apollo/client';
import { relayStylePagination } from '@apollo/client/utilities';

/** Sections of a file have no id of their own: merge them into their employee's cache entry. */
const embedded = [
  'PersonalData',
  'EmploymentSection',
  'LeaveSection',
  'TripSection',
  'SenioritySection',
  'AttestationSection',
  'EducationSection',
  'EmployeePermissions',
  'PayslipTotals',
];

/** A normalised cache; Relay-style connections append pages for "load more". */
export function createCache(): InMemoryCache {
  return new InMemoryCache({
    typePolicies: {
      Query: {
        fields: {
          notifications: relayStylePagination(['unreadOnly']),
          myTeam: relayStylePagination(['filter']),
          employees: relayStylePagination(['filter']),
          myFileAccessLog: relayStylePagination(),
          tasks: relayStylePagination(['scope', 'openOnly', 'type']),
          task: {
            read: (_, { args, toReference }) =>
              toReference({ __typename: 'Task', id: args?.['id'] as string }),
          },
          payslip: {
            read: (_, { args, toReference }) =>
              toReference({ __typename: 'Payslip', id: args?.['id'] as string }),
          },
          employee: {
            read: (_, { args, toReference }) =>
              toReference({ __typename: 'Employee', id: args?.['id'] as string }),
          },
        },
      },
      Task: { fields: { messages: relayStylePagination() } },
      // One per type for the signed-in user: a changed preference updates the list in place.
      NotificationPreference: { keyFields: ['type'] },
      ...Object.fromEntries(embedded.map((type) => [type, { merge: true }])),
    },
  });
}
