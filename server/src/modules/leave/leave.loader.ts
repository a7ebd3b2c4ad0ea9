import { readRowsByOwner } from '../../core/orm/loaders.js';
import { LeaveRecord, LeaveScheduleEntry } from './leave.entity.js';

export const leavesLoader = readRowsByOwner(LeaveRecord, 'employee', {
  startDate: 'asc',
  id: 'asc',
});

export const leaveScheduleLoader = readRowsByOwner(LeaveScheduleEntry, 'employee', {
  startDate: 'asc',
  id: 'asc',
});
