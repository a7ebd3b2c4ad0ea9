import type { EntityClass } from '@mikro-orm/core';
import type { FileSection } from '../organization/index.js';

/** A kind of record HR may delete from a file (`deleteFileRecord`): its section and entity. */
export interface FileRecordKind {
  section: FileSection;
  entity: EntityClass<{ id: string; employee: { id: string } }>;
}
