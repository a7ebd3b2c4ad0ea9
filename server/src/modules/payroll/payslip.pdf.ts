import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { fromKopecks, toKopecks } from '../../core/money.js';
import { monthNames } from '../../core/ru-months.js';
import type { PayslipLineData } from './payslip-lines.js';

const require = createRequire(import.meta.url);
// Shipped in the package: a PDF of Cyrillic text needs a font that has it, and nothing is fetched.
const regular = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const bold = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');

export interface PayslipDocument {
  organization: string;
  employee: string;
  personnelNumber: string;
  department: string | null;
  position: string | null;
  year: number;
  month: number;
  normDays: number | null;
  workedDays: number | null;
  openingBalance: string;
  closingBalance: string;
  lines: readonly PayslipLineData[];
}

/** «1 234,50» as a Russian payslip prints roubles. */
export function rubles(amount: string): string {
  const [whole = '0', fraction = '00'] = fromKopecks(toKopecks(amount)).replace('-', '').split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return `${amount.startsWith('-') ? '−' : ''}${grouped},${fraction}`;
}

/** The payslip laid out like a расчётный листок: header, Начислено / Удержано / Выплачено, balances. */
export function renderPayslipPdf(doc: PayslipDocument): Promise<Buffer> {
  const pdf = new PDFDocument({
    size: 'A4',
    margin: 40,
    info: { Title: `Расчётный листок ${doc.month}.${doc.year}` },
  });
  pdf.registerFont('regular', regular);
  pdf.registerFont('bold', bold);
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) =>
    pdf.on('end', () => resolve(Buffer.concat(chunks))),
  );

  pdf
    .font('bold')
    .fontSize(14)
    .text(`Расчётный листок за ${monthNames[doc.month - 1]} ${doc.year} г.`, { align: 'center' });
  pdf.moveDown(0.5).font('regular').fontSize(9);
  pdf.text(doc.organization);
  pdf.text(`Сотрудник: ${doc.employee}, табельный номер ${doc.personnelNumber}`);
  if (doc.department) pdf.text(`Подразделение: ${doc.department}`);
  if (doc.position) pdf.text(`Должность: ${doc.position}`);
  if (doc.normDays !== null)
    pdf.text(`Дней по норме: ${doc.normDays}, отработано: ${doc.workedDays ?? '—'}`);
  pdf.moveDown(0.5);
  balance(pdf, 'на начало месяца', doc.openingBalance);

  const sections = [
    ['ACCRUAL', 'Начислено'],
    ['DEDUCTION', 'Удержано'],
    ['PAYMENT', 'Выплачено'],
  ] as const;
  for (const [kind, title] of sections) {
    const lines = doc.lines.filter((line) => line.kind === kind);
    pdf.moveDown(0.5).font('bold').fontSize(10);
    pdf.text(title, 40, pdf.y, { width: 515 });
    pdf.font('regular').fontSize(9);
    for (const line of lines) {
      const detail = [line.payCode, line.days !== null ? `${line.days} дн.` : null, line.paidOn]
        .filter(Boolean)
        .join(' · ');
      const y = pdf.y;
      pdf.text(`${line.name} (${detail})`, 40, y, { width: 400 });
      pdf.text(rubles(line.amount), 440, y, { width: 115, align: 'right' });
    }
    const total = lines.reduce((sum, line) => sum + toKopecks(line.amount), 0n);
    const y = pdf.y;
    pdf.font('bold').text(`Итого ${title.toLowerCase()}`, 40, y, { width: 400 });
    pdf.text(rubles(fromKopecks(total)), 440, y, { width: 115, align: 'right' });
    pdf.font('regular');
  }
  pdf.moveDown(0.5);
  balance(pdf, 'на конец месяца', doc.closingBalance);
  pdf.end();
  return done;
}

function balance(pdf: PDFKit.PDFDocument, when: string, amount: string): void {
  const owedByEmployee = amount.startsWith('-');
  const label = owedByEmployee ? `Долг за работником ${when}` : `Долг за организацией ${when}`;
  const y = pdf.y;
  pdf.font('bold').fontSize(9).text(label, 40, y, { width: 400 });
  pdf.text(rubles(owedByEmployee ? amount.slice(1) : amount), 440, y, {
    width: 115,
    align: 'right',
  });
  pdf.font('regular');
}
