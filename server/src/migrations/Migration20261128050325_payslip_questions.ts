import { Migration } from '@mikro-orm/migrations';

export class Migration20261128050325_payslip_questions extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "payslip_question" ("id" uuid not null, "payslip_id" uuid not null, "line_id" uuid not null, "asked_by" uuid not null, "question" text not null, "created_at" timestamptz not null default current_timestamp, constraint "payslip_question_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "payslip_question_payslip_id_created_at_index" on "payslip_question" ("payslip_id", "created_at");`,
    );

    this.addSql(
      `alter table "payslip_question" add constraint "payslip_question_payslip_id_foreign" foreign key ("payslip_id") references "payslip" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "payslip_question" add constraint "payslip_question_line_id_foreign" foreign key ("line_id") references "payslip_line" ("id") on update cascade on delete cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "payslip_question" cascade;`);
  }
}
