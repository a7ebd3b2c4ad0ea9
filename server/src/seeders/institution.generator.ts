import { v7 as uuidv7 } from 'uuid';
import { personalInnFrom, snilsCheck } from '../core/ru-identifiers.js';
import { femaleNames, maleNames, surnames } from './ru-names.js';

/** A small deterministic PRNG (mulberry32): the same seed gives the same institution. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  bytes(count: number): Uint8Array {
    return Uint8Array.from({ length: count }, () => Math.floor(this.next() * 256));
  }
}

export interface GeneratedDepartment {
  id: string;
  parentId: string | null;
  name: string;
  code: string;
  sortOrder: number;
  headId: string | null;
  kind: DepartmentKind;
}

export interface GeneratedPosition {
  id: string;
  name: string;
  category: string;
}

export interface GeneratedEmployee {
  id: string;
  personnelNumber: string;
  lastName: string;
  firstName: string;
  middleName: string;
  gender: 'MALE' | 'FEMALE';
  birthDate: string;
  email: string;
  workPhone: string;
  mobilePhone: string;
  departmentId: string;
  positionId: string;
  hireDate: string;
  dismissalDate: string | null;
  snils: string;
  inn: string;
}

export interface GeneratedInstitution {
  departments: GeneratedDepartment[];
  positions: GeneratedPosition[];
  employees: GeneratedEmployee[];
}

type DepartmentKind =
  'administration' | 'accounting' | 'hr' | 'teaching' | 'subject' | 'facilities';

/** A school's structure: administration over services and the teachers' methodical associations. */
const schoolStructure: {
  name: string;
  code: string;
  kind: DepartmentKind;
  parent: string | null;
}[] = [
  { name: 'Администрация', code: 'АДМ', kind: 'administration', parent: null },
  { name: 'Бухгалтерия', code: 'БУХ', kind: 'accounting', parent: 'АДМ' },
  { name: 'Отдел кадров', code: 'ОК', kind: 'hr', parent: 'АДМ' },
  { name: 'Учебная часть', code: 'УЧ', kind: 'teaching', parent: 'АДМ' },
  { name: 'МО учителей начальных классов', code: 'МО-НК', kind: 'subject', parent: 'УЧ' },
  { name: 'МО учителей естественно-научного цикла', code: 'МО-ЕН', kind: 'subject', parent: 'УЧ' },
  { name: 'МО учителей гуманитарного цикла', code: 'МО-ГУМ', kind: 'subject', parent: 'УЧ' },
  { name: 'Хозяйственная часть', code: 'ХЧ', kind: 'facilities', parent: 'АДМ' },
];

/** Positions by department kind: the first is the head's, the rest are staff. */
const positionsByKind: Record<DepartmentKind, { head: string; staff: string[]; category: string }> =
  {
    administration: {
      head: 'Директор',
      staff: ['Секретарь руководителя', 'Инженер-программист'],
      category: 'АУП',
    },
    accounting: {
      head: 'Главный бухгалтер',
      staff: ['Бухгалтер', 'Бухгалтер по расчёту заработной платы'],
      category: 'АУП',
    },
    hr: { head: 'Начальник отдела кадров', staff: ['Специалист по кадрам'], category: 'АУП' },
    teaching: {
      head: 'Заместитель директора по учебно-воспитательной работе',
      staff: ['Социальный педагог', 'Педагог-психолог'],
      category: 'Педагогические работники',
    },
    subject: {
      head: 'Руководитель методического объединения',
      staff: ['Учитель'],
      category: 'Педагогические работники',
    },
    facilities: {
      head: 'Заведующий хозяйством',
      staff: [
        'Уборщик служебных помещений',
        'Рабочий по комплексному обслуживанию здания',
        'Сторож',
      ],
      category: 'Обслуживающий персонал',
    },
  };

const pad = (value: number, length = 2) => String(value).padStart(length, '0');
const withCheck = (body: string, check: (body: string) => string) => `${body}${check(body)}`;
const isoDate = (date: Date) =>
  `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
const addDays = (date: Date, days: number) => new Date(date.getTime() + days * 86_400_000);

const translit: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
};
const latin = (text: string) =>
  [...text.toLowerCase()].map((char) => translit[char] ?? char).join('');

/**
 * Builds an institution of `employeeCount` people, deterministic for a given seed and `asOf` date:
 * a department tree (8 units, more for large counts), positions, heads, hire dates over the
 * past years and some dismissals in the last three.
 */
export function generateInstitution(options: {
  seed: number;
  employeeCount: number;
  asOf: Date;
  emailDomain: string;
}): GeneratedInstitution {
  const random = new Random(options.seed);
  const epoch = Date.UTC(2020, 0, 1);
  let sequence = 0;
  const id = () => uuidv7({ msecs: epoch + sequence++, random: random.bytes(16) });

  const departments: GeneratedDepartment[] = [];
  const byCode = new Map<string, GeneratedDepartment>();
  schoolStructure.forEach((unit, index) => {
    const department: GeneratedDepartment = {
      id: id(),
      parentId: unit.parent ? byCode.get(unit.parent)!.id : null,
      name: unit.name,
      code: unit.code,
      sortOrder: index,
      headId: null,
      kind: unit.kind,
    };
    departments.push(department);
    byCode.set(unit.code, department);
  });
  // Large institutions grow more units of ~40 people, under the teaching and facilities services.
  const extraUnits = Math.max(0, Math.ceil(options.employeeCount / 40) - schoolStructure.length);
  for (let index = 1; index <= extraUnits; index++) {
    const kind: DepartmentKind = index % 4 === 0 ? 'facilities' : 'subject';
    const parent = byCode.get(kind === 'facilities' ? 'ХЧ' : 'УЧ')!;
    departments.push({
      id: id(),
      parentId: parent.id,
      name:
        kind === 'facilities'
          ? `Участок обслуживания № ${index}`
          : `Методическое объединение № ${index}`,
      code: `${kind === 'facilities' ? 'УО' : 'МО'}-${index}`,
      sortOrder: schoolStructure.length + index,
      headId: null,
      kind,
    });
  }

  const positions: GeneratedPosition[] = [];
  const positionByName = new Map<string, GeneratedPosition>();
  const positionFor = (name: string, category: string) => {
    let position = positionByName.get(name);
    if (!position) {
      position = { id: id(), name, category };
      positions.push(position);
      positionByName.set(name, position);
    }
    return position;
  };

  const employees: GeneratedEmployee[] = [];
  const usedNames = new Set<string>();
  const asOf = Date.UTC(
    options.asOf.getUTCFullYear(),
    options.asOf.getUTCMonth(),
    options.asOf.getUTCDate(),
  );
  const teachingUnits = departments.filter((department) => department.kind === 'subject');
  for (let index = 0; index < options.employeeCount; index++) {
    // Heads first, one per department, then staff with most of them in the teaching units.
    const isHead = index < departments.length;
    const department = isHead
      ? departments[index]!
      : random.pick(random.chance(0.6) ? teachingUnits : departments);
    const spec = positionsByKind[department.kind];
    const position = positionFor(isHead ? spec.head : random.pick(spec.staff), spec.category);

    const gender = random.chance(department.kind === 'facilities' ? 0.5 : 0.25) ? 'MALE' : 'FEMALE';
    let lastName: string;
    let firstName: string;
    let middleName: string;
    do {
      const [maleSurname, femaleSurname] = random.pick(surnames);
      const father = random.pick(maleNames);
      lastName = gender === 'MALE' ? maleSurname : femaleSurname;
      firstName = gender === 'MALE' ? random.pick(maleNames).name : random.pick(femaleNames);
      middleName = gender === 'MALE' ? father.sonOf : father.daughterOf;
    } while (usedNames.has(`${lastName} ${firstName} ${middleName}`) && usedNames.size < 100_000);
    usedNames.add(`${lastName} ${firstName} ${middleName}`);

    const age = random.int(23, 64);
    const birth = addDays(new Date(asOf), -(age * 365 + random.int(0, 364)));
    // Most staff joined before the three-year window; a third were hired within it.
    const hire = random.chance(0.35)
      ? addDays(new Date(asOf), -random.int(30, 3 * 365))
      : addDays(new Date(asOf), -random.int(3 * 365, Math.max(3 * 365 + 1, (age - 22) * 365)));
    const dismissed = !isHead && random.chance(0.08);
    const dismissal = dismissed
      ? addDays(
          new Date(asOf),
          -random.int(1, Math.min(3 * 365, Math.floor((asOf - hire.getTime()) / 86_400_000))),
        )
      : null;

    const employee: GeneratedEmployee = {
      id: id(),
      personnelNumber: pad(index + 1, 6),
      lastName,
      firstName,
      middleName,
      gender,
      birthDate: isoDate(birth),
      email: `${latin(firstName)[0]}.${latin(lastName)}${index + 1}@${options.emailDomain}`,
      workPhone: `+7 (4722) ${pad(random.int(20, 79))}-${pad(random.int(0, 99))}-${pad(random.int(0, 99))}`,
      mobilePhone: `+7 (9${pad(random.int(0, 99))}) ${pad(random.int(100, 999), 3)}-${pad(random.int(0, 99))}-${pad(random.int(0, 99))}`,
      departmentId: department.id,
      positionId: position.id,
      hireDate: isoDate(hire),
      dismissalDate: dismissal ? isoDate(dismissal) : null,
      snils: withCheck(pad(random.int(1_002_000, 999_999_999), 9), snilsCheck),
      // Белгородская область: region code 31.
      inn: personalInnFrom(`31${pad(random.int(0, 99_999_999), 8)}`),
    };
    employees.push(employee);
    if (isHead) department.headId = employee.id;
  }
  return { departments, positions, employees };
}
