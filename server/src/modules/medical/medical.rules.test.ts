import { describe, expect, it } from 'vitest';
import { appErrorOf } from '../../core/errors.js';
import type { MedicalExaminationFields } from './medical.rules.js';
import { checkMedicalExamination } from './medical.rules.js';

const today = '2026-06-15';
const exam = (fields: Partial<MedicalExaminationFields> = {}): MedicalExaminationFields => ({
  date: '2026-05-20',
  result: 'FIT',
  nextDueDate: '2027-05-20',
  ...fields,
});

/** The field the check refuses (under `input`), or null when it accepts the record. */
function refused(fields: MedicalExaminationFields): string[] | null {
  try {
    checkMedicalExamination(today, fields);
    return null;
  } catch (error) {
    const expected = appErrorOf(error);
    if (!expected) throw error;
    expect(expected.extensions['code']).toBe('BAD_USER_INPUT');
    return expected.extensions['field'] as string[];
  }
}

describe('checkMedicalExamination', () => {
  it.each<[string, string, MedicalExaminationFields, string[] | null]>([
    [
      'a periodic examination found fit, due again in a year',
      'приказ Минздрава России № 29н: periodic examinations at the periodicity of its appendix',
      exam(),
      null,
    ],
    [
      'a conclusion with restrictions that names them',
      '№ 29н: the conclusion names the contraindicated harmful factors and work',
      exam({ result: 'FIT_WITH_RESTRICTIONS', restrictions: 'Противопоказана работа на высоте' }),
      null,
    ],
    [
      'a conclusion with restrictions that names none',
      '№ 29н: a restriction the employer is not told of cannot be observed (ст. 76, 214 ТК РФ)',
      exam({ result: 'FIT_WITH_RESTRICTIONS', restrictions: '  ' }),
      ['input', 'restrictions'],
    ],
    [
      'restrictions on a plain «годен»',
      'a conclusion without restrictions has none to name: the two would contradict each other',
      exam({ result: 'FIT', restrictions: 'Противопоказана работа в ночное время' }),
      ['input', 'restrictions'],
    ],
    [
      'restrictions on «не годен»',
      'ст. 76 ТК РФ: an unfit employee is removed from the work, not restricted in it',
      exam({ result: 'UNFIT', restrictions: 'Ограничение подъёма тяжестей', nextDueDate: null }),
      ['input', 'restrictions'],
    ],
    [
      'a temporarily unfit conclusion with a re-examination date',
      'ст. 76 ТК РФ: removed from work until the contraindication is gone; examined again',
      exam({ result: 'TEMPORARILY_UNFIT', nextDueDate: '2026-07-01' }),
      null,
    ],
    [
      'an examination dated in the future',
      'ст. 220 ТК РФ: a conclusion follows an examination that took place',
      exam({ date: '2026-06-16', nextDueDate: '2027-06-16' }),
      ['input', 'date'],
    ],
    [
      'an examination today',
      'the conclusion is issued on the day of the examination (№ 29н)',
      exam({ date: today, nextDueDate: '2027-06-15' }),
      null,
    ],
    [
      'a next examination due on the day of this one',
      'periodicity: the next examination comes after this one',
      exam({ nextDueDate: '2026-05-20' }),
      ['input', 'nextDueDate'],
    ],
    [
      'a next examination due before this one',
      'periodicity: the next examination comes after this one',
      exam({ nextDueDate: '2025-05-20' }),
      ['input', 'nextDueDate'],
    ],
    [
      'a next examination more than two years ahead',
      'the portal-wide limit on record dates (a typo such as 2205), as every record of the file',
      exam({ nextDueDate: '2028-06-16' }),
      ['input', 'nextDueDate'],
    ],
    [
      'a date that is not a calendar date',
      'the LocalDate format, YYYY-MM-DD',
      exam({ date: '2026-02-30' }),
      ['input', 'date'],
    ],
    [
      'a preliminary examination without a next date',
      'ст. 220 ТК РФ: a preliminary examination at hire; the periodic ones are scheduled after',
      exam({ nextDueDate: null }),
      null,
    ],
  ])('%s (%s)', (_name, _source, fields, field) => {
    expect(refused(fields)).toEqual(field);
  });
});
