import { describe, expect, it } from 'vitest';
import { postLeave } from './leave.entitlement.js';

const decree = 'ПП РФ от 03.04.2024 № 415';

describe('postLeave: basic annual leave by post', () => {
  it.each([
    // ПП № 415, приложение, разд. I, общеобразовательные организации: 56 days for the head of
    // the school and deputies whose work is tied to education, heads of structural units, and
    // the pedagogical posts (номенклатура: ПП РФ от 21.02.2022 № 225)
    { post: 'Директор', days: 56, basis: decree },
    { post: 'Заместитель директора по учебно-воспитательной работе', days: 56, basis: decree },
    { post: 'Руководитель методического объединения', days: 56, basis: decree },
    { post: 'Учитель', days: 56, basis: decree },
    { post: 'Педагог-психолог', days: 56, basis: decree },
    { post: 'Социальный педагог', days: 56, basis: decree },
    // not in ПП № 415's list: the 28 days of ст. 115 ТК
    { post: 'Главный бухгалтер', days: 28, basis: 'ст. 115 ТК РФ' },
    { post: 'Заведующий хозяйством', days: 28, basis: 'ст. 115 ТК РФ' },
    { post: 'Секретарь руководителя', days: 28, basis: 'ст. 115 ТК РФ' },
    { post: 'Сторож', days: 28, basis: 'ст. 115 ТК РФ' },
  ])('$post: $days days ($basis)', ({ post, days, basis }) => {
    const leave = postLeave(post);
    expect(leave.basicDays).toBe(days);
    expect(leave.basis).toContain(basis);
    expect(leave.basis).not.toContain('466');
  });
});
