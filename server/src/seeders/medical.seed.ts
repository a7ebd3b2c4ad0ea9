import { newId } from '../core/orm/base.entity.js';
import { addDays } from '../core/local-date.js';
import type { SectionSeed } from './section-seeds.js';
import { MedicalExamination } from '../modules/medical/index.js';

const CLINIC = 'ОГБУЗ «Ивнянская центральная районная больница»';
const RESTRICTIONS = [
  'Противопоказана работа на высоте',
  'Ограничение подъёма тяжестей свыше 10 кг',
  'Противопоказана работа в ночное время',
];

/**
 * Demo examinations, for a seeded file only (never imported by the running server): every active
 * employee had a preliminary one at hire and, a year on, periodic ones; school staff are examined
 * yearly, so the last one's next date is a year after it.
 */
export const medicalSeed: SectionSeed = {
  name: 'medical',
  tables: ['medical_examination'],
  seed: async ({ organizationId, institution, asOf, random, insert }) => {
    const rows: object[] = [];
    let number = 0;
    const row = (employeeId: string, date: string, kind: string, nextDueDate: string) => {
      const restricted = kind === 'PERIODIC' && random.chance(0.08);
      rows.push({
        id: newId(),
        organization: organizationId,
        employee: employeeId,
        date,
        kind,
        result: restricted ? 'FIT_WITH_RESTRICTIONS' : 'FIT',
        restrictions: restricted ? random.pick(RESTRICTIONS) : null,
        nextDueDate,
        clinic: CLINIC,
        documentNumber: `${date.slice(0, 4)}-${String(++number).padStart(4, '0')}`,
      });
    };
    for (const employee of institution.employees) {
      if (employee.dismissalDate) continue;
      const hired = addDays(employee.hireDate, -random.int(3, 14));
      row(employee.id, hired, 'PRELIMINARY', addDays(hired, 365));
      // The last periodic examination within the past year, so the next is still ahead.
      const last = addDays(asOf, -random.int(10, 330));
      if (last > addDays(hired, 180)) {
        const previous = addDays(last, -365);
        if (previous > addDays(hired, 180)) row(employee.id, previous, 'PERIODIC', last);
        row(employee.id, last, 'PERIODIC', addDays(last, 365));
      }
    }
    await insert(MedicalExamination, rows);
  },
};
