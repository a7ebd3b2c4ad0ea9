import type { ComponentType } from 'react';

import type { IconName } from '../../components/icons';
import type { FileSection, PortalSection } from '../../gql/graphql';
import type { Messages } from '../../i18n/ru';
import { PayslipList } from '../payroll/payslip-list';
import { AttestationSection } from './sections/attestation';
import { EducationSection } from './sections/education';
import { EmploymentSection } from './sections/employment';
import { LeaveSection } from './sections/leave';
import { MedicalSection } from './sections/medical';
import { PersonalSection } from './sections/personal';
import { SenioritySection } from './sections/seniority';
import { TripsSection } from './sections/trips';

/** What a section's page gets from the file it is shown in. */
export interface SectionBodyProps {
  employeeId: string;
  own: boolean;
  /** The viewer may reveal identifiers (СНИЛС, ИНН) in full. */
  canReveal: boolean;
}

export interface FileSectionInfo<K extends string = string> {
  /** The path segment (`/file/<key>`) and the i18n key (`file.sections.<key>`). */
  key: K;
  /** The access section the server checks (and the viewer's `viewerCan.sections` lists). */
  section: FileSection;
  /** The portal section the organization can switch off, if any. */
  portal?: PortalSection;
  icon: IconName;
  /** Only in someone else's file (one's own pay is under "Payslips"). */
  othersOnly?: boolean;
  /** The section's page. */
  component: ComponentType<SectionBodyProps>;
  /** The dashboard's line for its Dashboard.dueDates entry (`dashboard.<key>`), if it has one. */
  due?: { date: keyof Messages['dashboard']; none: keyof Messages['dashboard'] };
}

const section = <const K extends string>(info: FileSectionInfo<K>) => info;

/**
 * The registry of a personal file's sections, in the order they are shown: a section exports its
 * page from `sections/<key>.tsx` and adds one line here.
 */
export const fileSections = [
  section({ key: 'personal', section: 'PERSONAL', icon: 'file', component: PersonalSection }),
  section({
    key: 'employment',
    section: 'EMPLOYMENT',
    portal: 'EMPLOYMENT',
    icon: 'book',
    component: EmploymentSection,
  }),
  section({
    key: 'leave',
    section: 'LEAVE',
    portal: 'LEAVE',
    icon: 'sun',
    component: LeaveSection,
  }),
  section({
    key: 'trips',
    section: 'TRIPS',
    portal: 'TRIPS',
    icon: 'home',
    component: TripsSection,
  }),
  section({
    key: 'seniority',
    section: 'SENIORITY',
    portal: 'SENIORITY',
    icon: 'book',
    component: SenioritySection,
  }),
  section({
    key: 'attestation',
    section: 'ATTESTATION',
    portal: 'ATTESTATION',
    icon: 'file',
    component: AttestationSection,
    due: { date: 'attestationDue', none: 'noAttestationDue' },
  }),
  section({
    key: 'medical',
    section: 'MEDICAL',
    portal: 'MEDICAL',
    icon: 'file',
    component: MedicalSection,
    due: { date: 'medicalDue', none: 'noMedicalDue' },
  }),
  section({
    key: 'education',
    section: 'EDUCATION',
    portal: 'EDUCATION',
    icon: 'book',
    component: EducationSection,
  }),
  section({
    key: 'payroll',
    section: 'PAYROLL',
    portal: 'PAYROLL',
    icon: 'wallet',
    othersOnly: true,
    component: PayslipList,
  }),
];

export type FileSectionKey = (typeof fileSections)[number]['key'];
