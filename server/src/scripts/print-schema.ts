import 'reflect-metadata';
import fs from 'node:fs/promises';
import path from 'node:path';
import { printAppSchema } from '../app/build-schema.js';

/** Writes schema/schema.graphql from the code-first schema. */
const target = path.resolve(import.meta.dirname, '../../../schema/schema.graphql');
await fs.writeFile(target, await printAppSchema());
process.stdout.write(`Wrote ${path.relative(process.cwd(), target)}\n`);
