import { Migration } from '@mikro-orm/migrations';

export class Migration20261128032821_initial extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "organization" ("id" uuid not null, "created_at" timestamptz not null default current_timestamp, "updated_at" timestamptz not null default current_timestamp, "external_source" varchar(64) null, "external_id" varchar(128) null, "name" varchar(500) not null, "short_name" varchar(200) null, "inn" varchar(12) null, "kpp" varchar(9) null, "address" varchar(500) null, "time_zone" varchar(64) not null default 'Europe/Moscow', constraint "organization_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "organization" add constraint "organization_external_source_external_id_unique" unique ("external_source", "external_id");`,
    );

    this.addSql(
      `create table "position" ("id" uuid not null, "created_at" timestamptz not null default current_timestamp, "updated_at" timestamptz not null default current_timestamp, "external_source" varchar(64) null, "external_id" varchar(128) null, "organization_id" uuid not null, "name" varchar(300) not null, "category" varchar(100) null, constraint "position_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "position" add constraint "position_organization_id_external_source_external_id_unique" unique ("organization_id", "external_source", "external_id");`,
    );

    this.addSql(
      `create table "employee" ("id" uuid not null, "created_at" timestamptz not null default current_timestamp, "updated_at" timestamptz not null default current_timestamp, "external_source" varchar(64) null, "external_id" varchar(128) null, "organization_id" uuid not null, "personnel_number" varchar(32) not null, "last_name" varchar(100) not null, "first_name" varchar(100) not null, "middle_name" varchar(100) null, "gender" varchar(6) null, "birth_date" date null, "email" varchar(254) null, "work_phone" varchar(32) null, "mobile_phone" varchar(32) null, "department_id" uuid null, "position_id" uuid null, "manager_id" uuid null, "hire_date" date not null, "dismissal_date" date null, constraint "employee_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "employee_department_id_index" on "employee" ("department_id");`);
    this.addSql(`create index "employee_manager_id_index" on "employee" ("manager_id");`);
    this.addSql(
      `create index "employee_organization_id_last_name_first_name_id_index" on "employee" ("organization_id", "last_name", "first_name", "id");`,
    );
    this.addSql(
      `alter table "employee" add constraint "employee_organization_id_personnel_number_unique" unique ("organization_id", "personnel_number");`,
    );
    this.addSql(
      `alter table "employee" add constraint "employee_organization_id_external_source_external_id_unique" unique ("organization_id", "external_source", "external_id");`,
    );

    this.addSql(
      `create table "department" ("id" uuid not null, "created_at" timestamptz not null default current_timestamp, "updated_at" timestamptz not null default current_timestamp, "external_source" varchar(64) null, "external_id" varchar(128) null, "organization_id" uuid not null, "parent_id" uuid null, "name" varchar(300) not null, "code" varchar(32) null, "head_id" uuid null, "sort_order" int not null default 0, constraint "department_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "department_organization_id_parent_id_index" on "department" ("organization_id", "parent_id");`,
    );
    this.addSql(
      `alter table "department" add constraint "department_organization_id_external_source_external_id_unique" unique ("organization_id", "external_source", "external_id");`,
    );

    this.addSql(
      `create table "app_user" ("id" uuid not null, "created_at" timestamptz not null default current_timestamp, "updated_at" timestamptz not null default current_timestamp, "organization_id" uuid not null, "login" varchar(100) not null, "password_hash" text null, "employee_id" uuid null, "display_name" varchar(300) null, "roles" text[] not null, "disabled_at" timestamptz null, constraint "app_user_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "app_user" add constraint "app_user_employee_id_unique" unique ("employee_id");`,
    );
    this.addSql(`alter table "app_user" add constraint "app_user_login_unique" unique ("login");`);

    this.addSql(
      `alter table "position" add constraint "position_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "employee" add constraint "employee_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "employee" add constraint "employee_department_id_foreign" foreign key ("department_id") references "department" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "employee" add constraint "employee_position_id_foreign" foreign key ("position_id") references "position" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "employee" add constraint "employee_manager_id_foreign" foreign key ("manager_id") references "employee" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "department" add constraint "department_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "department" add constraint "department_parent_id_foreign" foreign key ("parent_id") references "department" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "department" add constraint "department_head_id_foreign" foreign key ("head_id") references "employee" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "app_user" add constraint "app_user_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "app_user" add constraint "app_user_employee_id_foreign" foreign key ("employee_id") references "employee" ("id") on update cascade on delete set null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "position" drop constraint "position_organization_id_foreign";`);

    this.addSql(`alter table "employee" drop constraint "employee_organization_id_foreign";`);

    this.addSql(`alter table "department" drop constraint "department_organization_id_foreign";`);

    this.addSql(`alter table "app_user" drop constraint "app_user_organization_id_foreign";`);

    this.addSql(`alter table "employee" drop constraint "employee_position_id_foreign";`);

    this.addSql(`alter table "employee" drop constraint "employee_manager_id_foreign";`);

    this.addSql(`alter table "department" drop constraint "department_head_id_foreign";`);

    this.addSql(`alter table "app_user" drop constraint "app_user_employee_id_foreign";`);

    this.addSql(`alter table "employee" drop constraint "employee_department_id_foreign";`);

    this.addSql(`alter table "department" drop constraint "department_parent_id_foreign";`);

    this.addSql(`drop table if exists "organization" cascade;`);

    this.addSql(`drop table if exists "position" cascade;`);

    this.addSql(`drop table if exists "employee" cascade;`);

    this.addSql(`drop table if exists "department" cascade;`);

    this.addSql(`drop table if exists "app_user" cascade;`);
  }
}
