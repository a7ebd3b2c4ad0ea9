import { Migration } from '@mikro-orm/migrations';

export class Migration20261128061224_files extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "stored_file" ("id" uuid not null, "created_at" timestamptz not null default current_timestamp, "updated_at" timestamptz not null default current_timestamp, "organization_id" uuid not null, "uploaded_by_id" uuid not null, "file_name" varchar(255) not null, "content_type" varchar(100) not null, "size" int not null, "sha256" varchar(64) not null, "storage_key" varchar(200) not null, "claimed_at" timestamptz null, constraint "stored_file_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "stored_file_unclaimed_created_at_index" on "stored_file" ("created_at") where "claimed_at" is null;`,
    );
    this.addSql(
      `create index "stored_file_uploaded_by_id_created_at_index" on "stored_file" ("uploaded_by_id", "created_at");`,
    );
    this.addSql(
      `alter table "stored_file" add constraint "stored_file_storage_key_unique" unique ("storage_key");`,
    );

    this.addSql(
      `alter table "stored_file" add constraint "stored_file_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "stored_file" add constraint "stored_file_uploaded_by_id_foreign" foreign key ("uploaded_by_id") references "app_user" ("id") on update cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "stored_file" cascade;`);
  }
}
