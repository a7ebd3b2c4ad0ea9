import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../../core/context.js';
import { provenanceOf } from '../../core/graphql/provenance.js';
import { readRowsByOwner } from '../../core/orm/loaders.js';
import { type EmployeeRow, EmployeeType, policyOf } from '../employee/index.js';
import { BusinessTrip } from './trip.entity.js';
import { TripSection } from './trip.type.js';

const tripsLoader = readRowsByOwner(BusinessTrip, 'employee', { startDate: 'desc', id: 'desc' });

/** The business trips section of a file, checked, journalled and batched. */
@Resolver(() => EmployeeType)
export class TripSectionResolver {
  @FieldResolver(() => TripSection, { description: 'Business trips (TRIPS).' })
  async trips(@Root() employee: EmployeeRow, @Ctx() ctx: AppContext): Promise<TripSection> {
    await policyOf(ctx).require(employee, 'TRIPS', 'Employee.trips');
    const trips = await ctx.loaders.get(tripsLoader).load(employee.id);
    return { trips, provenance: provenanceOf(trips) };
  }
}
