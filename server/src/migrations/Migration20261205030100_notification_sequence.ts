import { Migration } from '@mikro-orm/migrations';

/**
 * Notifications numbered per recipient in commit order (`seq`), with the counter each writer bumps
 * under its row lock; existing ones numbered by creation time.
 */
export class Migration20261205030100_notification_sequence extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "notification_cursor" ("recipient_user_id" uuid not null, "last_seq" bigint not null, constraint "notification_cursor_pkey" primary key ("recipient_user_id"));`,
    );
    this.addSql(`alter table "notification" add column "seq" bigint null;`);
    this.addSql(
      `update "notification" as n set "seq" = numbered.rn from (select "id", row_number() over (partition by "recipient_user_id" order by "created_at", "id") as rn from "notification") as numbered where n."id" = numbered."id";`,
    );
    this.addSql(
      `insert into "notification_cursor" ("recipient_user_id", "last_seq") select "recipient_user_id", max("seq") from "notification" group by "recipient_user_id";`,
    );
    this.addSql(`alter table "notification" alter column "seq" set not null;`);
    this.addSql(
      `alter table "notification" add constraint "notification_recipient_user_id_seq_unique" unique ("recipient_user_id", "seq");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table "notification" drop constraint "notification_recipient_user_id_seq_unique";`,
    );
    this.addSql(`alter table "notification" drop column "seq";`);
    this.addSql(`drop table if exists "notification_cursor" cascade;`);
  }
}
