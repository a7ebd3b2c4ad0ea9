import { Migration } from '@mikro-orm/migrations';

export class Migration20261128064255_import extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "import_run" ("id" uuid not null, "created_at" timestamptz not null default current_timestamp, "updated_at" timestamptz not null default current_timestamp, "organization_id" uuid not null, "source" varchar(64) not null, "schema_version" int null, "channel" varchar(16) not null, "actor_user_id" uuid null, "actor" varchar(300) not null, "started_at" timestamptz not null, "finished_at" timestamptz null, "status" varchar(16) not null, "records" int not null default 0, "created" int not null default 0, "updated" int not null default 0, "deleted" int not null default 0, "unchanged" int not null default 0, "error_count" int not null default 0, "by_type" jsonb not null, "errors" jsonb not null, "failure" varchar(500) null, constraint "import_run_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "import_run_organization_id_started_at_index" on "import_run" ("organization_id", "started_at");`,
    );

    this.addSql(
      `create table "integration_token" ("id" uuid not null, "created_at" timestamptz not null default current_timestamp, "updated_at" timestamptz not null default current_timestamp, "organization_id" uuid not null, "name" varchar(200) not null, "user_id" uuid not null, "token_hash" varchar(64) not null, "hint" varchar(4) not null, "created_by_id" uuid not null, "last_used_at" timestamptz null, "revoked_at" timestamptz null, "revoked_by_id" uuid null, constraint "integration_token_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "integration_token_organization_id_created_at_index" on "integration_token" ("organization_id", "created_at");`,
    );
    this.addSql(
      `alter table "integration_token" add constraint "integration_token_token_hash_unique" unique ("token_hash");`,
    );

    this.addSql(
      `alter table "import_run" add constraint "import_run_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "integration_token" add constraint "integration_token_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "integration_token" add constraint "integration_token_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "integration_token" add constraint "integration_token_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "integration_token" add constraint "integration_token_revoked_by_id_foreign" foreign key ("revoked_by_id") references "app_user" ("id") on update cascade on delete set null;`,
    );

    this.addSql(`alter table "payroll_period" add column "deleted_at" timestamptz null;`);
    this.addSql(
      `alter table "payroll_period" add constraint "payroll_period_organization_id_external_source_ex_f2fa8_unique" unique ("organization_id", "external_source", "external_id");`,
    );

    this.addSql(`alter table "position" add column "deleted_at" timestamptz null;`);

    this.addSql(`alter table "employee" add column "deleted_at" timestamptz null;`);

    this.addSql(
      `alter table "family_member" add constraint "family_member_external_source_external_id_employee_id_unique" unique ("external_source", "external_id", "employee_id");`,
    );

    this.addSql(
      `alter table "education_record" add constraint "education_record_external_source_external_id_employee_id_unique" unique ("external_source", "external_id", "employee_id");`,
    );

    this.addSql(`alter table "department" add column "deleted_at" timestamptz null;`);

    this.addSql(`alter table "payslip" add column "deleted_at" timestamptz null;`);

    this.addSql(
      `alter table "previous_employment" add constraint "previous_employment_external_source_external_id_e_f986c_unique" unique ("external_source", "external_id", "employee_id");`,
    );

    this.addSql(
      `alter table "seniority_period" add constraint "seniority_period_external_source_external_id_employee_id_unique" unique ("external_source", "external_id", "employee_id");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "import_run" cascade;`);

    this.addSql(`drop table if exists "integration_token" cascade;`);

    this.addSql(`alter table "department" drop column "deleted_at";`);

    this.addSql(
      `alter table "education_record" drop constraint "education_record_external_source_external_id_employee_id_unique";`,
    );

    this.addSql(`alter table "employee" drop column "deleted_at";`);

    this.addSql(
      `alter table "family_member" drop constraint "family_member_external_source_external_id_employee_id_unique";`,
    );

    this.addSql(
      `alter table "payroll_period" drop constraint "payroll_period_organization_id_external_source_ex_f2fa8_unique";`,
    );
    this.addSql(`alter table "payroll_period" drop column "deleted_at";`);

    this.addSql(`alter table "payslip" drop column "deleted_at";`);

    this.addSql(`alter table "position" drop column "deleted_at";`);

    this.addSql(
      `alter table "previous_employment" drop constraint "previous_employment_external_source_external_id_e_f986c_unique";`,
    );

    this.addSql(
      `alter table "seniority_period" drop constraint "seniority_period_external_source_external_id_employee_id_unique";`,
    );
  }
}
