import {
  Entity,
  Index,
  ManyToOne,
  OptionalProps,
  PrimaryKey,
  Property,
  Unique,
  type Ref,
} from '@mikro-orm/core';
import { BaseEntity, ExternalRecord, newId } from '../../core/orm/base.entity.js';
import { Employee } from '../employee/index.js';
import { User } from '../identity/index.js';
import { Organization } from '../organization/index.js';
import { Position } from '../position/index.js';
import type { IndicatorDirection, PeriodKind, ScoringRule } from './kpi.rules.js';

/** An indicator of the organization's catalogue (показатель эффективности). */
@Entity({ tableName: 'indicator' })
@Unique({ properties: ['organization', 'externalSource', 'externalId'] })
@Index({ properties: ['organization', 'active'] })
export class Indicator extends ExternalRecord<
  'description' | 'planMin' | 'planMax' | 'selfAssessed' | 'active'
> {
  @ManyToOne({ entity: () => Organization, ref: true, deleteRule: 'cascade' })
  organization!: Ref<Organization>;

  @Property({ type: 'string', length: 300 })
  name!: string;

  @Property({ type: 'text', nullable: true })
  description: string | null = null;

  /** What the values count: %, человек, баллов, дней … */
  @Property({ type: 'string', length: 32 })
  unit!: string;

  @Property({ type: 'string', length: 16 })
  direction!: IndicatorDirection;

  @Property({ type: 'string', length: 8 })
  periodKind!: PeriodKind;

  /** The weight (percent) it takes in a sheet unless the assignment or the plan says otherwise. */
  @Property({ type: 'decimal', precision: 7, scale: 4 })
  defaultWeight!: string;

  @Property({ type: 'json' })
  rule!: ScoringRule;

  /** Bounds a plan must keep to, if any. */
  @Property({ type: 'decimal', precision: 16, scale: 4, nullable: true })
  planMin: string | null = null;

  @Property({ type: 'decimal', precision: 16, scale: 4, nullable: true })
  planMax: string | null = null;

  /** The employee enters the fact themselves (the manager then agrees it). */
  @Property({ type: 'boolean', default: false })
  selfAssessed: boolean = false;

  @Property({ type: 'boolean', default: true })
  active: boolean = true;
}

/** Which positions or which employees an indicator applies to, with their weight. */
@Entity({ tableName: 'indicator_assignment' })
@Index({ properties: ['position'] })
@Index({ properties: ['employee'] })
export class IndicatorAssignment extends BaseEntity<'position' | 'employee' | 'weight'> {
  @ManyToOne({ entity: () => Indicator, ref: true, deleteRule: 'cascade' })
  indicator!: Ref<Indicator>;

  @ManyToOne({ entity: () => Position, ref: true, nullable: true, deleteRule: 'cascade' })
  position: Ref<Position> | null = null;

  @ManyToOne({ entity: () => Employee, ref: true, nullable: true, deleteRule: 'cascade' })
  employee: Ref<Employee> | null = null;

  @Property({ type: 'decimal', precision: 7, scale: 4, nullable: true })
  weight: string | null = null;
}

export const SheetStatuses = ['DRAFT', 'SUBMITTED', 'AGREED', 'APPROVED'] as const;
export type SheetStatus = (typeof SheetStatuses)[number];

/** Оценочный лист: one employee's indicators for one period, from plan to approval. */
@Entity({ tableName: 'evaluation_sheet' })
@Unique({ properties: ['employee', 'period'] })
@Unique({ properties: ['organization', 'externalSource', 'externalId'] })
@Index({ properties: ['organization', 'status', 'periodStart'] })
export class EvaluationSheet extends ExternalRecord<'totalScore' | 'status'> {
  @ManyToOne({ entity: () => Organization, ref: true, deleteRule: 'cascade' })
  organization!: Ref<Organization>;

  @ManyToOne({ entity: () => Employee, ref: true, deleteRule: 'cascade' })
  employee!: Ref<Employee>;

  /** `2026-11`, `2026-Q4` or `2026`. */
  @Property({ type: 'string', length: 8 })
  period!: string;

  @Property({ type: 'date' })
  periodStart!: string;

  @Property({ type: 'string', length: 12, default: 'DRAFT' })
  status: SheetStatus = 'DRAFT';

  /** The weighted score, once every fact is in. */
  @Property({ type: 'decimal', precision: 10, scale: 2, nullable: true })
  totalScore: string | null = null;
}

/** One indicator of a sheet: plan, fact and what they score. */
@Entity({ tableName: 'indicator_value' })
@Unique({ properties: ['sheet', 'indicator'] })
export class IndicatorValue extends BaseEntity<
  'fact' | 'achievement' | 'points' | 'comment' | 'factEnteredBy' | 'factEnteredAt'
> {
  @ManyToOne({ entity: () => EvaluationSheet, ref: true, deleteRule: 'cascade' })
  sheet!: Ref<EvaluationSheet>;

  @ManyToOne({ entity: () => Indicator, ref: true, deleteRule: 'cascade' })
  indicator!: Ref<Indicator>;

  @Property({ type: 'decimal', precision: 7, scale: 4 })
  weight!: string;

  @Property({ type: 'decimal', precision: 16, scale: 4 })
  plan!: string;

  @Property({ type: 'decimal', precision: 16, scale: 4, nullable: true })
  fact: string | null = null;

  /** Percent of the plan achieved. */
  @Property({ type: 'decimal', precision: 10, scale: 2, nullable: true })
  achievement: string | null = null;

  @Property({ type: 'decimal', precision: 10, scale: 2, nullable: true })
  points: string | null = null;

  @Property({ type: 'text', nullable: true })
  comment: string | null = null;

  @ManyToOne({ entity: () => User, ref: true })
  planSetBy!: Ref<User>;

  @ManyToOne({ entity: () => User, ref: true, nullable: true })
  factEnteredBy: Ref<User> | null = null;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  factEnteredAt: Date | null = null;
}

/** A step of a sheet's workflow: who moved it from what to what, and why. Append-only. */
@Entity({ tableName: 'evaluation_event' })
@Index({ properties: ['sheet', 'id'] })
export class EvaluationEvent {
  [OptionalProps]?: 'id' | 'createdAt' | 'comment' | 'fromStatus';

  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @ManyToOne({ entity: () => EvaluationSheet, ref: true })
  sheet!: Ref<EvaluationSheet>;

  @ManyToOne({ entity: () => User, ref: true })
  actor!: Ref<User>;

  /** PLANNED, FACTS, SUBMIT, AGREE, APPROVE, RETURN. */
  @Property({ type: 'string', length: 16 })
  action!: string;

  @Property({ type: 'string', length: 12, nullable: true })
  fromStatus: SheetStatus | null = null;

  @Property({ type: 'string', length: 12 })
  toStatus!: SheetStatus;

  @Property({ type: 'text', nullable: true })
  comment: string | null = null;

  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'current_timestamp' })
  createdAt: Date = new Date();
}
