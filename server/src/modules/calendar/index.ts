/**
 * The production calendar (производственный календарь): shipped decrees, HR's days, working-time norms.
 *
 * The module's public face: other modules and the wiring import only from here.
 */
export { calendarOf } from './calendar.data.js';
export { CalendarDay, CalendarYear } from './calendar.entity.js';
export { CalendarResolver } from './calendar.resolver.js';
export {
  addWorkingDays,
  isWorkingDay,
  statutoryCalendar,
  workingDaysIn,
} from './calendar.rules.js';
export { calendarDays, syncProductionCalendar } from './calendar.service.js';
