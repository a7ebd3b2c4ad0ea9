/**
 * Seniority (стаж): periods and the computed kinds with their milestones.
 *
 * The module's public face: other modules and the wiring import only from here.
 */
export { SeniorityPeriod } from './seniority.entity.js';
export { periodsFor, type PersonalFileRows } from './seniority.periods.js';
export { SeniorityResolver } from './seniority.resolver.js';
export { seniorityOn, sickPayPercent } from './seniority.rules.js';
export { SeniorityKindValue } from './seniority.type.js';
