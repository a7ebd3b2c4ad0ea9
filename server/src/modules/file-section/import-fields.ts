import type { FileSection } from '../organization/index.js';
import type { FieldSpec, RefSpec } from './import-spec.js';

/** Field and reference specs of a record type, shared by the core types and the sections' own. */

export const text = (field: string, column: string, section?: FileSection): FieldSpec => ({
  field,
  column,
  sql: 'text',
  ...(section ? { section } : {}),
});
export const date = (field: string, column: string, section?: FileSection): FieldSpec => ({
  field,
  column,
  sql: 'date',
  ...(section ? { section } : {}),
});
export const int = (field: string, column: string): FieldSpec => ({
  field,
  column,
  sql: 'integer',
});
export const employeeRef: RefSpec = {
  field: 'employeeExternalId',
  column: 'employee_id',
  target: 'employee',
};
export const order = [text('orderNumber', 'order_number'), date('orderDate', 'order_date')];

/** JSON Schema pieces of a section's record (see schema/import.schema.json for the others). */
export const json = {
  text: (maxLength: number) => ({ type: ['string', 'null'], maxLength }),
  date: { type: 'string', format: 'date' },
  optionalDate: { type: ['string', 'null'], format: 'date' },
  oneOf: (values: readonly string[]) => ({ enum: [...values] }),
};

/** An upsert record of an employee's file: type, op, externalId, the employee and `properties`. */
export function fileRecordSchema(
  type: string,
  description: string,
  properties: Record<string, object>,
  required: string[],
): Record<string, unknown> {
  const externalId = { $ref: '#/$defs/externalId' };
  return {
    type: 'object',
    description,
    properties: {
      type: { const: type },
      op: { const: 'upsert' },
      externalId,
      employeeExternalId: externalId,
      ...properties,
    },
    required: ['type', 'op', 'externalId', 'employeeExternalId', ...required],
    additionalProperties: false,
  };
}
