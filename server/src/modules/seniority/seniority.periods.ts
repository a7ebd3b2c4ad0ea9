import type { Row } from '../../core/orm/rows.js';
import type { Assignment, PreviousEmployment } from '../assignment/index.js';
import type { LeaveRecord } from '../leave/index.js';
import type { PositionRow } from '../position/index.js';
import type { SeniorityKind, SeniorityPeriod as EnteredPeriod } from './seniority.entity.js';
import type { SeniorityPeriod } from './seniority.rules.js';

export interface PersonalFileRows {
  assignments: readonly Row<Assignment>[];
  previous: readonly Row<PreviousEmployment>[];
  entered: readonly Row<EnteredPeriod>[];
  leaves: readonly Row<LeaveRecord>[];
  positions: ReadonlyMap<string, PositionRow>;
}

/** A gap up to this many days between jobs keeps непрерывный стаж continuous. */
const CONTINUITY_GAP_DAYS = 30;
const DAY = 86_400_000;
const dayOf = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY;

/**
 * The periods each kind of seniority counts:
 * - INSTITUTION: the hires and transfers here; GENERAL and INSURANCE add earlier employers;
 * - PEDAGOGICAL / MEDICAL: posts here of that kind and earlier employment marked so;
 * - CONTINUOUS: the latest chain of GENERAL periods with gaps of at most 30 days;
 * - every kind adds its directly entered periods (стаж confirmed by documents), with their factor.
 * Unpaid and childcare leave do not count for the institution, special and continuous kinds;
 * future ones are planned leave, which `dateReaching` then takes off.
 */
export function periodsFor(kind: SeniorityKind, rows: PersonalFileRows): SeniorityPeriod[] {
  const here = rows.assignments
    .filter((a) => a.kind === 'HIRE' || a.kind === 'TRANSFER')
    .map((a) => ({ start: a.startDate, end: a.endDate, position: a.position?.id ?? null }));
  const entered = rows.entered
    .filter((p) => p.kind === kind)
    .map((p) => ({ start: p.startDate, end: p.endDate, factor: Number(p.factor) }));
  const earlier = rows.previous.map((p) => ({
    start: p.startDate,
    end: p.endDate,
  }));
  const excluded = rows.leaves
    .filter((leave) => leave.kind === 'UNPAID' || leave.kind === 'CHILDCARE')
    .map((leave) => ({ start: leave.startDate, end: leave.endDate, excluded: true }));
  const bare = (periods: { start: string; end: string | null }[]) =>
    periods.map(({ start, end }) => ({ start, end }));

  switch (kind) {
    case 'INSTITUTION':
      return [...bare(here), ...entered, ...excluded];
    case 'GENERAL':
    case 'INSURANCE':
      return [...bare(here), ...bare(earlier), ...entered];
    case 'PEDAGOGICAL':
    case 'MEDICAL': {
      const flag = kind === 'PEDAGOGICAL' ? 'countsAsPedagogical' : 'countsAsMedical';
      const posts = here.filter(
        (p) => p.position && rows.positions.get(p.position)?.seniorityKind === kind,
      );
      const before = rows.previous
        .filter((p) => p[flag])
        .map((p) => ({ start: p.startDate, end: p.endDate }));
      return [...bare(posts), ...before, ...entered, ...excluded];
    }
    case 'CONTINUOUS':
      return [...latestChain([...bare(here), ...bare(earlier), ...entered]), ...excluded];
  }
}

/** The last run of periods whose gaps are at most CONTINUITY_GAP_DAYS. */
function latestChain<T extends { start: string; end: string | null }>(periods: T[]): T[] {
  const sorted = [...periods].sort((a, b) => (a.start < b.start ? -1 : 1));
  let chainStart = 0;
  let reach = -Infinity;
  sorted.forEach((period, index) => {
    if (dayOf(period.start) - reach - 1 > CONTINUITY_GAP_DAYS) chainStart = index;
    reach = Math.max(reach, period.end === null ? Infinity : dayOf(period.end));
  });
  return sorted.slice(chainStart);
}
