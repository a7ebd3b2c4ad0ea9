import { describe, expect, it } from 'vitest';
import { generateInstitution } from './institution.generator.js';

const asOf = new Date('2026-11-28T00:00:00Z');

describe('generateInstitution', () => {
  it('is deterministic for a seed and date', () => {
    const a = generateInstitution({ seed: 5, employeeCount: 120, asOf, emailDomain: 'x.ru' });
    const b = generateInstitution({ seed: 5, employeeCount: 120, asOf, emailDomain: 'x.ru' });
    const c = generateInstitution({ seed: 6, employeeCount: 120, asOf, emailDomain: 'x.ru' });
    expect(b).toEqual(a);
    expect(c.employees.map((e) => e.lastName)).not.toEqual(a.employees.map((e) => e.lastName));
  });

  it('gives every department a head and keeps dates consistent', () => {
    const { departments, employees } = generateInstitution({
      seed: 7,
      employeeCount: 500,
      asOf,
      emailDomain: 'x.ru',
    });
    expect(departments.length).toBeGreaterThanOrEqual(Math.ceil(500 / 40));
    expect(departments.every((unit) => unit.headId !== null)).toBe(true);
    const ids = new Set(departments.map((unit) => unit.id));
    expect(departments.every((unit) => unit.parentId === null || ids.has(unit.parentId))).toBe(
      true,
    );
    for (const employee of employees) {
      expect(employee.birthDate < employee.hireDate).toBe(true);
      expect(employee.hireDate <= '2026-11-28').toBe(true);
      if (employee.dismissalDate) expect(employee.dismissalDate >= employee.hireDate).toBe(true);
      expect(employee.middleName.endsWith(employee.gender === 'MALE' ? 'ич' : 'на')).toBe(true);
    }
    expect(new Set(employees.map((e) => e.personnelNumber)).size).toBe(500);
  });
});
