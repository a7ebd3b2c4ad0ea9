import { GraphQLScalarType, Kind } from 'graphql';
import { fromScaled, isDecimal, toScaled } from '../decimal.js';

function parse(value: unknown): string {
  if (typeof value !== 'string' || !isDecimal(value)) {
    throw new TypeError(
      `Decimal must be a string with up to 4 places like "95.5", got ${JSON.stringify(value)}`,
    );
  }
  return value;
}

/** Trailing zeros dropped: PostgreSQL's numeric(16,4) "95.5000" reads as "95.5". */
const normalize = (value: string): string =>
  fromScaled(toScaled(value)).replace(/\.?0+$/, '') || '0';

/** An exact decimal number as a string (plans, facts, weights, percents); never a float. */
export const DecimalScalar = new GraphQLScalarType<string, string>({
  name: 'Decimal',
  description: 'An exact decimal number as a string with up to 4 places, e.g. "95.5".',
  serialize: (value) => normalize(parse(typeof value === 'number' ? String(value) : value)),
  parseValue: parse,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw new TypeError('Decimal must be a string like "95.5"');
    return parse(ast.value);
  },
});
