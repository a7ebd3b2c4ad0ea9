/**
 * Business trips (командировки): the TRIPS section's records.
 *
 * The module's public face: other modules and the wiring import only from here.
 */
export { BusinessTrip, type TripStatus } from './trip.entity.js';
export { TripSectionResolver } from './trip.resolver.js';
export { BusinessTripType, TripStatusValue } from './trip.type.js';
