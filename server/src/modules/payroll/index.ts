/**
 * Payroll (расчётные листки): payslips, periods, НДФЛ, dynamics, questions and the PDF.
 *
 * The module's public face: other modules and the wiring import only from here.
 */
export { ndflToWithhold } from './ndfl.rules.js';
export { PayrollPeriod, Payslip, PayslipQuestion } from './payroll.entity.js';
export { PayrollResolver } from './payroll.resolver.js';
export { PayrollService } from './payroll.service.js';
export { DynamicsGrouping } from './payroll.type.js';
export { PayslipActionsResolver } from './payslip-actions.resolver.js';
export { payslipLineData, type PayslipLineData, type PayslipLineSource } from './payslip-lines.js';
export { registerPayslipPdf } from './payslip-pdf.route.js';
export { checkPayslipBody } from './payslip-write.service.js';
