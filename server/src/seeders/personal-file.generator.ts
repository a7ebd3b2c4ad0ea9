import { addDays, pad } from '../core/local-date.js';
import { annualLeaveEnd, postLeave, statutoryHolidays } from '../modules/leave/index.js';
import { records } from './personal-records.generator.js';
import type { GeneratedEmployee, GeneratedInstitution, Random } from './institution.generator.js';

export interface GeneratedPersonalFile {
  personal: {
    employeeId: string;
    formerNames: string[];
    birthPlace: string;
    citizenship: string;
    registrationAddress: string;
    residenceAddress: string;
    maritalStatus: string;
    militaryCategory: string | null;
  }[];
  documents: {
    employeeId: string;
    series: string;
    number: string;
    issuedBy: string;
    issueDate: string;
    divisionCode: string;
  }[];
  assignments: {
    employeeId: string;
    kind: 'HIRE' | 'TRANSFER' | 'DISMISSAL' | 'COMBINATION';
    orderNumber: string;
    orderDate: string;
    departmentId: string;
    positionId: string;
    rate: string;
    startDate: string;
    endDate: string | null;
  }[];
  previousEmployment: {
    employeeId: string;
    employer: string;
    position: string;
    startDate: string;
    endDate: string;
    countsAsPedagogical: boolean;
  }[];
  leaves: {
    employeeId: string;
    kind: string;
    startDate: string;
    endDate: string;
    days: number;
    orderNumber: string | null;
    orderDate: string | null;
    sickNoteNumber: string | null;
  }[];
  schedule: {
    employeeId: string;
    year: number;
    startDate: string;
    endDate: string;
    days: number;
  }[];
  family: { employeeId: string; relation: string; fullName: string; birthDate: string | null }[];
  trips: {
    employeeId: string;
    destination: string;
    hostOrganization: string;
    purpose: string;
    startDate: string;
    endDate: string;
    orderNumber: string;
    orderDate: string;
    fundingSource: string;
    advanceAmount: string;
    reportAmount: string | null;
    status: 'CLOSED' | 'REPORT_SUBMITTED' | 'APPROVED';
  }[];
  attestations: {
    employeeId: string;
    kind: 'REGULAR';
    purpose: 'POST_FITNESS' | 'QUALIFICATION_CATEGORY';
    date: string;
    commission: string;
    decision: 'MEETS';
    category: string | null;
    validUntil: string | null;
    nextDueDate: string;
    protocolNumber: string;
    orderNumber: string;
    orderDate: string;
  }[];
  education: {
    employeeId: string;
    kind: 'BASIC' | 'PROFESSIONAL_DEVELOPMENT' | 'RETRAINING' | 'DEGREE' | 'LANGUAGE';
    level: string | null;
    institution: string | null;
    specialty: string | null;
    qualification: string | null;
    program: string | null;
    hours: number | null;
    documentNumber: string | null;
    startDate: string | null;
    endDate: string | null;
    year: number | null;
    proficiency: string | null;
  }[];
}

const cities = [
  'г. Белгород',
  'пос. Ивня',
  'г. Старый Оскол',
  'г. Курск',
  'г. Воронеж',
  'г. Губкин',
];
const streets = ['ул. Ленина', 'ул. Советская', 'ул. Школьная', 'ул. Гагарина', 'ул. Садовая'];
const previousEmployers = [
  'МБОУ «СОШ № 2» г. Белгорода',
  'ОГАОУ «Белгородский педагогический колледж»',
  'ООО «Агрохолдинг Ивнянский»',
  'МБДОУ «Детский сад № 5»',
  'ОГБУЗ «Ивнянская ЦРБ»',
];

/** The personal-file sections of every generated employee, consistent with their hire and dismissal. */
export function generatePersonalFiles(
  institution: GeneratedInstitution,
  random: Random,
  asOf: string,
): GeneratedPersonalFile {
  const files: GeneratedPersonalFile = {
    personal: [],
    documents: [],
    assignments: [],
    previousEmployment: [],
    leaves: [],
    schedule: [],
    family: [],
    trips: [],
    attestations: [],
    education: [],
  };
  let order = 1;
  const orderNumber = () => `${order++}-к`;
  for (const employee of institution.employees) {
    personalData(files, employee, random);
    employment(files, institution, employee, random, orderNumber);
    leaves(files, institution, employee, random, asOf, orderNumber);
    records(files, institution, employee, random, asOf, orderNumber);
  }
  return files;
}

function personalData(files: GeneratedPersonalFile, employee: GeneratedEmployee, random: Random) {
  const city = random.pick(cities);
  const address = `309110, Белгородская обл., ${city}, ${random.pick(streets)}, д. ${random.int(1, 60)}, кв. ${random.int(1, 90)}`;
  const married = random.chance(0.6);
  files.personal.push({
    employeeId: employee.id,
    formerNames:
      employee.gender === 'FEMALE' && married && random.chance(0.5)
        ? [`${employee.lastName.slice(0, -1)}ина`]
        : [],
    birthPlace: city,
    citizenship: 'Российская Федерация',
    registrationAddress: address,
    residenceAddress: address,
    maritalStatus: married
      ? employee.gender === 'MALE'
        ? 'Женат'
        : 'Замужем'
      : 'Не состоит в браке',
    militaryCategory:
      employee.gender === 'MALE' ? random.pick(['Запас, категория А', 'Запас, категория Б']) : null,
  });
  const issued = addDays(employee.birthDate, (20 + random.int(0, 25)) * 365);
  files.documents.push({
    employeeId: employee.id,
    series: `14 ${pad(random.int(0, 24), 2)}`,
    number: pad(random.int(100_000, 999_999), 6),
    issuedBy: 'УМВД России по Белгородской области',
    issueDate: issued < employee.hireDate ? issued : addDays(employee.hireDate, -30),
    divisionCode: `310-0${pad(random.int(10, 99), 2)}`,
  });
}

function employment(
  files: GeneratedPersonalFile,
  institution: GeneratedInstitution,
  employee: GeneratedEmployee,
  random: Random,
  orderNumber: () => string,
) {
  const rate = random.chance(0.15) ? '0.50' : '1.00';
  const hire = { departmentId: employee.departmentId, positionId: employee.positionId };
  // A fifth were transferred into their current post from another one.
  const transfer = random.chance(0.2) ? addDays(employee.hireDate, random.int(200, 900)) : null;
  const current = transfer && transfer < (employee.dismissalDate ?? '9999') ? transfer : null;
  const first = current ? random.pick(institution.positions) : null;
  files.assignments.push({
    employeeId: employee.id,
    kind: 'HIRE',
    orderNumber: orderNumber(),
    orderDate: addDays(employee.hireDate, -3),
    departmentId: hire.departmentId,
    positionId: first?.id ?? hire.positionId,
    rate,
    startDate: employee.hireDate,
    endDate: current ? addDays(current, -1) : employee.dismissalDate,
  });
  if (current) {
    files.assignments.push({
      employeeId: employee.id,
      kind: 'TRANSFER',
      orderNumber: orderNumber(),
      orderDate: addDays(current, -5),
      ...hire,
      rate,
      startDate: current,
      endDate: employee.dismissalDate,
    });
  }
  if (employee.dismissalDate) {
    files.assignments.push({
      employeeId: employee.id,
      kind: 'DISMISSAL',
      orderNumber: orderNumber(),
      orderDate: employee.dismissalDate,
      ...hire,
      rate,
      startDate: employee.dismissalDate,
      endDate: employee.dismissalDate,
    });
  }
  const careerStart = addDays(employee.birthDate, 22 * 365);
  if (careerStart < addDays(employee.hireDate, -400) && random.chance(0.7)) {
    const end = addDays(employee.hireDate, -random.int(1, 60));
    files.previousEmployment.push({
      employeeId: employee.id,
      employer: random.pick(previousEmployers),
      position: random.pick(['Учитель', 'Воспитатель', 'Бухгалтер', 'Специалист']),
      startDate: careerStart < addDays(end, -3650) ? addDays(end, -3650) : careerStart,
      endDate: end,
      countsAsPedagogical: random.chance(0.5),
    });
  }
}

/** Days of annual leave a year by the post: 56 for the posts of ПП РФ № 415, else 28 (ст. 115). */
const annualLeaveDays = (institution: GeneratedInstitution, employee: GeneratedEmployee) =>
  postLeave(
    institution.positions.find((position) => position.id === employee.positionId)?.name ?? '',
  ).basicDays;

function leaves(
  files: GeneratedPersonalFile,
  institution: GeneratedInstitution,
  employee: GeneratedEmployee,
  random: Random,
  asOf: string,
  orderNumber: () => string,
) {
  const until = employee.dismissalDate ?? asOf;
  const asOfYear = Number(asOf.slice(0, 4));
  const entitled = annualLeaveDays(institution, employee);
  // Parts are ordered in charged days: public holidays inside extend them (ст. 120 ТК).
  const holidays = statutoryHolidays(employee.hireDate, `${asOfYear + 2}-12-31`);
  // Every year since hire takes its leave, so the balance is what a real file shows: the days
  // of the working year in progress, not decades the demo never recorded. Earlier years in one
  // summer part, the last four split in two as schedules usually split it.
  const hired = Number(employee.hireDate.slice(0, 4));
  for (let year = hired; year <= asOfYear; year++) {
    const parts: [month: number, length: number][] =
      year < asOfYear - 3
        ? [[7, entitled]]
        : [
            [6 + random.int(0, 1), entitled - 14],
            [random.pick([2, 9, 10]), 14],
          ];
    for (const [month, length] of parts) {
      const start = `${year}-${pad(month, 2)}-${pad(random.int(1, 14), 2)}`;
      const end = annualLeaveEnd(start, length, holidays);
      if (start < employee.hireDate || end > until) continue;
      const orderDate = addDays(start, -14);
      files.leaves.push({
        employeeId: employee.id,
        kind: 'ANNUAL_BASIC',
        startDate: start,
        endDate: end,
        days: length,
        orderNumber: orderNumber(),
        orderDate,
        sickNoteNumber: null,
      });
    }
    if (year >= asOfYear - 3 && random.chance(0.3)) {
      const start = `${year}-${pad(random.pick([1, 3, 11, 12]), 2)}-${pad(random.int(1, 20), 2)}`;
      const days = random.int(3, 10);
      if (start >= employee.hireDate && addDays(start, days - 1) <= until) {
        files.leaves.push({
          employeeId: employee.id,
          kind: 'SICK',
          startDate: start,
          endDate: addDays(start, days - 1),
          days,
          orderNumber: null,
          orderDate: null,
          sickNoteNumber: pad(random.int(900_000_000, 999_999_999), 12),
        });
      }
    }
  }
  if (!employee.dismissalDate) {
    const next = asOfYear + 1;
    const start = `${next}-07-${pad(random.int(1, 20), 2)}`;
    files.schedule.push({
      employeeId: employee.id,
      year: next,
      startDate: start,
      endDate: annualLeaveEnd(start, entitled, holidays),
      days: entitled,
    });
  }
}
