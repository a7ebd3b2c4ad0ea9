/**
 * Annual basic leave by post. 28 calendar days (ст. 115 ТК РФ) unless the law gives the post an
 * extended one (ст. 334 ТК РФ): for educational organizations the list approved by ПП РФ от
 * 03.04.2024 № 415 «О ежегодных основных удлиненных оплачиваемых отпусках» (in force since
 * 1 September 2024; it replaced ПП РФ от 14.05.2015 № 466). Only the posts of a general education
 * school (общеобразовательная организация) are listed here; other posts keep 28 days, and a post
 * the system of record sends with its own days keeps those.
 */

/** Days of basic annual leave a post gives, and the norm that sets them. */
export interface PostLeave {
  basicDays: number;
  basis: string;
}

const general = 'ст. 115 ТК РФ';
const decree = 'ПП РФ от 03.04.2024 № 415, приложение, разд. I, общеобразовательные организации';

/** Posts of a general education school with the 56-day extended leave of ПП № 415. */
const extended: Readonly<Record<string, string>> = {
  Директор: `${decree}: руководитель образовательной организации`,
  'Заместитель директора по учебно-воспитательной работе': `${decree}: заместитель руководителя, деятельность которого связана с образовательной деятельностью`,
  // An МО of the demo school is a structural unit of the teaching service, its head a teacher.
  'Руководитель методического объединения': `${decree}: руководитель структурного подразделения, деятельность которого связана с образовательной деятельностью`,
  Учитель: `${decree}: педагогический работник`,
  'Педагог-психолог': `${decree}: педагогический работник`,
  'Социальный педагог': `${decree}: педагогический работник`,
};

/** The basic annual leave of a post by its name, as a school's staff schedule names it. */
export function postLeave(postName: string): PostLeave {
  const basis = extended[postName.trim()];
  return basis === undefined ? { basicDays: 28, basis: general } : { basicDays: 56, basis };
}
