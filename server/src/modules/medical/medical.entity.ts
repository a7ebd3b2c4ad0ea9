import { Entity, Index, ManyToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import { ExternalRecord } from '../../core/orm/base.entity.js';
import { Employee } from '../employee/index.js';
import { StoredFile } from '../files/index.js';
import { Organization } from '../organization/index.js';

/** Предварительный (at hire), периодический, внеочередной (ст. 220 ТК РФ; приказ № 29н). */
export const MedicalExaminationKinds = ['PRELIMINARY', 'PERIODIC', 'EXTRAORDINARY'] as const;
export type MedicalExaminationKind = (typeof MedicalExaminationKinds)[number];

/** The conclusion: годен, не годен, годен с ограничениями, временно не годен. */
export const MedicalExaminationResults = [
  'FIT',
  'UNFIT',
  'FIT_WITH_RESTRICTIONS',
  'TEMPORARILY_UNFIT',
] as const;
export type MedicalExaminationResult = (typeof MedicalExaminationResults)[number];

/** A mandatory medical examination (медицинский осмотр) of an employee and its conclusion. */
@Entity({ tableName: 'medical_examination' })
@Unique({ properties: ['organization', 'externalSource', 'externalId'] })
@Index({ properties: ['employee', 'date'] })
// A download asks which examination a file is the conclusion of.
@Index({ properties: ['documentFile'] })
export class MedicalExamination extends ExternalRecord<
  'restrictions' | 'nextDueDate' | 'clinic' | 'documentNumber' | 'documentFile'
> {
  @ManyToOne({ entity: () => Organization, ref: true, deleteRule: 'cascade' })
  organization!: Ref<Organization>;

  @ManyToOne({ entity: () => Employee, ref: true, deleteRule: 'cascade' })
  employee!: Ref<Employee>;

  @Property({ type: 'date' })
  date!: string;

  @Property({ type: 'string', length: 16 })
  kind!: MedicalExaminationKind;

  @Property({ type: 'string', length: 24 })
  result!: MedicalExaminationResult;

  /** What the employee may not do (годен с ограничениями); empty otherwise. */
  @Property({ type: 'text', nullable: true })
  restrictions: string | null = null;

  /** When the next examination is due (the periodicity the conclusion names). */
  @Property({ type: 'date', nullable: true })
  nextDueDate: string | null = null;

  /** The medical organization that examined. */
  @Property({ type: 'string', length: 300, nullable: true })
  clinic: string | null = null;

  /** The conclusion's number (заключение по результатам медицинского осмотра). */
  @Property({ type: 'string', length: 64, nullable: true })
  documentNumber: string | null = null;

  /** The conclusion as an uploaded file, attached by HR. */
  @ManyToOne({ entity: () => StoredFile, ref: true, nullable: true, deleteRule: 'set null' })
  documentFile: Ref<StoredFile> | null = null;
}
