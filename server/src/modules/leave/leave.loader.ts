import { rowsByOwner } from '../../core/orm/loaders.js';
import { LeaveRecord, LeaveScheduleEntry } from './leave.entity.js';

export const leavesLoader = rowsByOwner(LeaveRecord, 'employee', { startDate: 'asc', id: 'asc' });

export const leaveScheduleLoader = rowsByOwner(LeaveScheduleEntry, 'employee', {
  startDate: 'asc',
  id: 'asc',
});
