import { Entity, Index, ManyToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import { ExternalRecord } from '../../core/orm/base.entity.js';
import { Employee } from '../employee/index.js';

export const EducationKinds = [
  'BASIC',
  'PROFESSIONAL_DEVELOPMENT',
  'RETRAINING',
  'DEGREE',
  'TITLE',
  'LANGUAGE',
] as const;
export type EducationKind = (typeof EducationKinds)[number];

/**
 * One line of the education section: basic education (level, institution, specialty, diploma),
 * a professional development course (hours, certificate), a retraining programme, an academic
 * degree or title, or a language. Kinds share one table; each fills the fields it has.
 */
@Entity({ tableName: 'education_record' })
@Index({ properties: ['employee', 'kind'] })
@Unique({ properties: ['externalSource', 'externalId', 'employee'] })
export class EducationRecord extends ExternalRecord<
  | 'level'
  | 'institution'
  | 'specialty'
  | 'qualification'
  | 'program'
  | 'hours'
  | 'documentNumber'
  | 'startDate'
  | 'endDate'
  | 'year'
  | 'proficiency'
> {
  @ManyToOne({ entity: () => Employee, ref: true, deleteRule: 'cascade' })
  employee!: Ref<Employee>;

  @Property({ type: 'string', length: 32 })
  kind!: EducationKind;

  /** Уровень образования, or the degree/title name, or the language. */
  @Property({ type: 'string', length: 200, nullable: true })
  level: string | null = null;

  @Property({ type: 'string', length: 500, nullable: true })
  institution: string | null = null;

  @Property({ type: 'string', length: 300, nullable: true })
  specialty: string | null = null;

  @Property({ type: 'string', length: 300, nullable: true })
  qualification: string | null = null;

  @Property({ type: 'string', length: 500, nullable: true })
  program: string | null = null;

  @Property({ type: 'integer', nullable: true })
  hours: number | null = null;

  /** Diploma, certificate or удостоверение number. */
  @Property({ type: 'string', length: 64, nullable: true })
  documentNumber: string | null = null;

  @Property({ type: 'date', nullable: true })
  startDate: string | null = null;

  @Property({ type: 'date', nullable: true })
  endDate: string | null = null;

  @Property({ type: 'integer', nullable: true })
  year: number | null = null;

  /** For languages: владение (читает и переводит со словарём …). */
  @Property({ type: 'string', length: 100, nullable: true })
  proficiency: string | null = null;
}
