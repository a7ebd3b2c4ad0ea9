import { Entity, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../../core/orm/base.entity.js';
import type { CalendarDayKind } from './calendar.rules.js';

/** Who put a calendar day there: the shipped decree data, or HR (`setCalendarDay`). */
export type CalendarDayOrigin = 'SHIPPED' | 'HR';

/** A day of the production calendar that is not an ordinary weekday or weekend; held as data. */
@Entity({ tableName: 'production_calendar_day' })
@Unique({ properties: ['date'] })
export class CalendarDay extends BaseEntity<'note' | 'origin'> {
  @Property({ type: 'date' })
  date!: string;

  @Property({ type: 'string', length: 16 })
  kind!: CalendarDayKind;

  @Property({ type: 'string', length: 200, nullable: true })
  note: string | null = null;

  /** Shipped days are rewritten when a newer revision of the data ships; HR's never are. */
  @Property({ type: 'string', length: 8, default: 'HR' })
  origin: CalendarDayOrigin = 'HR';
}

/** A year whose shipped calendar is in the table: which decree, and which revision of the data. */
@Entity({ tableName: 'production_calendar_year' })
export class CalendarYear {
  @PrimaryKey({ type: 'integer', autoincrement: false })
  year!: number;

  @Property({ type: 'integer' })
  revision!: number;

  @Property({ type: 'string', length: 300 })
  source!: string;

  @Property({ type: 'datetime', defaultRaw: 'current_timestamp' })
  syncedAt: Date = new Date();
}
