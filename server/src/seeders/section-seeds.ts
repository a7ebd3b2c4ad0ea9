import type { EntityClass } from '@mikro-orm/core';
import { medicalSeed } from './medical.seed.js';
import type { GeneratedInstitution, Random } from './institution.generator.js';

/** What a section's demo seed gets: the generated people, written already, in the seed's unit. */
export interface SectionSeedInput {
  organizationId: string;
  institution: GeneratedInstitution;
  /** The seed's today, YYYY-MM-DD. */
  asOf: string;
  /** A generator of the section's own, so other sections' data stay as they were. */
  random: Random;
  /** Inserts rows in bulk chunks (a benchmark institution has 50,000 people). */
  insert: <T extends object>(entity: EntityClass<T>, rows: object[]) => Promise<void>;
}

/** A section's demo data for a seeded institution. */
export interface SectionSeed {
  /** Keys the section's random generator: a new section never shifts another's data. */
  name: string;
  seed: (input: SectionSeedInput) => Promise<void>;
  /** Tables to analyze after the bulk load. */
  tables: string[];
}

/**
 * The registry of sections that seed demo data of their own, after the generated personal files:
 * a section module exports its seed (a file only seeders import), one line here.
 */
export const sectionSeeds: SectionSeed[] = [medicalSeed];
