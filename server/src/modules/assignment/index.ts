/**
 * Employment: assignments (назначения, приказы) and previous employers; the EMPLOYMENT section.
 *
 * The module's public face: other modules and the wiring import only from here.
 */
export { Assignment, PreviousEmployment } from './assignment.entity.js';
export { assignmentsLoader, previousEmploymentLoader } from './assignment.loader.js';
export { AssignmentResolver, EmploymentSectionResolver } from './assignment.resolver.js';
export { AssignmentKindValue, AssignmentType } from './assignment.type.js';
