import { Migration } from '@mikro-orm/migrations';

export class Migration20261128053144_notifications extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "notification" ("id" uuid not null, "recipient_user_id" uuid not null, "organization_id" uuid not null, "type" varchar(32) not null, "title" varchar(300) not null, "body" text null, "link" varchar(300) null, "created_at" timestamptz not null default current_timestamp, "read_at" timestamptz null, constraint "notification_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "notification_recipient_user_id_id_index" on "notification" ("recipient_user_id", "id");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "notification" cascade;`);
  }
}
