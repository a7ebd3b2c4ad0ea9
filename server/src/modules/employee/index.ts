/**
 * Employees and departments: the personal file's root, the directory card, who manages whom and the file-section policy.
 *
 * The module's public face: other modules and the wiring import only from here.
 */
export { Department } from './department.entity.js';
export type { DepartmentRow } from './department.entity.js';
export { DepartmentResolver } from './department.resolver.js';
export { DepartmentType } from './department.type.js';
export { DirectoryCardResolver } from './directory-card.resolver.js';
export { Employee, FamilyMember, IdentityDocument } from './employee.entity.js';
export type { EmployeeRow } from './employee.entity.js';
export { policyOf } from './employee.fields.js';
export {
  EmployeePolicy,
  managedDepartmentsSql,
  primeManagedDepartments,
} from './employee.policy.js';
export { EmployeeResolver } from './employee.resolver.js';
export { managerOf } from './employee.service.js';
export { EmployeeType } from './employee.type.js';
export { fullNameOf } from './full-name.js';
export { employeeById, ownFileOf } from './own-file.js';
export { teamSizePart } from './team.js';
