/** A personal-file section as the catalog (`file-sections.ts`) lists it. */
export interface SectionEntry<K extends string = string> {
  /** The access section: the GraphQL enum value, the journal's `section`. */
  key: K;
  /** How people name it in titles and notices (never the enum's name in Russian text). */
  words: string;
  /** A manager reads it in a subordinate's file unless the organization narrows `managerSections`. */
  managerDefault?: boolean;
}
