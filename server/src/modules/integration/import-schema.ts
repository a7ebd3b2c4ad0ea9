import fs from 'node:fs';
import path from 'node:path';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { isLocalDate } from '../../core/graphql/scalars.js';
import { sectionImports } from './import-sections.js';
import { RecordTypes, type RecordType } from './import-types.js';

/** The committed JSON Schema of the exchange format: the contract the importer enforces. */
export const importSchemaPath = path.resolve(
  import.meta.dirname,
  '../../../../schema/import.schema.json',
);
const SCHEMA_ID = 'urn:kabinet:import:v1';
/** At most this many problems are reported per record: a record is fixed as a whole anyway. */
const MAX_PROBLEMS_PER_RECORD = 10;

export interface FieldProblem {
  path: (string | number)[];
  message: string;
}

// ajv-formats is CommonJS with a default export; under NodeNext it arrives as the module object.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
  addFormatsModule) as (ajv: Ajv2020) => Ajv2020;

/** Validators of the header, of a deletion and of each record type's upsert, compiled once. */
export class ImportSchema {
  private readonly header: ValidateFunction;
  private readonly deletion: ValidateFunction;
  private readonly upserts: Map<RecordType, ValidateFunction>;

  constructor(schema: object = composedImportSchema()) {
    // allErrors so one pass names every bad field; each record's list is capped below.
    const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
    addFormats(ajv);
    // The portal's own rule for a date (the one its API uses), read without a regular expression.
    ajv.addFormat('date', { type: 'string', validate: isLocalDate });
    ajv.addSchema(schema);
    const compiled = (name: string) => {
      const validate = ajv.getSchema(`${SCHEMA_ID}#/$defs/${name}`);
      if (!validate) throw new Error(`import schema has no definition ${name}`);
      return validate;
    };
    this.header = compiled('header');
    this.deletion = compiled('deletion');
    this.upserts = new Map(RecordTypes.map((type) => [type, compiled(type)]));
  }

  checkHeader(value: unknown): FieldProblem[] {
    return this.header(value) ? [] : problemsOf(this.header.errors);
  }

  checkRecord(type: RecordType, op: 'upsert' | 'delete', value: unknown): FieldProblem[] {
    const validate = op === 'delete' ? this.deletion : this.upserts.get(type)!;
    return validate(value) ? [] : problemsOf(validate.errors);
  }
}

const readImportSchema = () => JSON.parse(fs.readFileSync(importSchemaPath, 'utf8')) as object;

/**
 * The exchange format as the importer enforces it: the committed file's header, deletion and core
 * record types, and each section's record type from its module (the import-sections registry), in
 * the place RecordTypes gives it. `npm run schema:print` writes the result back to the file.
 */
export function withSectionRecords(schema: object): object {
  const base = schema as { oneOf: { $ref: string }[]; $defs: Record<string, unknown> };
  const sections = new Map(sectionImports.map((c) => [c.type as string, c.schema]));
  const first = RecordTypes.findIndex((type) => sections.has(type));
  const before = RecordTypes[first - 1];
  const ref = (type: string) => ({ $ref: `#/$defs/${type}` });
  const defs: Record<string, unknown> = {};
  const oneOf: { $ref: string }[] = [];
  for (const [name, def] of Object.entries(base.$defs)) {
    if (!sections.has(name)) defs[name] = def;
    if (name === before) for (const [type, section] of sections) defs[type] = section;
  }
  for (const entry of base.oneOf) {
    if (!sections.has(entry.$ref.replace('#/$defs/', ''))) oneOf.push(entry);
    if (entry.$ref === ref(before ?? '').$ref) oneOf.push(...[...sections.keys()].map(ref));
  }
  return { ...base, oneOf, $defs: defs };
}

/** The committed file, with the sections' record types as the code defines them. */
export const composedImportSchema = (): object => withSectionRecords(readImportSchema());

function problemsOf(errors: ErrorObject[] | null | undefined): FieldProblem[] {
  const seen = new Set<string>();
  const problems: FieldProblem[] = [];
  for (const error of errors ?? []) {
    const problem = describe(error);
    const key = `${problem.path.join('.')}|${problem.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(problem);
    if (problems.length === MAX_PROBLEMS_PER_RECORD) break;
  }
  return problems;
}

function pathOf(pointer: string): (string | number)[] {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** One Ajv error as a field path and a reason an operator reads without knowing JSON Schema. */
function describe(error: ErrorObject): FieldProblem {
  const path = pathOf(error.instancePath);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return { path: [...path, String(params['missingProperty'])], message: 'Required' };
    case 'additionalProperties':
      return {
        path: [...path, String(params['additionalProperty'])],
        message: 'Not a field of this record type',
      };
    case 'enum':
      return {
        path,
        message: `Must be one of ${(params['allowedValues'] as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`,
      };
    case 'const':
      return { path, message: `Must be ${JSON.stringify(params['allowedValue'])}` };
    case 'format':
      return {
        path,
        message:
          params['format'] === 'date'
            ? 'Not a calendar date YYYY-MM-DD'
            : `Not a valid ${String(params['format'])}`,
      };
    case 'pattern':
      return { path, message: `Does not match ${String(params['pattern'])}` };
    default:
      return { path, message: error.message ? capitalize(error.message) : error.keyword };
  }
}

const capitalize = (text: string) => `${text[0]!.toUpperCase()}${text.slice(1)}`;
