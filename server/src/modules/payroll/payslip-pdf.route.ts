import type express from 'express';
import type { AppServices } from '../../core/context.js';
import { appRoute } from '../../core/http-route.js';
import { Department, Employee, fullNameOf } from '../employee/index.js';
import { Organization } from '../organization/index.js';
import { positionOf } from '../position/index.js';
import { PayrollService } from './payroll.service.js';
import { renderPayslipPdf } from './payslip.pdf.js';

/** GET /files/payslips/:id.pdf — the same session and the same policy as the GraphQL `payslip`. */
export function registerPayslipPdf(app: express.Express, services: AppServices): void {
  app.get(
    '/files/payslips/:file',
    appRoute(services, async (req, res, open) => {
      const id = String(req.params['file']).replace(/\.pdf$/, '');
      const ctx = await open();
      const payslip = await new PayrollService(ctx).payslip(id);
      const period = payslip.period.getEntity();
      const employee = await ctx.em.findOneOrFail(Employee, { id: payslip.employee.id });
      const [organization, department, position] = await Promise.all([
        ctx.loaders.load(Organization, employee.organization.id),
        ctx.loaders.loadRef(Department, employee.department),
        positionOf(ctx, employee.organization.id, employee.position),
      ]);
      const pdf = await renderPayslipPdf({
        organization: organization?.name ?? '',
        employee: fullNameOf(employee),
        personnelNumber: employee.personnelNumber,
        department: department?.name ?? null,
        position: position?.name ?? null,
        year: period.year,
        month: period.month,
        normDays: payslip.normDays,
        workedDays: payslip.workedDays,
        openingBalance: payslip.openingBalance,
        closingBalance: payslip.closingBalance,
        lines: payslip.lines,
      });
      await ctx.access.flush();
      res
        .status(200)
        .type('application/pdf')
        .set('Cache-Control', 'private, no-store')
        .attachment(`payslip-${period.year}-${String(period.month).padStart(2, '0')}.pdf`)
        .send(pdf);
    }),
  );
}
