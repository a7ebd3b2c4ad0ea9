import { registerEnumType } from 'type-graphql';

/**
 * A GraphQL enum from a list of string values held once, as the domain defines them: the entity,
 * the policy and the API share one list instead of three copies that drift.
 */
export function graphqlEnum<const T extends string>(
  values: readonly T[],
  name: string,
  description?: string,
): { [K in T]: K } {
  const enumObject = Object.fromEntries(values.map((value) => [value, value])) as { [K in T]: K };
  registerEnumType(enumObject, { name, ...(description ? { description } : {}) });
  return enumObject;
}
