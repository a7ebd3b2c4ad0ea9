import { Migration } from '@mikro-orm/migrations';

/**
 * Medical examinations (MEDICAL), a section of the personal file. Organizations get the new portal
 * section switched on, as a new organization has it; managers do not get it (health data, 152-ФЗ
 * ст. 10): an admin adds MEDICAL to managerSections where the institution decides so.
 */
export class Migration20261205123748_medical_examinations extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "medical_examination" ("id" uuid not null, "created_at" timestamptz not null default current_timestamp, "updated_at" timestamptz not null default current_timestamp, "external_source" varchar(64) null, "external_id" varchar(128) null, "organization_id" uuid not null, "employee_id" uuid not null, "date" date not null, "kind" varchar(16) not null, "result" varchar(24) not null, "restrictions" text null, "next_due_date" date null, "clinic" varchar(300) null, "document_number" varchar(64) null, "document_file_id" uuid null, constraint "medical_examination_pkey" primary key ("id"));`);
    this.addSql(`create index "medical_examination_document_file_id_index" on "medical_examination" ("document_file_id");`);
    this.addSql(`create index "medical_examination_employee_id_date_index" on "medical_examination" ("employee_id", "date");`);
    this.addSql(`alter table "medical_examination" add constraint "medical_examination_organization_id_external_sour_8bf08_unique" unique ("organization_id", "external_source", "external_id");`);

    this.addSql(`alter table "medical_examination" add constraint "medical_examination_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "medical_examination" add constraint "medical_examination_employee_id_foreign" foreign key ("employee_id") references "employee" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "medical_examination" add constraint "medical_examination_document_file_id_foreign" foreign key ("document_file_id") references "stored_file" ("id") on update cascade on delete set null;`);
    this.addSql(
      `update "organization_settings" set "enabled_sections" = array_append("enabled_sections", 'MEDICAL') where not 'MEDICAL' = any("enabled_sections");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(
      `update "organization_settings" set "enabled_sections" = array_remove("enabled_sections", 'MEDICAL'), "manager_sections" = array_remove("manager_sections", 'MEDICAL');`,
    );
    this.addSql(
      `update "notification" set "type" = 'FILE_UPDATED' where "type" = 'MEDICAL_EXAMINATION_DUE';`,
    );
    this.addSql(`drop table if exists "medical_examination" cascade;`);
  }
}
