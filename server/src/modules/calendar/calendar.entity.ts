import { Entity, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../../core/orm/base.entity.js';
import type { CalendarDayKind } from './calendar.rules.js';

/** A day of the production calendar that is not an ordinary weekday or weekend; held as data. */
@Entity({ tableName: 'production_calendar_day' })
@Unique({ properties: ['date'] })
export class CalendarDay extends BaseEntity<'note'> {
  @Property({ type: 'date' })
  date!: string;

  @Property({ type: 'string', length: 16 })
  kind!: CalendarDayKind;

  @Property({ type: 'string', length: 200, nullable: true })
  note: string | null = null;
}
