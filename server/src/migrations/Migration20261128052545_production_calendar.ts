import { Migration } from '@mikro-orm/migrations';

export class Migration20261128052545_production_calendar extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "production_calendar_day" ("id" uuid not null, "created_at" timestamptz not null default current_timestamp, "updated_at" timestamptz not null default current_timestamp, "date" date not null, "kind" varchar(16) not null, "note" varchar(200) null, constraint "production_calendar_day_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "production_calendar_day" add constraint "production_calendar_day_date_unique" unique ("date");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "production_calendar_day" cascade;`);
  }
}
