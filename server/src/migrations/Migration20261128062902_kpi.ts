import { Migration } from '@mikro-orm/migrations';

export class Migration20261128062902_kpi extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "indicator" ("id" uuid not null, "created_at" timestamptz not null default current_timestamp, "updated_at" timestamptz not null default current_timestamp, "external_source" varchar(64) null, "external_id" varchar(128) null, "organization_id" uuid not null, "name" varchar(300) not null, "description" text null, "unit" varchar(32) not null, "direction" varchar(16) not null, "period_kind" varchar(8) not null, "default_weight" numeric(7,4) not null, "rule" jsonb not null, "plan_min" numeric(16,4) null, "plan_max" numeric(16,4) null, "self_assessed" boolean not null default false, "active" boolean not null default true, constraint "indicator_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "indicator_organization_id_active_index" on "indicator" ("organization_id", "active");`,
    );
    this.addSql(
      `alter table "indicator" add constraint "indicator_organization_id_external_source_external_id_unique" unique ("organization_id", "external_source", "external_id");`,
    );

    this.addSql(
      `create table "indicator_assignment" ("id" uuid not null, "created_at" timestamptz not null default current_timestamp, "updated_at" timestamptz not null default current_timestamp, "indicator_id" uuid not null, "position_id" uuid null, "employee_id" uuid null, "weight" numeric(7,4) null, constraint "indicator_assignment_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "indicator_assignment_employee_id_index" on "indicator_assignment" ("employee_id");`,
    );
    this.addSql(
      `create index "indicator_assignment_position_id_index" on "indicator_assignment" ("position_id");`,
    );

    this.addSql(
      `create table "evaluation_sheet" ("id" uuid not null, "created_at" timestamptz not null default current_timestamp, "updated_at" timestamptz not null default current_timestamp, "external_source" varchar(64) null, "external_id" varchar(128) null, "organization_id" uuid not null, "employee_id" uuid not null, "period" varchar(8) not null, "period_start" date not null, "status" varchar(12) not null default 'DRAFT', "total_score" numeric(10,2) null, constraint "evaluation_sheet_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "evaluation_sheet_organization_id_status_period_start_index" on "evaluation_sheet" ("organization_id", "status", "period_start");`,
    );
    this.addSql(
      `alter table "evaluation_sheet" add constraint "evaluation_sheet_organization_id_external_source__97684_unique" unique ("organization_id", "external_source", "external_id");`,
    );
    this.addSql(
      `alter table "evaluation_sheet" add constraint "evaluation_sheet_employee_id_period_unique" unique ("employee_id", "period");`,
    );

    this.addSql(
      `create table "indicator_value" ("id" uuid not null, "created_at" timestamptz not null default current_timestamp, "updated_at" timestamptz not null default current_timestamp, "sheet_id" uuid not null, "indicator_id" uuid not null, "weight" numeric(7,4) not null, "plan" numeric(16,4) not null, "fact" numeric(16,4) null, "achievement" numeric(10,2) null, "points" numeric(10,2) null, "comment" text null, "plan_set_by_id" uuid not null, "fact_entered_by_id" uuid null, "fact_entered_at" timestamptz null, constraint "indicator_value_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "indicator_value" add constraint "indicator_value_sheet_id_indicator_id_unique" unique ("sheet_id", "indicator_id");`,
    );

    this.addSql(
      `create table "evaluation_event" ("id" uuid not null, "sheet_id" uuid not null, "actor_id" uuid not null, "action" varchar(16) not null, "from_status" varchar(12) null, "to_status" varchar(12) not null, "comment" text null, "created_at" timestamptz not null default current_timestamp, constraint "evaluation_event_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "evaluation_event_sheet_id_id_index" on "evaluation_event" ("sheet_id", "id");`,
    );

    this.addSql(
      `alter table "indicator" add constraint "indicator_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "indicator_assignment" add constraint "indicator_assignment_indicator_id_foreign" foreign key ("indicator_id") references "indicator" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "indicator_assignment" add constraint "indicator_assignment_position_id_foreign" foreign key ("position_id") references "position" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "indicator_assignment" add constraint "indicator_assignment_employee_id_foreign" foreign key ("employee_id") references "employee" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "evaluation_sheet" add constraint "evaluation_sheet_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "evaluation_sheet" add constraint "evaluation_sheet_employee_id_foreign" foreign key ("employee_id") references "employee" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "indicator_value" add constraint "indicator_value_sheet_id_foreign" foreign key ("sheet_id") references "evaluation_sheet" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "indicator_value" add constraint "indicator_value_indicator_id_foreign" foreign key ("indicator_id") references "indicator" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "indicator_value" add constraint "indicator_value_plan_set_by_id_foreign" foreign key ("plan_set_by_id") references "app_user" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "indicator_value" add constraint "indicator_value_fact_entered_by_id_foreign" foreign key ("fact_entered_by_id") references "app_user" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "evaluation_event" add constraint "evaluation_event_sheet_id_foreign" foreign key ("sheet_id") references "evaluation_sheet" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "evaluation_event" add constraint "evaluation_event_actor_id_foreign" foreign key ("actor_id") references "app_user" ("id") on update cascade;`,
    );

    // A sheet's workflow history is never edited: refuse UPDATE, DELETE and TRUNCATE of its events.
    this
      .addSql(`create function evaluation_event_append_only() returns trigger language plpgsql as $$
      begin
        raise exception 'evaluation_event is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
      end $$;`);
    this.addSql(
      `create trigger evaluation_event_no_update_delete before update or delete on "evaluation_event" for each row execute function evaluation_event_append_only();`,
    );
    this.addSql(
      `create trigger evaluation_event_no_truncate before truncate on "evaluation_event" for each statement execute function evaluation_event_append_only();`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table "indicator_assignment" drop constraint "indicator_assignment_indicator_id_foreign";`,
    );

    this.addSql(
      `alter table "indicator_value" drop constraint "indicator_value_indicator_id_foreign";`,
    );

    this.addSql(
      `alter table "indicator_value" drop constraint "indicator_value_sheet_id_foreign";`,
    );

    this.addSql(
      `alter table "evaluation_event" drop constraint "evaluation_event_sheet_id_foreign";`,
    );

    this.addSql(`drop table if exists "indicator" cascade;`);

    this.addSql(`drop table if exists "indicator_assignment" cascade;`);

    this.addSql(`drop table if exists "evaluation_sheet" cascade;`);

    this.addSql(`drop table if exists "indicator_value" cascade;`);

    this.addSql(`drop table if exists "evaluation_event" cascade;`);

    this.addSql(`drop function if exists evaluation_event_append_only();`);
  }
}
