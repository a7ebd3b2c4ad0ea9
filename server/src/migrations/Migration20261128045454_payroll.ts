import { Migration } from '@mikro-orm/migrations';

export class Migration20261128045454_payroll extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "payroll_period" ("id" uuid not null, "created_at" timestamptz not null default current_timestamp, "updated_at" timestamptz not null default current_timestamp, "external_source" varchar(64) null, "external_id" varchar(128) null, "organization_id" uuid not null, "year" int not null, "month" int not null, "start_date" date not null, "advance_published_at" timestamptz null, "published_at" timestamptz null, constraint "payroll_period_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "payroll_period" add constraint "payroll_period_organization_id_year_month_unique" unique ("organization_id", "year", "month");`,
    );

    this.addSql(
      `create table "payslip" ("id" uuid not null, "created_at" timestamptz not null default current_timestamp, "updated_at" timestamptz not null default current_timestamp, "external_source" varchar(64) null, "external_id" varchar(128) null, "organization_id" uuid not null, "period_id" uuid not null, "employee_id" uuid not null, "assignment_id" uuid null, "opening_balance" numeric(14,2) not null, "closing_balance" numeric(14,2) not null, "norm_days" int null, "worked_days" int null, "acknowledged_at" timestamptz null, constraint "payslip_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "payslip_employee_id_period_id_index" on "payslip" ("employee_id", "period_id");`,
    );
    this.addSql(
      `alter table "payslip" add constraint "payslip_organization_id_external_source_external_id_unique" unique ("organization_id", "external_source", "external_id");`,
    );

    this.addSql(
      `create table "payslip_line" ("id" uuid not null, "payslip_id" uuid not null, "kind" varchar(16) not null, "pay_code" varchar(16) not null, "income_code" varchar(8) null, "name" varchar(200) not null, "relates_to" date null, "days" int null, "hours" numeric(7,2) null, "amount" numeric(14,2) not null, "paid_on" date null, "sort_order" int not null, constraint "payslip_line_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "payslip_line_payslip_id_sort_order_index" on "payslip_line" ("payslip_id", "sort_order");`,
    );

    this.addSql(
      `alter table "payroll_period" add constraint "payroll_period_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "payslip" add constraint "payslip_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "payslip" add constraint "payslip_period_id_foreign" foreign key ("period_id") references "payroll_period" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "payslip" add constraint "payslip_employee_id_foreign" foreign key ("employee_id") references "employee" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "payslip" add constraint "payslip_assignment_id_foreign" foreign key ("assignment_id") references "assignment" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "payslip_line" add constraint "payslip_line_payslip_id_foreign" foreign key ("payslip_id") references "payslip" ("id") on update cascade on delete cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "payslip" drop constraint "payslip_period_id_foreign";`);

    this.addSql(`alter table "payslip_line" drop constraint "payslip_line_payslip_id_foreign";`);

    this.addSql(`drop table if exists "payroll_period" cascade;`);

    this.addSql(`drop table if exists "payslip" cascade;`);

    this.addSql(`drop table if exists "payslip_line" cascade;`);
  }
}
