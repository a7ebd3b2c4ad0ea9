import type { IconName } from '../../components/icons';
import type { FileSection, PortalSection } from '../../gql/graphql';

export type FileSectionKey =
  | 'personal'
  | 'employment'
  | 'leave'
  | 'trips'
  | 'seniority'
  | 'attestation'
  | 'education'
  | 'payroll';

export interface FileSectionInfo {
  key: FileSectionKey;
  /** The access section the server checks (and the viewer's `viewerCan.sections` lists). */
  section: FileSection;
  /** The portal section the organization can switch off, if any. */
  portal?: PortalSection;
  icon: IconName;
  /** Only in someone else's file (one's own pay is under "Payslips"). */
  othersOnly?: boolean;
}

/** The sections of a personal file, in the order they are shown. */
export const fileSections: FileSectionInfo[] = [
  { key: 'personal', section: 'PERSONAL', icon: 'file' },
  { key: 'employment', section: 'EMPLOYMENT', portal: 'EMPLOYMENT', icon: 'book' },
  { key: 'leave', section: 'LEAVE', portal: 'LEAVE', icon: 'sun' },
  { key: 'trips', section: 'TRIPS', portal: 'TRIPS', icon: 'home' },
  { key: 'seniority', section: 'SENIORITY', portal: 'SENIORITY', icon: 'book' },
  { key: 'attestation', section: 'ATTESTATION', portal: 'ATTESTATION', icon: 'file' },
  { key: 'education', section: 'EDUCATION', portal: 'EDUCATION', icon: 'book' },
  { key: 'payroll', section: 'PAYROLL', portal: 'PAYROLL', icon: 'wallet', othersOnly: true },
];
