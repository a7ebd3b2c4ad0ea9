import type express from 'express';
import { createContext, type AppServices } from '../../app/context.js';
import { tokenFromRequest } from '../../core/auth/credentials.js';
import { AppError, ErrorCode } from '../../core/errors.js';
import { Department } from '../department/department.entity.js';
import { Employee } from '../employee/employee.entity.js';
import { Organization } from '../organization/organization.entity.js';
import { positionOf } from '../position/position.loader.js';
import { payslipLinesLoader } from './payroll.loader.js';
import { PayrollService } from './payroll.service.js';
import { renderPayslipPdf } from './payslip.pdf.js';

const statusOf: Partial<Record<string, number>> = {
  [ErrorCode.Unauthenticated]: 401,
  SESSION_EXPIRED: 401,
  SESSION_REVOKED: 401,
  SESSION_INVALID: 401,
  [ErrorCode.Forbidden]: 403,
  [ErrorCode.NotFound]: 404,
};

/** GET /files/payslips/:id.pdf — the same session and the same policy as the GraphQL `payslip`. */
export function registerPayslipPdf(app: express.Express, services: AppServices): void {
  app.get('/files/payslips/:file', async (req, res, next) => {
    try {
      const id = req.params.file.replace(/\.pdf$/, '');
      const ctx = await createContext(services, {
        logger: req.log,
        requestId: req.id as string,
        token: tokenFromRequest(req),
        ip: req.ip ?? null,
        userAgent: req.get('user-agent') ?? null,
        cookie: null,
      });
      try {
        const payslip = await new PayrollService(ctx).payslip(id);
        const period = payslip.period.getEntity();
        const [lines, employee] = await Promise.all([
          ctx.loaders.get(payslipLinesLoader).load(payslip.id),
          ctx.em.findOneOrFail(Employee, { id: payslip.employee.id }),
        ]);
        const [organization, department, position] = await Promise.all([
          ctx.loaders.load(Organization, employee.organization.id),
          ctx.loaders.loadRef(Department, employee.department),
          positionOf(ctx, employee.organization.id, employee.position),
        ]);
        const pdf = await renderPayslipPdf({
          organization: organization?.name ?? '',
          employee: [employee.lastName, employee.firstName, employee.middleName]
            .filter(Boolean)
            .join(' '),
          personnelNumber: employee.personnelNumber,
          department: department?.name ?? null,
          position: position?.name ?? null,
          year: period.year,
          month: period.month,
          normDays: payslip.normDays,
          workedDays: payslip.workedDays,
          openingBalance: payslip.openingBalance,
          closingBalance: payslip.closingBalance,
          lines,
        });
        res
          .status(200)
          .type('application/pdf')
          .set('Cache-Control', 'private, no-store')
          .attachment(`payslip-${period.year}-${String(period.month).padStart(2, '0')}.pdf`)
          .send(pdf);
      } finally {
        await ctx.access.flush();
      }
    } catch (error) {
      if (error instanceof AppError) {
        const code = String(error.extensions['code']);
        res.status(statusOf[code] ?? 400).json({ error: { code, message: error.message } });
        return;
      }
      next(error);
    }
  });
}
