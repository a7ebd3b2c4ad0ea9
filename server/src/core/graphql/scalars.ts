import { GraphQLScalarType, Kind } from 'graphql';
import { DateTimeResolver } from 'graphql-scalars';

const localDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `value` is a real calendar date written as YYYY-MM-DD. */
export function isLocalDate(value: string): boolean {
  const match = localDatePattern.exec(value);
  if (!match) return false;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

function parseLocalDate(value: unknown): string {
  if (typeof value !== 'string' || !isLocalDate(value)) {
    throw new TypeError(
      `LocalDate must be a calendar date as YYYY-MM-DD, got ${JSON.stringify(value)}`,
    );
  }
  return value;
}

/** A date without time or zone (YYYY-MM-DD): birth dates, order dates, leave periods. */
export const LocalDateScalar = new GraphQLScalarType<string, string>({
  name: 'LocalDate',
  description: 'A calendar date without time or time zone, as YYYY-MM-DD (ISO 8601).',
  serialize: parseLocalDate,
  parseValue: parseLocalDate,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw new TypeError('LocalDate must be a string YYYY-MM-DD');
    return parseLocalDate(ast.value);
  },
});

/** An instant in UTC, serialised as ISO 8601 with a `Z`. */
export const DateTimeScalar = DateTimeResolver;
