import fs from 'node:fs';
import path from 'node:path';
import { generateImportRecords } from '../seeders/import.generator.js';

// Usage: npm run import:fixture; rewrites scripts/import-fixture.ndjson (deterministic: fixed seed
// and date), the small institution the tests import and the README points at.
const target = path.resolve(import.meta.dirname, '../../../scripts/import-fixture.ndjson');
const lines = [
  ...generateImportRecords({
    seed: 11,
    employees: 12,
    months: 2,
    asOf: '2026-10-15',
    source: '1c-zkgu',
    organizationExternalId: 'org-school-11',
    organizationName: 'МБОУ «Средняя общеобразовательная школа № 11»',
  }),
].map((record) => JSON.stringify(record));
fs.writeFileSync(target, `${lines.join('\n')}\n`);
process.stdout.write(`Wrote ${lines.length} lines to ${path.relative(process.cwd(), target)}\n`);
