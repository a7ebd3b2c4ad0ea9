import { registerFileAccess } from '../files/index.js';
import { type Employee, policyOf } from '../employee/index.js';
import { MedicalExamination } from './medical.entity.js';

/**
 * An examination's conclusion is downloadable by whoever may read the MEDICAL section of the
 * employee's file; a download of someone else's is journalled against their file.
 */
registerFileAccess(async (ctx, file) => {
  const examination = await ctx.em.findOne(
    MedicalExamination,
    { documentFile: file.id },
    { populate: ['employee'] },
  );
  if (!examination) return false;
  const employee: Employee = examination.employee.getEntity();
  const allowed = await policyOf(ctx).read(employee, 'MEDICAL', 'downloadFile');
  return { allowed, journalled: true };
});
