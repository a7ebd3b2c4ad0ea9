import 'reflect-metadata';
import fs from 'node:fs/promises';
import path from 'node:path';
import { format, resolveConfig } from 'prettier';
import { printAppSchema } from '../app/build-schema.js';
import { composedImportSchema, importSchemaPath } from '../modules/integration/index.js';

/** Writes schema/schema.graphql from the code-first schema. */
const target = path.resolve(import.meta.dirname, '../../../schema/schema.graphql');
await fs.writeFile(target, await printAppSchema());
process.stdout.write(`Wrote ${path.relative(process.cwd(), target)}\n`);

/** Writes schema/import.schema.json with each section's record type as its module defines it. */
const importSchema = JSON.stringify(composedImportSchema(), null, 2);
const options = await resolveConfig(importSchemaPath);
await fs.writeFile(importSchemaPath, await format(importSchema, { ...options, parser: 'json' }));
process.stdout.write(`Wrote ${path.relative(process.cwd(), importSchemaPath)}\n`);
