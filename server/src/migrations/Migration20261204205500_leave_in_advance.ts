import { Migration } from '@mikro-orm/migrations';

/** An organization may allow annual leave in advance (beyond the balance); off unless an admin says so. */
export class Migration20261204205500_leave_in_advance extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "organization_settings" add column "allow_leave_in_advance" boolean not null default false;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "organization_settings" drop column "allow_leave_in_advance";`);
  }
}
