import { Migration } from '@mikro-orm/migrations';

/**
 * Payslip lines move from rows of `payslip_line` into the jsonb array `payslip.lines` (the shape of
 * `PayslipLineData` in payslip-lines.ts), in their old order; a question keeps the place of its line
 * and a copy of it instead of a foreign key.
 */
export class Migration20261128090800_payslip_lines_in_payslip extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "payslip" add column "lines" jsonb not null default '[]';`);
    // Dates through to_char, not ::text, so that the session's DateStyle cannot change them.
    this.addSql(
      `update "payslip" s set "lines" = l."lines"
         from (select "payslip_id",
                      jsonb_agg(jsonb_build_object(
                        'kind', "kind", 'payCode', "pay_code", 'incomeCode', "income_code",
                        'name', "name", 'relatesTo', to_char("relates_to", 'YYYY-MM-DD'),
                        'days', "days", 'hours', "hours"::text, 'amount', "amount"::text,
                        'paidOn', to_char("paid_on", 'YYYY-MM-DD')
                      ) order by "sort_order", "id") as "lines"
                 from "payslip_line" group by "payslip_id") l
        where l."payslip_id" = s."id";`,
    );
    this.addSql(`alter table "payslip" alter column "lines" drop default;`);

    this.addSql(
      `alter table "payslip_question" add column "line_no" int null, add column "line_kind" varchar(16) null, add column "line_pay_code" text null, add column "line_name" text null, add column "line_amount" numeric(14,2) null;`,
    );
    this.addSql(
      `update "payslip_question" q
          set "line_no" = l."line_no", "line_kind" = l."kind", "line_pay_code" = l."pay_code",
              "line_name" = l."name", "line_amount" = l."amount"
         from (select "id", "kind", "pay_code", "name", "amount",
                      row_number() over (partition by "payslip_id" order by "sort_order", "id") as "line_no"
                 from "payslip_line") l
        where l."id" = q."line_id";`,
    );
    this.addSql(
      `alter table "payslip_question" alter column "line_no" set not null, alter column "line_kind" set not null, alter column "line_pay_code" set not null, alter column "line_name" set not null, alter column "line_amount" set not null;`,
    );
    this.addSql(
      `alter table "payslip_question" drop constraint "payslip_question_line_id_foreign";`,
    );
    this.addSql(`alter table "payslip_question" drop column "line_id";`);
    this.addSql(`drop table if exists "payslip_line" cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(
      `create table "payslip_line" ("id" uuid not null, "payslip_id" uuid not null, "kind" varchar(16) not null, "pay_code" varchar(16) not null, "income_code" varchar(8) null, "name" varchar(200) not null, "relates_to" date null, "days" int null, "hours" numeric(7,2) null, "amount" numeric(14,2) not null, "paid_on" date null, "sort_order" int not null, constraint "payslip_line_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "payslip_line_payslip_id_sort_order_index" on "payslip_line" ("payslip_id", "sort_order");`,
    );
    this.addSql(
      `alter table "payslip_line" add constraint "payslip_line_payslip_id_foreign" foreign key ("payslip_id") references "payslip" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `insert into "payslip_line" ("id", "payslip_id", "kind", "pay_code", "income_code", "name", "relates_to", "days", "hours", "amount", "paid_on", "sort_order")
       select gen_random_uuid(), s."id", l."kind", l."payCode", l."incomeCode", l."name", l."relatesTo",
              l."days", l."hours", l."amount", l."paidOn", (o."place" - 1)::int
         from "payslip" s
        cross join lateral jsonb_array_elements(s."lines") with ordinality as o("line", "place")
        cross join lateral jsonb_to_record(o."line") as l("kind" text, "payCode" text,
              "incomeCode" text, "name" text, "relatesTo" date, "days" int, "hours" numeric,
              "amount" numeric, "paidOn" date);`,
    );
    this.addSql(`alter table "payslip" drop column "lines";`);

    this.addSql(`alter table "payslip_question" add column "line_id" uuid null;`);
    this.addSql(
      `update "payslip_question" q set "line_id" = l."id"
         from "payslip_line" l
        where l."payslip_id" = q."payslip_id" and l."sort_order" = q."line_no" - 1;`,
    );
    // A question whose line a later correction removed has nothing to point at in the old schema.
    this.addSql(`delete from "payslip_question" where "line_id" is null;`);
    this.addSql(`alter table "payslip_question" alter column "line_id" set not null;`);
    this.addSql(
      `alter table "payslip_question" add constraint "payslip_question_line_id_foreign" foreign key ("line_id") references "payslip_line" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "payslip_question" drop column "line_no", drop column "line_kind", drop column "line_pay_code", drop column "line_name", drop column "line_amount";`,
    );
  }
}
