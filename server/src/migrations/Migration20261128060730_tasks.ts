import { Migration } from '@mikro-orm/migrations';

export class Migration20261128060730_tasks extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "task" ("id" uuid not null, "created_at" timestamptz not null default current_timestamp, "updated_at" timestamptz not null default current_timestamp, "organization_id" uuid not null, "type" varchar(32) not null, "title" varchar(300) not null, "description" text null, "author_id" uuid not null, "subject_id" uuid null, "assignee_user_id" uuid null, "assignee_queue" varchar(16) null, "service_queue" varchar(16) not null, "status" varchar(32) not null, "priority" varchar(8) not null default 'NORMAL', "due_date" date null, "deadline_basis" varchar(200) null, "details" jsonb not null default '{}', "participants" uuid[] not null, "closed_at" timestamptz null, "overdue_notified_at" timestamptz null, constraint "task_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "task_participants_gin" on "task" using gin ("participants");`);
    this.addSql(`create index "task_status_due_date_index" on "task" ("status", "due_date");`);
    this.addSql(
      `create index "task_assignee_user_id_status_index" on "task" ("assignee_user_id", "status");`,
    );
    this.addSql(
      `create index "task_organization_id_service_queue_status_index" on "task" ("organization_id", "service_queue", "status");`,
    );
    this.addSql(
      `create index "task_organization_id_assignee_queue_status_index" on "task" ("organization_id", "assignee_queue", "status");`,
    );

    this.addSql(
      `create table "task_read_marker" ("id" uuid not null, "task_id" uuid not null, "user_id" uuid not null, "last_read_message_id" uuid not null, "updated_at" timestamptz not null default current_timestamp, constraint "task_read_marker_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "task_read_marker" add constraint "task_read_marker_task_id_user_id_unique" unique ("task_id", "user_id");`,
    );

    this.addSql(
      `create table "task_message" ("id" uuid not null, "task_id" uuid not null, "author_id" uuid not null, "text" text not null, "created_at" timestamptz not null default current_timestamp, constraint "task_message_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "task_message_task_id_id_index" on "task_message" ("task_id", "id");`,
    );

    this.addSql(
      `create table "task_event" ("id" uuid not null, "task_id" uuid not null, "actor_id" uuid null, "kind" varchar(24) not null, "from_status" varchar(32) null, "to_status" varchar(32) null, "comment" text null, "data" jsonb null, "created_at" timestamptz not null default current_timestamp, constraint "task_event_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "task_event_task_id_id_index" on "task_event" ("task_id", "id");`);

    this.addSql(
      `create table "deputy" ("id" uuid not null, "created_at" timestamptz not null default current_timestamp, "updated_at" timestamptz not null default current_timestamp, "organization_id" uuid not null, "principal_id" uuid not null, "deputy_id" uuid not null, "start_date" date not null, "end_date" date not null, "created_by_id" uuid not null, "revoked_at" timestamptz null, constraint "deputy_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "deputy_deputy_id_start_date_index" on "deputy" ("deputy_id", "start_date");`,
    );
    this.addSql(
      `create index "deputy_principal_id_start_date_index" on "deputy" ("principal_id", "start_date");`,
    );

    this.addSql(
      `alter table "task" add constraint "task_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "task" add constraint "task_author_id_foreign" foreign key ("author_id") references "app_user" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "task" add constraint "task_subject_id_foreign" foreign key ("subject_id") references "employee" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "task" add constraint "task_assignee_user_id_foreign" foreign key ("assignee_user_id") references "app_user" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "task_read_marker" add constraint "task_read_marker_task_id_foreign" foreign key ("task_id") references "task" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "task_read_marker" add constraint "task_read_marker_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "task_message" add constraint "task_message_task_id_foreign" foreign key ("task_id") references "task" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "task_message" add constraint "task_message_author_id_foreign" foreign key ("author_id") references "app_user" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "task_event" add constraint "task_event_task_id_foreign" foreign key ("task_id") references "task" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "task_event" add constraint "task_event_actor_id_foreign" foreign key ("actor_id") references "app_user" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "deputy" add constraint "deputy_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "deputy" add constraint "deputy_principal_id_foreign" foreign key ("principal_id") references "app_user" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "deputy" add constraint "deputy_deputy_id_foreign" foreign key ("deputy_id") references "app_user" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "deputy" add constraint "deputy_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id") on update cascade;`,
    );

    // A task's history is never edited: refuse UPDATE, DELETE and TRUNCATE of its events.
    this.addSql(`create function task_event_append_only() returns trigger language plpgsql as $$
      begin
        raise exception 'task_event is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
      end $$;`);
    this.addSql(
      `create trigger task_event_no_update_delete before update or delete on "task_event" for each row execute function task_event_append_only();`,
    );
    this.addSql(
      `create trigger task_event_no_truncate before truncate on "task_event" for each statement execute function task_event_append_only();`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table "task_read_marker" drop constraint "task_read_marker_task_id_foreign";`,
    );

    this.addSql(`alter table "task_message" drop constraint "task_message_task_id_foreign";`);

    this.addSql(`alter table "task_event" drop constraint "task_event_task_id_foreign";`);

    this.addSql(`drop table if exists "task" cascade;`);

    this.addSql(`drop table if exists "task_read_marker" cascade;`);

    this.addSql(`drop table if exists "task_message" cascade;`);

    this.addSql(`drop table if exists "task_event" cascade;`);

    this.addSql(`drop table if exists "deputy" cascade;`);

    this.addSql(`drop function if exists task_event_append_only();`);
  }
}
