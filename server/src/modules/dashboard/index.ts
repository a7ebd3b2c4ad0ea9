/**
 * The dashboard: what waits for the viewer today, composed from the other modules' services.
 *
 * The module's public face: other modules and the wiring import only from here.
 */
export { DashboardResolver } from './dashboard.resolver.js';
