import { Migration } from '@mikro-orm/migrations';

export class Migration20261128061731_task_attachments extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "task_attachment" ("id" uuid not null, "task_id" uuid not null, "file_id" uuid not null, "message_id" uuid null, "attached_by_id" uuid not null, "side" varchar(16) not null, "created_at" timestamptz not null default current_timestamp, constraint "task_attachment_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "task_attachment_task_id_id_index" on "task_attachment" ("task_id", "id");`,
    );
    this.addSql(
      `alter table "task_attachment" add constraint "task_attachment_file_id_unique" unique ("file_id");`,
    );

    this.addSql(
      `alter table "task_attachment" add constraint "task_attachment_task_id_foreign" foreign key ("task_id") references "task" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "task_attachment" add constraint "task_attachment_file_id_foreign" foreign key ("file_id") references "stored_file" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "task_attachment" add constraint "task_attachment_message_id_foreign" foreign key ("message_id") references "task_message" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "task_attachment" add constraint "task_attachment_attached_by_id_foreign" foreign key ("attached_by_id") references "app_user" ("id") on update cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "task_attachment" cascade;`);
  }
}
