/** The time zone of an organization that names none (and of the demo school). */
export const DEFAULT_TIME_ZONE = 'Europe/Moscow';
