import { Migration } from '@mikro-orm/migrations';

export class Migration20261128034702_identity extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "access_log" ("id" uuid not null, "at" timestamptz not null default current_timestamp, "organization_id" uuid null, "actor_user_id" uuid null, "actor_login" varchar(100) null, "subject_employee_id" uuid null, "subject_user_id" uuid null, "section" varchar(32) not null, "action" varchar(16) not null, "allowed" boolean not null, "operation" varchar(100) not null, "ip" varchar(64) null, "request_id" varchar(128) null, constraint "access_log_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "access_log_organization_id_at_index" on "access_log" ("organization_id", "at");`,
    );
    this.addSql(
      `create index "access_log_subject_employee_id_at_index" on "access_log" ("subject_employee_id", "at");`,
    );

    this.addSql(
      `create table "organization_settings" ("id" uuid not null, "created_at" timestamptz not null default current_timestamp, "updated_at" timestamptz not null default current_timestamp, "organization_id" uuid not null, "manager_sections" text[] not null, "enabled_sections" text[] not null, constraint "organization_settings_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "organization_settings" add constraint "organization_settings_organization_id_unique" unique ("organization_id");`,
    );

    this.addSql(
      `create table "session" ("id" uuid not null, "created_at" timestamptz not null default current_timestamp, "updated_at" timestamptz not null default current_timestamp, "user_id" uuid not null, "token_hash" varchar(64) not null, "last_seen_at" timestamptz not null, "expires_at" timestamptz not null, "revoked_at" timestamptz null, "ip" varchar(64) null, "user_agent" varchar(300) null, constraint "session_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "session_user_id_revoked_at_index" on "session" ("user_id", "revoked_at");`,
    );
    this.addSql(
      `alter table "session" add constraint "session_token_hash_unique" unique ("token_hash");`,
    );

    this.addSql(
      `alter table "organization_settings" add constraint "organization_settings_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "session" add constraint "session_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "employee" add column "snils" varchar(11) null, add column "inn" varchar(12) null;`,
    );

    this.addSql(
      `alter table "app_user" add column "email" varchar(254) null, add column "status" varchar(16) not null default 'ACTIVE', add column "reviewed_by_id" uuid null;`,
    );
    this.addSql(
      `alter table "app_user" add constraint "app_user_reviewed_by_id_foreign" foreign key ("reviewed_by_id") references "app_user" ("id") on update cascade on delete set null;`,
    );
    this.addSql(`alter table "app_user" rename column "disabled_at" to "reviewed_at";`);
    this.addSql(
      `create index "app_user_organization_id_status_index" on "app_user" ("organization_id", "status");`,
    );

    // The access journal is append-only for every role, the server's included (152-ФЗ ст. 19).
    this.addSql(`create function access_log_append_only() returns trigger language plpgsql as $$
      begin
        raise exception 'access_log is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
      end $$;`);
    this.addSql(
      `create trigger access_log_no_update_delete before update or delete on "access_log" for each row execute function access_log_append_only();`,
    );
    this.addSql(
      `create trigger access_log_no_truncate before truncate on "access_log" for each statement execute function access_log_append_only();`,
    );

    // Failed sign-in counters (rate-limiter-flexible's PostgreSQL store), shared by every server process.
    this.addSql(
      `create table "login_limit" ("key" varchar(255) not null primary key, "points" integer not null default 0, "expire" bigint null);`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "login_limit";`);
    this.addSql(`drop table if exists "access_log" cascade;`);
    this.addSql(`drop function if exists access_log_append_only();`);

    this.addSql(`drop table if exists "organization_settings" cascade;`);

    this.addSql(`drop table if exists "session" cascade;`);

    this.addSql(`alter table "app_user" drop constraint "app_user_reviewed_by_id_foreign";`);

    this.addSql(`drop index "app_user_organization_id_status_index";`);
    this.addSql(
      `alter table "app_user" drop column "email", drop column "status", drop column "reviewed_by_id";`,
    );

    this.addSql(`alter table "app_user" rename column "reviewed_at" to "disabled_at";`);

    this.addSql(`alter table "employee" drop column "snils", drop column "inn";`);
  }
}
