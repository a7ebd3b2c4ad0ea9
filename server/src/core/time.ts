/**
 * One formatter per time zone: building an `Intl.DateTimeFormat` costs far more than formatting
 * with it (it was 6 % of a simple read's CPU when every `todayIn` built one). Time zones are few.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function calendarDateFormat(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/** Today's calendar date (YYYY-MM-DD) in an IANA time zone: an organization's day, not the server's. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  return calendarDateFormat(timeZone).format(now);
}
