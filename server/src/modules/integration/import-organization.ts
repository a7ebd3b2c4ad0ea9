import type { EntityManager } from '@mikro-orm/postgresql';
import { newId } from '../../core/orm/base.entity.js';
import {
  defaultManagerSections,
  Organization,
  OrganizationSettings,
  PortalSections,
  DEFAULT_TIME_ZONE,
} from '../organization/index.js';
import type { OrganizationRecord, Header } from './import-reader.js';
import type { BatchKey } from './import-resolve.js';
import type { ImportProblem, ImportTypeCounts } from './import-run.entity.js';

export type { OrganizationRecord };

/** An operator mistake the command line reports in one line (no such organization …). */
export class ImportSetupError extends Error {}

/**
 * Where a batch goes: the caller's organization (with a problem if the header names another one
 * of the same source), or for the command line the one the header names (made from the batch
 * with `createOrganization`).
 */
export async function locateOrganization(
  em: EntityManager,
  header: Header,
  options: { organizationId: string | null; createOrganization?: boolean },
): Promise<{ key: BatchKey; existing: boolean; problem: ImportProblem | null }> {
  if (options.organizationId) {
    const organization = await em.findOneOrFail(Organization, { id: options.organizationId });
    const elsewhere =
      header.organizationExternalId !== null &&
      organization.externalSource === header.source &&
      organization.externalId !== header.organizationExternalId;
    return {
      key: { organizationId: organization.id, source: header.source },
      existing: true,
      problem: elsewhere
        ? {
            line: 1,
            type: 'header',
            externalId: null,
            path: ['organizationExternalId'],
            message: `This organization is "${organization.externalId}" in ${header.source}`,
          }
        : null,
    };
  }
  const organization = await em.findOne(Organization, {
    externalSource: header.source,
    externalId: header.organizationExternalId,
  });
  if (!organization && !options.createOrganization)
    throw new ImportSetupError(
      `No organization is bound to "${header.organizationExternalId}" of ${header.source}; ` +
        'pass --create-organization to create it from the batch',
    );
  return {
    key: { organizationId: organization?.id ?? newId(), source: header.source },
    existing: organization !== null,
    problem: null,
  };
}

const fieldsOf = (record: OrganizationRecord) => ({
  name: record.fields['name'] as string,
  shortName: (record.fields['shortName'] as string | null | undefined) ?? null,
  inn: (record.fields['inn'] as string | null | undefined) ?? null,
  kpp: (record.fields['kpp'] as string | null | undefined) ?? null,
  address: (record.fields['address'] as string | null | undefined) ?? null,
  timeZone: (record.fields['timeZone'] as string | undefined) ?? DEFAULT_TIME_ZONE,
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
