import {
  date,
  employeeRef,
  fileRecordSchema,
  json,
  order,
  nextDueNotices,
  sectionImport,
  text,
} from '../file-section/index.js';
import {
  AttestationDecisions,
  AttestationKinds,
  AttestationPurposes,
} from './attestation.entity.js';
import { checkAttestation } from './attestation.rules.js';

/** The `attestation` record of the exchange format; a new next due date notifies the employee. */
export const attestationImport = sectionImport({
  type: 'attestation',
  spec: {
    table: 'attestation',
    fields: [
      text('kind', 'kind'),
      text('purpose', 'purpose'),
      date('date', 'date'),
      text('commission', 'commission'),
      text('decision', 'decision'),
      text('category', 'category'),
      date('validUntil', 'valid_until'),
      date('nextDueDate', 'next_due_date'),
      text('recommendations', 'recommendations'),
      text('protocolNumber', 'protocol_number'),
      ...order,
    ],
    refs: [employeeRef],
    scope: 'organization',
    deletion: 'hard',
    section: 'ATTESTATION',
    remember: ['next_due_date'],
  },
  check: (fields, today) => checkAttestation(today, fields as { date: string }),
  schema: fileRecordSchema(
    'attestation',
    'An attestation for the post or a qualification category.',
    {
      kind: json.oneOf(AttestationKinds),
      purpose: json.oneOf(AttestationPurposes),
      date: json.date,
      commission: json.text(300),
      decision: json.oneOf(AttestationDecisions),
      category: json.text(50),
      validUntil: json.optionalDate,
      nextDueDate: json.optionalDate,
      recommendations: json.text(10000),
      protocolNumber: json.text(32),
      orderNumber: json.text(32),
      orderDate: json.optionalDate,
    },
    ['kind', 'purpose', 'date', 'decision'],
  ),
  notices: nextDueNotices('attestation', {
    type: 'ATTESTATION_DUE',
    title: (date) => `Следующая аттестация — до ${date}`,
    link: '/file/attestation',
  }),
});
