import { Migration } from '@mikro-orm/migrations';

/** Whether token clients may send their own GraphQL documents where trusted documents are enforced. */
export class Migration20261205090000_api_documents extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "organization_settings" add column "allow_api_documents" boolean not null default true;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "organization_settings" drop column "allow_api_documents";`);
  }
}
