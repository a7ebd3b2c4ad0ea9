import { Migration } from '@mikro-orm/migrations';

export class Migration20261128041705_personal_file extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "leave_schedule_entry" ("id" uuid not null, "created_at" timestamptz not null default current_timestamp, "updated_at" timestamptz not null default current_timestamp, "external_source" varchar(64) null, "external_id" varchar(128) null, "organization_id" uuid not null, "employee_id" uuid not null, "year" int not null, "start_date" date not null, "end_date" date not null, "days" int not null, constraint "leave_schedule_entry_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "leave_schedule_entry_employee_id_year_index" on "leave_schedule_entry" ("employee_id", "year");`,
    );
    this.addSql(
      `alter table "leave_schedule_entry" add constraint "leave_schedule_entry_organization_id_external_sou_c1a24_unique" unique ("organization_id", "external_source", "external_id");`,
    );

    this.addSql(
      `create table "leave_record" ("id" uuid not null, "created_at" timestamptz not null default current_timestamp, "updated_at" timestamptz not null default current_timestamp, "external_source" varchar(64) null, "external_id" varchar(128) null, "organization_id" uuid not null, "employee_id" uuid not null, "kind" varchar(24) not null, "start_date" date not null, "end_date" date not null, "days" int not null, "order_number" varchar(32) null, "order_date" date null, "sick_note_number" varchar(32) null, constraint "leave_record_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "leave_record_employee_id_start_date_index" on "leave_record" ("employee_id", "start_date");`,
    );
    this.addSql(
      `alter table "leave_record" add constraint "leave_record_organization_id_external_source_external_id_unique" unique ("organization_id", "external_source", "external_id");`,
    );

    this.addSql(
      `create table "identity_document" ("id" uuid not null, "created_at" timestamptz not null default current_timestamp, "updated_at" timestamptz not null default current_timestamp, "external_source" varchar(64) null, "external_id" varchar(128) null, "employee_id" uuid not null, "kind" varchar(64) not null default 'Паспорт гражданина РФ', "series" varchar(8) not null, "number" varchar(16) not null, "issued_by" varchar(500) not null, "issue_date" date not null, "division_code" varchar(8) null, constraint "identity_document_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "identity_document" add constraint "identity_document_employee_id_unique" unique ("employee_id");`,
    );

    this.addSql(
      `create table "family_member" ("id" uuid not null, "created_at" timestamptz not null default current_timestamp, "updated_at" timestamptz not null default current_timestamp, "external_source" varchar(64) null, "external_id" varchar(128) null, "employee_id" uuid not null, "relation" varchar(50) not null, "full_name" varchar(300) not null, "birth_date" date null, constraint "family_member_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "family_member_employee_id_index" on "family_member" ("employee_id");`,
    );

    this.addSql(
      `create table "assignment" ("id" uuid not null, "created_at" timestamptz not null default current_timestamp, "updated_at" timestamptz not null default current_timestamp, "external_source" varchar(64) null, "external_id" varchar(128) null, "organization_id" uuid not null, "employee_id" uuid not null, "kind" varchar(16) not null, "order_number" varchar(32) null, "order_date" date null, "department_id" uuid null, "position_id" uuid null, "rate" numeric(3,2) not null, "start_date" date not null, "end_date" date null, constraint "assignment_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "assignment_employee_id_start_date_index" on "assignment" ("employee_id", "start_date");`,
    );
    this.addSql(
      `alter table "assignment" add constraint "assignment_organization_id_external_source_external_id_unique" unique ("organization_id", "external_source", "external_id");`,
    );

    this.addSql(
      `create table "previous_employment" ("id" uuid not null, "created_at" timestamptz not null default current_timestamp, "updated_at" timestamptz not null default current_timestamp, "external_source" varchar(64) null, "external_id" varchar(128) null, "employee_id" uuid not null, "employer" varchar(500) not null, "position" varchar(300) null, "start_date" date not null, "end_date" date not null, "counts_as_pedagogical" boolean not null default false, "counts_as_medical" boolean not null default false, constraint "previous_employment_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "previous_employment_employee_id_start_date_index" on "previous_employment" ("employee_id", "start_date");`,
    );

    this.addSql(
      `create table "seniority_period" ("id" uuid not null, "created_at" timestamptz not null default current_timestamp, "updated_at" timestamptz not null default current_timestamp, "external_source" varchar(64) null, "external_id" varchar(128) null, "employee_id" uuid not null, "kind" varchar(16) not null, "start_date" date not null, "end_date" date null, "factor" numeric(3,2) not null, "document" varchar(300) null, constraint "seniority_period_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "seniority_period_employee_id_kind_index" on "seniority_period" ("employee_id", "kind");`,
    );

    this.addSql(
      `alter table "leave_schedule_entry" add constraint "leave_schedule_entry_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "leave_schedule_entry" add constraint "leave_schedule_entry_employee_id_foreign" foreign key ("employee_id") references "employee" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "leave_record" add constraint "leave_record_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "leave_record" add constraint "leave_record_employee_id_foreign" foreign key ("employee_id") references "employee" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "identity_document" add constraint "identity_document_employee_id_foreign" foreign key ("employee_id") references "employee" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "family_member" add constraint "family_member_employee_id_foreign" foreign key ("employee_id") references "employee" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "assignment" add constraint "assignment_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "assignment" add constraint "assignment_employee_id_foreign" foreign key ("employee_id") references "employee" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "assignment" add constraint "assignment_department_id_foreign" foreign key ("department_id") references "department" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "assignment" add constraint "assignment_position_id_foreign" foreign key ("position_id") references "position" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "previous_employment" add constraint "previous_employment_employee_id_foreign" foreign key ("employee_id") references "employee" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "seniority_period" add constraint "seniority_period_employee_id_foreign" foreign key ("employee_id") references "employee" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "position" add column "basic_leave_days" int not null default 28, add column "additional_leave_days" int not null default 0, add column "seniority_kind" varchar(16) null;`,
    );

    this.addSql(
      `alter table "employee" add column "former_names" text[] not null, add column "birth_place" varchar(300) null, add column "citizenship" varchar(100) null, add column "registration_address" varchar(500) null, add column "residence_address" varchar(500) null, add column "marital_status" varchar(24) null, add column "military_category" varchar(100) null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "leave_schedule_entry" cascade;`);

    this.addSql(`drop table if exists "leave_record" cascade;`);

    this.addSql(`drop table if exists "identity_document" cascade;`);

    this.addSql(`drop table if exists "family_member" cascade;`);

    this.addSql(`drop table if exists "assignment" cascade;`);

    this.addSql(`drop table if exists "previous_employment" cascade;`);

    this.addSql(`drop table if exists "seniority_period" cascade;`);

    this.addSql(
      `alter table "employee" drop column "former_names", drop column "birth_place", drop column "citizenship", drop column "registration_address", drop column "residence_address", drop column "marital_status", drop column "military_category";`,
    );

    this.addSql(
      `alter table "position" drop column "basic_leave_days", drop column "additional_leave_days", drop column "seniority_kind";`,
    );
  }
}
