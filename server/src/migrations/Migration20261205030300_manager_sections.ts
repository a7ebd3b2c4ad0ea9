import { Migration } from '@mikro-orm/migrations';

const oldDefault = `array['BASIC','PERSONAL','EMPLOYMENT','LEAVE','TRIPS','SENIORITY','ATTESTATION','EDUCATION','KPI']::text[]`;
const newDefault = `array['BASIC','EMPLOYMENT','LEAVE','ATTESTATION','EDUCATION','KPI']::text[]`;

/**
 * A manager's default sections become the work-related ones (152-ФЗ minimisation): organizations
 * still on the old default get the new one, and no organization keeps PERSONAL (passport,
 * addresses, family, military registration) for managers, which it never chose: an admin widens.
 */
export class Migration20261205030300_manager_sections extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `update "organization_settings" set "manager_sections" = ${newDefault} where "manager_sections" @> ${oldDefault} and "manager_sections" <@ ${oldDefault};`,
    );
    this.addSql(
      `update "organization_settings" set "manager_sections" = array_remove("manager_sections", 'PERSONAL') where 'PERSONAL' = any("manager_sections");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(
      `update "organization_settings" set "manager_sections" = ${oldDefault} where "manager_sections" @> ${newDefault} and "manager_sections" <@ ${newDefault};`,
    );
  }
}
