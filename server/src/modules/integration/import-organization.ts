import type { EntityManager } from '@mikro-orm/postgresql';
import { newId } from '../../core/orm/base.entity.js';
import {
  OrganizationSettings,
  PortalSections,
  defaultManagerSections,
} from '../organization/organization-settings.entity.js';
import { Organization } from '../organization/organization.entity.js';
import type { OrganizationRecord, Header } from './import-reader.js';
import type { BatchKey } from './import-resolve.js';
import type { ImportProblem, ImportTypeCounts } from './import-run.entity.js';

export type { OrganizationRecord };

const fieldsOf = (record: OrganizationRecord) => ({
  name: record.fields['name'] as string,
  shortName: (record.fields['shortName'] as string | null | undefined) ?? null,
  inn: (record.fields['inn'] as string | null | undefined) ?? null,
  kpp: (record.fields['kpp'] as string | null | undefined) ?? null,
  address: (record.fields['address'] as string | null | undefined) ?? null,
  timeZone: (record.fields['timeZone'] as string | undefined) ?? 'Europe/Moscow',
});

/** Another organization already bound to the header's externalId in this source. */
export async function organizationBindingProblem(
  em: EntityManager,
  key: BatchKey,
  header: Header,
): Promise<ImportProblem | null> {
  if (!header.organizationExternalId) return null;
  const other = await em.findOne(Organization, {
    externalSource: header.source,
    externalId: header.organizationExternalId,
    id: { $ne: key.organizationId },
  });
  return other
    ? {
        line: 1,
        type: 'header',
        externalId: null,
        path: ['organizationExternalId'],
        message: 'Another organization of the portal is bound to this externalId',
      }
    : null;
}

/**
 * The organization itself: created (command line only) with default access settings, or its
 * details updated from its record; an organization not yet bound to this source is bound to the
 * header's externalId. Counts as one record of type `organization` when the batch carries it.
 */
export async function applyOrganization(
  tx: EntityManager,
  key: BatchKey,
  header: Header,
  record: OrganizationRecord | null,
  create: boolean,
): Promise<ImportTypeCounts | null> {
  const counts = (change: 'created' | 'updated' | 'unchanged'): ImportTypeCounts => ({
    type: 'organization',
    created: change === 'created' ? 1 : 0,
    updated: change === 'updated' ? 1 : 0,
    deleted: 0,
    unchanged: change === 'unchanged' ? 1 : 0,
  });
  if (create) {
    await tx.insert(Organization, {
      id: key.organizationId,
      ...fieldsOf(record!),
      externalSource: header.source,
      externalId: header.organizationExternalId,
    });
    await tx.insert(OrganizationSettings, {
      id: newId(),
      organization: key.organizationId,
      managerSections: [...defaultManagerSections],
      enabledSections: [...PortalSections],
    });
    return counts('created');
  }
  const organization = await tx.findOneOrFail(Organization, { id: key.organizationId });
  const changes: Partial<Organization> = record ? fieldsOf(record) : {};
  if (!organization.externalId && header.organizationExternalId) {
    changes.externalSource = header.source;
    changes.externalId = header.organizationExternalId;
  }
  const changed = Object.entries(changes).some(
    ([field, value]) => organization[field as keyof Organization] !== value,
  );
  if (changed) {
    tx.assign(organization, changes);
    await tx.flush();
  }
  return record ? counts(changed ? 'updated' : 'unchanged') : null;
}
