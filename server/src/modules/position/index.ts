/**
 * Positions (должности) of the staff list.
 *
 * The module's public face: other modules and the wiring import only from here.
 */
export { Position } from './position.entity.js';
export type { PositionRow } from './position.entity.js';
export { organizationPositionsLoader, positionOf } from './position.loader.js';
export { PositionType } from './position.type.js';
