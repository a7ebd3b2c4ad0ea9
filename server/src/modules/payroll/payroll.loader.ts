import { rowsByOwner } from '../../core/orm/loaders.js';
import { PayslipLine } from './payroll.entity.js';

export const payslipLinesLoader = rowsByOwner(PayslipLine, 'payslip', {
  sortOrder: 'asc',
  id: 'asc',
});
