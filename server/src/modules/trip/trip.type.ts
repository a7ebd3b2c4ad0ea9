import { Field, ID, ObjectType } from 'type-graphql';
import { graphqlEnum } from '../../core/graphql/enums.js';
import { Provenance } from '../../core/graphql/provenance.js';
import { LocalDateScalar } from '../../core/graphql/scalars.js';
import { TripStatuses } from './trip.entity.js';

export const TripStatusValue = graphqlEnum(
  TripStatuses,
  'TripStatus',
  'Requested → approved → order issued → on trip → report submitted → closed, or cancelled.',
);

@ObjectType('BusinessTrip', { description: 'A business trip (командировка).' })
export class BusinessTripType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  destination!: string;

  @Field(() => String, { nullable: true })
  hostOrganization!: string | null;

  @Field(() => String)
  purpose!: string;

  @Field(() => LocalDateScalar)
  startDate!: string;

  @Field(() => LocalDateScalar)
  endDate!: string;

  @Field(() => String, { nullable: true })
  orderNumber!: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  orderDate!: string | null;

  @Field(() => String, { nullable: true })
  fundingSource!: string | null;

  @Field(() => String, { nullable: true, description: 'Аванс, RUB, exact decimal.' })
  advanceAmount!: string | null;

  @Field(() => String, { nullable: true, description: 'Expense report total, RUB.' })
  reportAmount!: string | null;

  @Field(() => TripStatusValue)
  status!: string;
}

@ObjectType('TripSection', { description: 'Business trips of a personal file (TRIPS).' })
export class TripSection {
  @Field(() => [BusinessTripType], { description: 'Newest first.' })
  trips!: object[];

  @Field(() => Provenance)
  provenance!: Provenance;
}
