import type { Employee } from './employee.entity.js';

/** «Фамилия Имя Отчество». */
export const fullNameOf = (employee: Pick<Employee, 'lastName' | 'firstName' | 'middleName'>) =>
  [employee.lastName, employee.firstName, employee.middleName].filter(Boolean).join(' ');
