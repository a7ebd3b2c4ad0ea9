import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError, ErrorCode } from '../../core/errors.js';
import { Organization } from './organization.entity.js';

/** Reads organizations. Until sign-in exists the installation's first organization is the current one. */
export class OrganizationService {
  constructor(private readonly em: EntityManager) {}

  async current(): Promise<Organization> {
    const [organization] = await this.em.find(
      Organization,
      {},
      { orderBy: { createdAt: 'asc', id: 'asc' }, limit: 1 },
    );
    if (!organization) {
      throw new AppError(ErrorCode.NotFound, 'No organization has been set up yet');
    }
    return organization;
  }
}
