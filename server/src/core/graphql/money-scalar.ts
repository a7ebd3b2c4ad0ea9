import { GraphQLScalarType, Kind } from 'graphql';
import { fromKopecks, toKopecks } from '../money.js';

const pattern = /^-?\d{1,12}(\.\d{1,2})?$/;

function parse(value: unknown): string {
  if (typeof value !== 'string' || !pattern.test(value)) {
    throw new TypeError(
      `Money must be a decimal string like "1234.50", got ${JSON.stringify(value)}`,
    );
  }
  return fromKopecks(toKopecks(value));
}

/** Roubles as an exact decimal string with two places ("48123.07"); never a float. */
export const MoneyScalar = new GraphQLScalarType<string, string>({
  name: 'Money',
  description:
    'An amount in roubles (RUB) as an exact decimal string with two places, e.g. "48123.07".',
  serialize: (value) => parse(typeof value === 'number' ? String(value) : value),
  parseValue: parse,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw new TypeError('Money must be a string like "1234.50"');
    return parse(ast.value);
  },
});
