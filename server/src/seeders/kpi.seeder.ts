import type { EntityManager } from '@mikro-orm/postgresql';
import { newId } from '../core/orm/base.entity.js';
import { Employee } from '../modules/employee/index.js';
import { User } from '../modules/identity/index.js';
import {
  achievement,
  EvaluationEvent,
  EvaluationSheet,
  Indicator,
  IndicatorAssignment,
  type IndicatorDirection,
  IndicatorValue,
  periodOf,
  points,
  type ScoringRule,
  type SheetStatus,
  weightedTotal,
} from '../modules/kpi/index.js';
import { Position } from '../modules/position/index.js';
import { SEED_SOURCE } from './institution.seeder.js';
import { Random } from './institution.generator.js';
import { rethrow, runInUnit } from '../core/orm/unit-scope.js';

interface CatalogueEntry {
  key: string;
  name: string;
  unit: string;
  direction: IndicatorDirection;
  weight: string;
  rule: ScoringRule;
  selfAssessed: boolean;
  /** A typical plan, and how far facts stray from it. */
  plan: number;
  spread: number;
  planMax?: string;
}

/** A school's monthly оценочный лист for teachers, as such schools' regulations write it. */
const teacherCatalogue: CatalogueEntry[] = [
  {
    key: 'quality',
    name: 'Качество знаний обучающихся',
    unit: '%',
    direction: 'HIGHER_BETTER',
    weight: '40',
    rule: { kind: 'LINEAR', maxPoints: '10', capPercent: '120', floorPercent: '50' },
    selfAssessed: false,
    plan: 60,
    spread: 15,
    planMax: '100',
  },
  {
    key: 'absences',
    name: 'Пропуски уроков обучающимися без уважительной причины',
    unit: 'уроков',
    direction: 'LOWER_BETTER',
    weight: '20',
    rule: {
      kind: 'BANDS',
      bands: [
        { fromPercent: '80', points: '5' },
        { fromPercent: '100', points: '10' },
        { fromPercent: '150', points: '12' },
      ],
    },
    selfAssessed: false,
    plan: 8,
    spread: 4,
  },
  {
    key: 'olympiads',
    name: 'Участие обучающихся в олимпиадах и конкурсах',
    unit: 'чел.',
    direction: 'HIGHER_BETTER',
    weight: '20',
    rule: {
      kind: 'BANDS',
      bands: [
        { fromPercent: '50', points: '3' },
        { fromPercent: '100', points: '10' },
        { fromPercent: '150', points: '15' },
      ],
    },
    selfAssessed: true,
    plan: 3,
    spread: 2,
  },
  {
    key: 'open-lessons',
    name: 'Открытые уроки, мастер-классы, выступления на методических объединениях',
    unit: 'мероприятий',
    direction: 'HIGHER_BETTER',
    weight: '20',
    rule: { kind: 'LINEAR', maxPoints: '10', capPercent: '150' },
    selfAssessed: true,
    plan: 1,
    spread: 1,
  },
];

const MONTHS = 12;

/**
 * Seeds the indicator catalogue of a school and its teachers' sheets: a year of approved months,
 * last month submitted to the managers, and this month planned. Deterministic per seed and date.
 */
export async function seedIndicators(
  em: EntityManager,
  organizationId: string,
  asOf: string,
  seed: number,
): Promise<void> {
  const random = new Random(seed + 3);
  const teaching = await em.find(Position, {
    organization: organizationId,
    category: 'Педагогические работники',
  });
  if (teaching.length === 0) return;
  const teachers = await em.find(
    Employee,
    {
      organization: organizationId,
      position: { $in: teaching.map((p) => p.id) },
      dismissalDate: null,
    },
    { orderBy: { personnelNumber: 'asc' } },
  );
  const hr = await em.findOne(User, { organization: organizationId, roles: { $contains: ['HR'] } });
  const actor = hr?.id ?? (await em.findOneOrFail(User, { organization: organizationId })).id;

  const indicators = teacherCatalogue.map((entry) => ({
    id: newId(),
    organization: organizationId,
    externalSource: SEED_SOURCE,
    externalId: `kpi-${entry.key}`,
    name: entry.name,
    unit: entry.unit,
    direction: entry.direction,
    periodKind: 'MONTH' as const,
    defaultWeight: entry.weight,
    rule: entry.rule,
    planMin: null,
    planMax: entry.planMax ?? null,
    selfAssessed: entry.selfAssessed,
    active: true,
  }));
  const sheets: object[] = [];
  const values: object[] = [];
  const events: object[] = [];
  const thisMonth = periodOf('MONTH', asOf);
  for (let back = MONTHS; back >= 0; back--) {
    const [year, month] = [Number(thisMonth.code.slice(0, 4)), Number(thisMonth.code.slice(5))];
    const date = new Date(Date.UTC(year, month - 1 - back, 1)).toISOString().slice(0, 10);
    const period = periodOf('MONTH', date);
    const status: SheetStatus = back === 0 ? 'DRAFT' : back === 1 ? 'SUBMITTED' : 'APPROVED';
    for (const teacher of teachers) {
      const sheetId = newId();
      const rows = teacherCatalogue.map((entry, index) => {
        const plan = String(entry.plan);
        const fact =
          status === 'DRAFT'
            ? null
            : String(Math.max(0, entry.plan + random.int(-entry.spread, entry.spread)));
        const achieved = fact === null ? null : achievement(entry.direction, plan, fact);
        return {
          id: newId(),
          sheet: sheetId,
          indicator: indicators[index]!.id,
          weight: entry.weight,
          plan,
          fact,
          achievement: achieved,
          points: achieved === null ? null : points(entry.rule, achieved),
          planSetBy: actor,
          factEnteredBy: fact === null ? null : actor,
          factEnteredAt: fact === null ? null : new Date(`${period.end}T15:00:00Z`),
        };
      });
      values.push(...rows);
      sheets.push({
        id: sheetId,
        organization: organizationId,
        employee: teacher.id,
        period: period.code,
        periodStart: period.start,
        status,
        totalScore:
          status === 'DRAFT'
            ? null
            : weightedTotal(rows.map((row) => ({ points: row.points!, weight: row.weight }))),
      });
      const steps: [string, SheetStatus | null, SheetStatus][] = [['PLANNED', null, 'DRAFT']];
      if (status !== 'DRAFT') steps.push(['SUBMIT', 'DRAFT', 'SUBMITTED']);
      if (status === 'APPROVED') {
        steps.push(['AGREE', 'SUBMITTED', 'AGREED'], ['APPROVE', 'AGREED', 'APPROVED']);
      }
      for (const [action, fromStatus, toStatus] of steps) {
        events.push({ id: newId(), sheet: sheetId, actor, action, fromStatus, toStatus });
      }
    }
  }
  await runInUnit(
    em,
    async ({ em: tx }) => {
      await tx.insertMany(Indicator, indicators);
      await tx.insertMany(
        IndicatorAssignment,
        indicators.flatMap((indicator) =>
          teaching.map((position) => ({
            id: newId(),
            indicator: indicator.id,
            position: position.id,
            weight: null,
          })),
        ),
      );
      for (const [entity, rows] of [
        [EvaluationSheet, sheets],
        [IndicatorValue, values],
        [EvaluationEvent, events],
      ] as const) {
        for (let start = 0; start < rows.length; start += 1000) {
          await tx.insertMany(entity, rows.slice(start, start + 1000));
        }
      }
    },
    rethrow,
  );
}
