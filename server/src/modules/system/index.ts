/**
 * Diagnostics: ping and the server's own health as GraphQL.
 *
 * The module's public face: other modules and the wiring import only from here.
 */
export { SystemResolver } from './system.resolver.js';
