import { addDays, pad } from '../core/local-date.js';
import type { GeneratedEmployee, GeneratedInstitution, Random } from './institution.generator.js';
import type { GeneratedPersonalFile } from './personal-file.generator.js';

const universities = [
  'ФГАОУ ВО «Белгородский государственный национальный исследовательский университет»',
  'ФГБОУ ВО «Курский государственный университет»',
  'ФГБОУ ВО «Воронежский государственный педагогический университет»',
];
const courses = [
  'Реализация требований обновлённых ФГОС ООО и СОО в работе учителя',
  'Оказание первой помощи',
  'Цифровая образовательная среда: инструменты педагога',
  'Обеспечение информационной безопасности детей',
];

/** Family, trips, attestations and education: enough of each to fill every section of the demo. */
export function records(
  files: GeneratedPersonalFile,
  institution: GeneratedInstitution,
  employee: GeneratedEmployee,
  random: Random,
  asOf: string,
  orderNumber: () => string,
) {
  const teaching =
    institution.positions.find((p) => p.id === employee.positionId)?.category ===
    'Педагогические работники';
  if (random.chance(0.6)) {
    const childBorn = addDays(employee.birthDate, random.int(24, 38) * 365);
    if (childBorn < asOf) {
      files.family.push({
        employeeId: employee.id,
        relation: random.chance(0.5) ? 'Сын' : 'Дочь',
        fullName: `${employee.lastName} ${random.pick(['Анна', 'Иван', 'Мария', 'Егор'])} ${employee.gender === 'MALE' ? employee.firstName : 'Сергеевич'}`,
        birthDate: childBorn,
      });
    }
  }
  const until = employee.dismissalDate ?? asOf;
  for (let trip = 0; trip < random.int(0, 2); trip++) {
    const start = addDays(until, -random.int(20, 900));
    if (start < employee.hireDate) continue;
    const end = addDays(start, random.int(1, 4));
    files.trips.push({
      employeeId: employee.id,
      destination: random.pick(['г. Белгород', 'г. Москва', 'г. Курск', 'г. Старый Оскол']),
      hostOrganization: 'ОГАОУ ДПО «Белгородский институт развития образования»',
      purpose: random.pick([
        'Участие в семинаре',
        'Сопровождение учащихся на олимпиаду',
        'Курсы повышения квалификации',
      ]),
      startDate: start,
      endDate: end,
      orderNumber: orderNumber(),
      orderDate: addDays(start, -7),
      fundingSource: 'Средства субвенции',
      advanceAmount: `${random.int(2, 15) * 500}.00`,
      reportAmount: random.chance(0.8)
        ? `${random.int(1000, 8000)}.${pad(random.int(0, 99), 2)}`
        : null,
      status: end < addDays(asOf, -30) ? 'CLOSED' : 'REPORT_SUBMITTED',
    });
  }
  // Teachers' categories last five years; others are attested for fitness for the post.
  const attested = addDays(until, -random.int(100, 1500));
  if (attested > employee.hireDate) {
    files.attestations.push({
      employeeId: employee.id,
      kind: 'REGULAR',
      purpose: teaching ? 'QUALIFICATION_CATEGORY' : 'POST_FITNESS',
      date: attested,
      commission: teaching
        ? 'Аттестационная комиссия министерства образования Белгородской области'
        : 'Аттестационная комиссия учреждения',
      decision: 'MEETS',
      category: teaching ? random.pick(['Первая', 'Высшая']) : null,
      validUntil: teaching ? addDays(attested, 5 * 365) : null,
      nextDueDate: addDays(attested, 5 * 365),
      protocolNumber: `${random.int(1, 30)}`,
      orderNumber: orderNumber(),
      orderDate: addDays(attested, 10),
    });
  }
  const graduated = Number(employee.birthDate.slice(0, 4)) + 22;
  files.education.push({
    employeeId: employee.id,
    kind: 'BASIC',
    level: 'Высшее образование — бакалавриат',
    institution: random.pick(universities),
    specialty: teaching ? 'Педагогическое образование' : 'Экономика',
    qualification: teaching ? 'Бакалавр' : 'Экономист',
    program: null,
    hours: null,
    documentNumber: `${pad(random.int(100_000, 999_999), 6)} ${pad(random.int(1_000_000, 9_999_999), 7)}`,
    startDate: null,
    endDate: null,
    year: graduated,
    proficiency: null,
  });
  for (let course = 0; course < (teaching ? 2 : random.int(0, 1)); course++) {
    const end = addDays(until, -random.int(30, 1000));
    files.education.push({
      employeeId: employee.id,
      kind: 'PROFESSIONAL_DEVELOPMENT',
      level: null,
      institution: 'ОГАОУ ДПО «Белгородский институт развития образования»',
      specialty: null,
      qualification: null,
      program: random.pick(courses),
      hours: random.pick([16, 36, 72]),
      documentNumber: `31${pad(random.int(0, 99_999_999), 10)}`,
      startDate: addDays(end, -10),
      endDate: end,
      year: Number(end.slice(0, 4)),
      proficiency: null,
    });
  }
  if (random.chance(0.3)) {
    files.education.push({
      employeeId: employee.id,
      kind: 'LANGUAGE',
      level: random.pick(['Английский', 'Немецкий']),
      institution: null,
      specialty: null,
      qualification: null,
      program: null,
      hours: null,
      documentNumber: null,
      startDate: null,
      endDate: null,
      year: null,
      proficiency: 'Читает и переводит со словарём',
    });
  }
}
