import { Field, ID, Int, ObjectType } from 'type-graphql';
import { ConnectionType } from '../../core/graphql/connection.js';
import { graphqlEnum } from '../../core/graphql/enums.js';
import { DateTimeScalar } from '../../core/graphql/scalars.js';
import { ImportChannels, ImportStatuses } from './import-run.entity.js';

export const ImportStatusValue = graphqlEnum(
  ImportStatuses,
  'ImportStatus',
  'APPLIED: committed whole; REJECTED: bad records, nothing written; FAILED: the server gave up.',
);
export const ImportChannelValue = graphqlEnum(ImportChannels, 'ImportChannel');

@ObjectType('ImportProblem', { description: 'Why one record of a batch was refused.' })
export class ImportProblemType {
  @Field(() => Int, {
    description: 'NDJSON line (the header is line 1); for importRecords, the index in records + 1.',
  })
  line!: number;

  @Field(() => String, { nullable: true })
  type!: string | null;

  @Field(() => String, { nullable: true })
  externalId!: string | null;

  @Field(() => [String], {
    description: 'The field inside the record, e.g. ["lines", "3", "amount"].',
  })
  path!: string[];

  @Field(() => String)
  message!: string;
}

/** Records created, updated, deleted and left unchanged: per type, per run, per answer. */
@ObjectType()
abstract class ImportCounts {
  @Field(() => Int)
  created!: number;

  @Field(() => Int)
  updated!: number;

  @Field(() => Int)
  deleted!: number;

  @Field(() => Int)
  unchanged!: number;
}

@ObjectType('ImportTypeCounts')
export class ImportTypeCountsType extends ImportCounts {
  @Field(() => String)
  type!: string;
}

@ObjectType('ImportRun', { description: 'One batch from the system of record, applied or not.' })
export class ImportRunType extends ImportCounts {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  source!: string;

  @Field(() => Int, { nullable: true })
  schemaVersion!: number | null;

  @Field(() => ImportChannelValue)
  channel!: string;

  @Field(() => String, { description: 'The token (or `cli:<user>`) that sent it.' })
  actor!: string;

  @Field(() => DateTimeScalar)
  startedAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  finishedAt!: Date | null;

  @Field(() => ImportStatusValue)
  status!: string;

  @Field(() => Int, { description: 'Records read, the header not counted.' })
  records!: number;

  @Field(() => Int)
  errorCount!: number;

  @Field(() => [ImportTypeCountsType])
  byType!: ImportTypeCountsType[];

  @Field(() => [ImportProblemType], { description: 'The first 1000 problems, by line.' })
  errors!: ImportProblemType[];
}

export const ImportRunConnection = ConnectionType(ImportRunType, 'ImportRun');

@ObjectType('ImportResult', { description: 'What a batch did, or why nothing was written.' })
export class ImportResultType extends ImportCounts {
  @Field(() => ID, { nullable: true })
  runId!: string | null;

  @Field(() => ImportStatusValue)
  status!: string;

  @Field(() => Int)
  records!: number;

  @Field(() => [ImportTypeCountsType])
  byType!: ImportTypeCountsType[];

  @Field(() => [ImportProblemType], { description: 'Every problem, by line; empty when applied.' })
  errors!: ImportProblemType[];

  @Field(() => Boolean, { description: 'Reading stopped at 10 000 problems.' })
  errorsTruncated!: boolean;
}
