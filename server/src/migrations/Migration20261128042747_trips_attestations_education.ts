import { Migration } from '@mikro-orm/migrations';

export class Migration20261128042747_trips_attestations_education extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "education_record" ("id" uuid not null, "created_at" timestamptz not null default current_timestamp, "updated_at" timestamptz not null default current_timestamp, "external_source" varchar(64) null, "external_id" varchar(128) null, "employee_id" uuid not null, "kind" varchar(32) not null, "level" varchar(200) null, "institution" varchar(500) null, "specialty" varchar(300) null, "qualification" varchar(300) null, "program" varchar(500) null, "hours" int null, "document_number" varchar(64) null, "start_date" date null, "end_date" date null, "year" int null, "proficiency" varchar(100) null, constraint "education_record_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "education_record_employee_id_kind_index" on "education_record" ("employee_id", "kind");`,
    );

    this.addSql(
      `create table "business_trip" ("id" uuid not null, "created_at" timestamptz not null default current_timestamp, "updated_at" timestamptz not null default current_timestamp, "external_source" varchar(64) null, "external_id" varchar(128) null, "organization_id" uuid not null, "employee_id" uuid not null, "destination" varchar(200) not null, "host_organization" varchar(300) null, "purpose" varchar(500) not null, "start_date" date not null, "end_date" date not null, "order_number" varchar(32) null, "order_date" date null, "funding_source" varchar(200) null, "advance_amount" numeric(14,2) null, "report_amount" numeric(14,2) null, "status" varchar(24) not null, constraint "business_trip_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "business_trip_employee_id_start_date_index" on "business_trip" ("employee_id", "start_date");`,
    );
    this.addSql(
      `alter table "business_trip" add constraint "business_trip_organization_id_external_source_ext_357e4_unique" unique ("organization_id", "external_source", "external_id");`,
    );

    this.addSql(
      `create table "attestation" ("id" uuid not null, "created_at" timestamptz not null default current_timestamp, "updated_at" timestamptz not null default current_timestamp, "external_source" varchar(64) null, "external_id" varchar(128) null, "organization_id" uuid not null, "employee_id" uuid not null, "kind" varchar(16) not null, "purpose" varchar(24) not null, "date" date not null, "commission" varchar(300) null, "decision" varchar(24) not null, "category" varchar(50) null, "valid_until" date null, "next_due_date" date null, "recommendations" text null, "protocol_number" varchar(32) null, "order_number" varchar(32) null, "order_date" date null, constraint "attestation_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "attestation_employee_id_date_index" on "attestation" ("employee_id", "date");`,
    );
    this.addSql(
      `alter table "attestation" add constraint "attestation_organization_id_external_source_external_id_unique" unique ("organization_id", "external_source", "external_id");`,
    );

    this.addSql(
      `create table "file_error_report" ("id" uuid not null, "created_at" timestamptz not null default current_timestamp, "updated_at" timestamptz not null default current_timestamp, "employee_id" uuid not null, "reported_by_id" uuid not null, "section" varchar(32) not null, "comment" text not null, "resolved_at" timestamptz null, constraint "file_error_report_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "file_error_report_employee_id_created_at_index" on "file_error_report" ("employee_id", "created_at");`,
    );

    this.addSql(
      `alter table "education_record" add constraint "education_record_employee_id_foreign" foreign key ("employee_id") references "employee" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "business_trip" add constraint "business_trip_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "business_trip" add constraint "business_trip_employee_id_foreign" foreign key ("employee_id") references "employee" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "attestation" add constraint "attestation_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "attestation" add constraint "attestation_employee_id_foreign" foreign key ("employee_id") references "employee" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "file_error_report" add constraint "file_error_report_employee_id_foreign" foreign key ("employee_id") references "employee" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "file_error_report" add constraint "file_error_report_reported_by_id_foreign" foreign key ("reported_by_id") references "app_user" ("id") on update cascade on delete cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "education_record" cascade;`);

    this.addSql(`drop table if exists "business_trip" cascade;`);

    this.addSql(`drop table if exists "attestation" cascade;`);

    this.addSql(`drop table if exists "file_error_report" cascade;`);
  }
}
