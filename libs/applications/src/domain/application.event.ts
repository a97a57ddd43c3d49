import type { SealedText } from './sealed-text';
import type { StartDateWarning } from './start-date';
import { unreachable } from '@app/event-sourcing/domain';

/*
 * The Application aggregate's facts, stream `application-<applicationId>` (the numeric 申込ID).
 * Who acted travels in the event metadata; `data` holds what decisions, projections, mails and
 * the auditor's as-of fold need. Each event names its instant (ISO-8601 UTC) in `data`, since
 * `evolve` sees the data only, and carries the application's ID and owner, so a consumer that
 * keeps no state still knows whose application it is.
 */

export type ApplicationKind = 'NEW' | 'TERMINATION' | 'ACTIVATION';

export type ApplicationStatus =
  'RECEIVED' | 'IN_PROGRESS' | 'COMPLETED' | 'RETURNED' | 'REJECTED' | 'WITHDRAWN';

export type MeteringPointKind = 'SUPPLY' | 'RECEPTION';

/**
 * お客さま情報 (APP-3). The customer's name, department and company stay plain: search needs the
 * customer name (APP-10), and they name an organisation rather than a person.
 */
export interface SealedCustomerInfo {
  readonly name: string;
  readonly department: string;
  readonly contactName: SealedText;
  readonly phone: SealedText;
}

/** 申込者のご連絡先情報 (APP-3): the person's fields sealed, the company's plain. */
export interface SealedApplicantInfo {
  readonly company: string;
  readonly department: string;
  readonly name: SealedText;
  readonly phone1: SealedText;
  readonly phone2: SealedText | null;
  readonly email: SealedText;
  readonly fax: SealedText | null;
}

/** Which data fields hold vault ciphertext, for consumers that decrypt (answers, mails). */
export const SEALED_FIELDS = {
  customer: ['contactName', 'phone'],
  applicant: ['name', 'phone1', 'phone2', 'email', 'fax'],
} as const satisfies {
  readonly customer: readonly (keyof SealedCustomerInfo)[];
  readonly applicant: readonly (keyof SealedApplicantInfo)[];
};

/** APP-5 / APP-6, normalised: 22 half-width digits and `F146832`. */
export interface ApplicationMeteringPoint {
  readonly kind: MeteringPointKind;
  readonly pointId: string;
  /** APP-5: the 16 digits after the prefix are all 0; an operator completes the number. */
  readonly unissued: boolean;
  readonly meterId: string;
}

/** What the applicant wrote; a change (OPS-2) replaces it as a whole. */
export interface ApplicationContent {
  readonly customer: SealedCustomerInfo;
  readonly applicant: SealedApplicantInfo;
  readonly meteringPoints: readonly ApplicationMeteringPoint[];
  /** `YYYY-MM-DD`, a calendar day in Japan. */
  readonly desiredStartDate: string;
  /** APP-7: e.g. the year-end closure lies between the application date and the start date. */
  readonly warnings: readonly StartDateWarning[];
}

interface ApplicationFact {
  readonly applicationId: number;
  readonly ownerAccountId: string;
  readonly kind: ApplicationKind;
}

/** APP-1, APP-2: the customer (or an applicant with the customer's consent) applied. */
export interface ApplicationSubmitted {
  readonly type: 'ApplicationSubmitted';
  readonly data: ApplicationFact &
    ApplicationContent & {
      readonly status: 'RECEIVED';
      /** APP-2: always true; a submission without consent is refused before any event. */
      readonly consentConfirmed: true;
      /** APP-2: the version of the terms consented to; absent from events older than the field. */
      readonly termsVersion?: string;
      readonly submittedAt: string;
    };
}

export type ChangedSection = 'customer' | 'applicant' | 'meteringPoints' | 'desiredStartDate';

/**
 * OPS-2: the owner changed the application while RECEIVED or RETURNED. The data holds the whole
 * content after the change (a consumer needs no earlier event to show it) and which sections the
 * owner sent. A change while RETURNED resubmits it: `status` is then RECEIVED again.
 */
export interface ApplicationChanged {
  readonly type: 'ApplicationChanged';
  readonly data: ApplicationFact &
    ApplicationContent & {
      readonly changedSections: readonly ChangedSection[];
      readonly previousStatus: 'RECEIVED' | 'RETURNED';
      readonly status: 'RECEIVED';
      readonly resubmitted: boolean;
      readonly changedAt: string;
    };
}

/** OPS-2: withdrawn (取消) by its owner; the reason is optional. */
export interface ApplicationWithdrawn {
  readonly type: 'ApplicationWithdrawn';
  readonly data: ApplicationFact & {
    readonly status: 'WITHDRAWN';
    readonly reason: string | null;
    readonly withdrawnAt: string;
  };
}

/** OPS-1: an operator took it up (手続中). */
export interface ProcessingStarted {
  readonly type: 'ProcessingStarted';
  readonly data: ApplicationFact & { readonly status: 'IN_PROGRESS'; readonly startedAt: string };
}

/** OPS-1: sent back to the applicant for correction (差戻し). */
export interface ApplicationReturned {
  readonly type: 'ApplicationReturned';
  readonly data: ApplicationFact & {
    readonly status: 'RETURNED';
    readonly reason: string;
    readonly returnedAt: string;
  };
}

/**
 * OPS-1, APP-8: refused (受付不可), e.g. an island or optical terminal the registry did not know,
 * or a RETURNED application its applicant left uncorrected.
 */
export interface ApplicationRejected {
  readonly type: 'ApplicationRejected';
  readonly data: ApplicationFact & {
    readonly status: 'REJECTED';
    readonly reason: string;
    readonly rejectedAt: string;
  };
}

/** One unissued point ID (APP-5) replaced by the one the operator was given (OPS-4). */
export interface PointIdAssignment {
  /** The point's place in the application's list. */
  readonly index: number;
  readonly unissuedPointId: string;
  readonly pointId: string;
}

/**
 * OPS-4: completing a NEW for a new installation, the operator gave the issued 22-digit IDs of
 * its unissued points; `meteringPoints` is the whole list after the assignment.
 */
export interface PointIdsIssued {
  readonly type: 'PointIdsIssued';
  readonly data: ApplicationFact & {
    readonly assignments: readonly PointIdAssignment[];
    readonly meteringPoints: readonly ApplicationMeteringPoint[];
    readonly issuedAt: string;
  };
}

/** OPS-1, OPS-4: done; the metering points it names change B-route state with it. */
export interface ApplicationCompleted {
  readonly type: 'ApplicationCompleted';
  readonly data: ApplicationFact & {
    readonly status: 'COMPLETED';
    readonly meteringPoints: readonly ApplicationMeteringPoint[];
    readonly completedAt: string;
  };
}

export type ApplicationEvent =
  | ApplicationSubmitted
  | ApplicationChanged
  | ApplicationWithdrawn
  | ProcessingStarted
  | ApplicationReturned
  | ApplicationRejected
  | PointIdsIssued
  | ApplicationCompleted;

export type ApplicationEventType = ApplicationEvent['type'];

const EVENT_TYPE_SET = {
  ApplicationSubmitted: true,
  ApplicationChanged: true,
  ApplicationWithdrawn: true,
  ProcessingStarted: true,
  ApplicationReturned: true,
  ApplicationRejected: true,
  PointIdsIssued: true,
  ApplicationCompleted: true,
} satisfies Record<ApplicationEventType, true>;

/** Every type of the union, e.g. for a projection's or a subscription's filter. */
export const APPLICATION_EVENT_TYPES = Object.keys(
  EVENT_TYPE_SET,
) as readonly ApplicationEventType[];

export function isApplicationEventType(type: string): type is ApplicationEventType {
  return Object.hasOwn(EVENT_TYPE_SET, type);
}

export const APPLICATION_STREAM_PREFIX = 'application-';

export function applicationStream(applicationId: number): string {
  return `${APPLICATION_STREAM_PREFIX}${applicationId}`;
}

/** The PII vault subject of an application's personal fields; forgetting it erases them. */
export function applicationPiiSubject(applicationId: number): string {
  return applicationStream(applicationId);
}

/** When the fact happened, as its data records it. */
export function occurredAtOf(event: ApplicationEvent): string {
  switch (event.type) {
    case 'ApplicationSubmitted':
      return event.data.submittedAt;
    case 'ApplicationChanged':
      return event.data.changedAt;
    case 'ApplicationWithdrawn':
      return event.data.withdrawnAt;
    case 'ProcessingStarted':
      return event.data.startedAt;
    case 'ApplicationReturned':
      return event.data.returnedAt;
    case 'ApplicationRejected':
      return event.data.rejectedAt;
    case 'PointIdsIssued':
      return event.data.issuedAt;
    case 'ApplicationCompleted':
      return event.data.completedAt;
    default:
      return unreachable(event);
  }
}
