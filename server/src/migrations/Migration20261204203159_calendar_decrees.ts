import { Migration } from '@mikro-orm/migrations';

export class Migration20261204203159_calendar_decrees extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "production_calendar_year" ("year" int not null, "revision" int not null, "source" varchar(300) not null, "synced_at" timestamptz not null default current_timestamp, constraint "production_calendar_year_pkey" primary key ("year"));`,
    );

    this.addSql(
      `alter table "production_calendar_day" add column "origin" varchar(8) not null default 'HR';`,
    );
    // Rows start-up wrote from the statute before decree data shipped carry its notes exactly; they
    // are the shipped ones, rewritten from the decrees on the next start. Anything else is HR's.
    this.addSql(`update "production_calendar_day" set "origin" = 'SHIPPED'
      where ("kind" = 'HOLIDAY' and "note" in ('Новогодние каникулы', 'Рождество Христово',
        'День защитника Отечества', 'Международный женский день', 'Праздник Весны и Труда',
        'День Победы', 'День России', 'День народного единства'))
        or ("kind" = 'DAY_OFF' and "note" like 'Перенос выходного: %');`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "production_calendar_year" cascade;`);

    this.addSql(`alter table "production_calendar_day" drop column "origin";`);
  }
}
