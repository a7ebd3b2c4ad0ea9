import { Field, ObjectType } from 'type-graphql';
import { DateTimeScalar } from './scalars.js';
import { graphqlEnum } from './enums.js';

export const DataSources = ['HR_SYSTEM', 'PORTAL'] as const;
export type DataSource = (typeof DataSources)[number];
export const DataSourceValue = graphqlEnum(
  DataSources,
  'DataSource',
  'HR_SYSTEM: fed by the HR/payroll system of record; PORTAL: entered in the portal.',
);

@ObjectType('Provenance', {
  description:
    'Where a section of the file came from and as of when: what to question if it is wrong.',
})
export class Provenance {
  @Field(() => DataSourceValue)
  source!: DataSource;

  @Field(() => String, { nullable: true, description: 'The system of record, e.g. «1С:ЗКГУ».' })
  system!: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'The newest change in the section.' })
  asOf!: Date | null;
}

interface Sourced {
  externalSource: string | null;
  updatedAt: Date;
}

/** The provenance of a section from its rows: the system of record if any row came from it. */
export function provenanceOf(rows: readonly Sourced[]): Provenance {
  const fromSystem = rows.find((row) => row.externalSource !== null);
  const newest = rows.reduce<Date | null>(
    (latest, row) => (latest === null || row.updatedAt > latest ? row.updatedAt : latest),
    null,
  );
  return {
    source: fromSystem ? 'HR_SYSTEM' : 'PORTAL',
    system: fromSystem?.externalSource ?? null,
    asOf: newest,
  };
}
