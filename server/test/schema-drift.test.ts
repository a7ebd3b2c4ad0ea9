import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { printAppSchema } from '../src/app/build-schema.js';
import {
  composedImportSchema,
  importSchemaPath,
} from '../src/modules/integration/import-schema.js';

describe('schema/schema.graphql', () => {
  it('matches the code-first schema (run `npm run schema:print` after changing the API)', async () => {
    const committed = await fs.readFile(
      path.resolve(import.meta.dirname, '../../schema/schema.graphql'),
      'utf8',
    );
    expect(await printAppSchema()).toBe(committed);
  });
});

describe('schema/import.schema.json', () => {
  it("holds every section's record type as its module defines it (run `npm run schema:print`)", async () => {
    const committed: unknown = JSON.parse(await fs.readFile(importSchemaPath, 'utf8'));
    expect(composedImportSchema()).toEqual(committed);
  });
});
