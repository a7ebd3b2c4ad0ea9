import { Migration } from '@mikro-orm/migrations';

export class Migration20261128061124_email extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "email_outbox" ("notification_id" uuid not null, "status" varchar(8) not null default 'PENDING', "attempts" int not null default 0, "next_attempt_at" timestamptz not null default current_timestamp, "last_error" text null, "finished_at" timestamptz null, "created_at" timestamptz not null default current_timestamp, constraint "email_outbox_pkey" primary key ("notification_id"));`,
    );
    this.addSql(
      `create index "email_outbox_due_index" on "email_outbox" ("next_attempt_at") where "status" = 'PENDING';`,
    );

    this.addSql(
      `create table "notification_preference" ("id" uuid not null, "created_at" timestamptz not null default current_timestamp, "updated_at" timestamptz not null default current_timestamp, "user_id" uuid not null, "type" varchar(32) not null, "email" boolean not null, constraint "notification_preference_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "notification_preference" add constraint "notification_preference_user_id_type_unique" unique ("user_id", "type");`,
    );

    this.addSql(
      `alter table "email_outbox" add constraint "email_outbox_notification_id_foreign" foreign key ("notification_id") references "notification" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "notification_preference" add constraint "notification_preference_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "email_outbox" cascade;`);

    this.addSql(`drop table if exists "notification_preference" cascade;`);
  }
}
