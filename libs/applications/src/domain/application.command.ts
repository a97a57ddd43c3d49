import type { Actor } from '@app/event-sourcing';
import type {
  ApplicationContent,
  ApplicationKind,
  ApplicationMeteringPoint,
  SealedApplicantInfo,
  SealedCustomerInfo,
} from './application.event';
import type { StartDateWarning } from './start-date';

/*
 * The handler prepares what the domain must not do itself: it validates and normalises the input
 * (submission-rules), allocates the 申込ID, seals personal fields through the PII vault and claims
 * the metering points in the registry. Decisions then take `now` as given.
 */

/** APP-1, APP-2. */
export interface SubmitApplication {
  readonly type: 'SubmitApplication';
  readonly data: ApplicationContent & {
    readonly actor: Actor;
    readonly applicationId: number;
    readonly kind: ApplicationKind;
    readonly consentConfirmed: boolean;
    /** APP-2: the version of the terms the applicant was shown; null: the client did not say. */
    readonly termsVersion: string | null;
    /** APP-2: the version in force now (configuration). */
    readonly currentTermsVersion: string;
  };
}

/** The sections the owner sent; a missing one stays as it was. */
export interface ApplicationChanges {
  readonly customer?: SealedCustomerInfo;
  readonly applicant?: SealedApplicantInfo;
  readonly meteringPoints?: readonly ApplicationMeteringPoint[];
  /** With the APP-7 warnings checked against the day of the change. */
  readonly desiredStartDate?: {
    readonly value: string;
    readonly warnings: readonly StartDateWarning[];
  };
  /** APP-7: the warnings of the unchanged date, checked again against the day of a resubmission. */
  readonly warnings?: readonly StartDateWarning[];
}

/** OPS-2. */
export interface ChangeApplication {
  readonly type: 'ChangeApplication';
  readonly data: { readonly actor: Actor; readonly changes: ApplicationChanges };
}

/** OPS-2. */
export interface WithdrawApplication {
  readonly type: 'WithdrawApplication';
  readonly data: { readonly actor: Actor; readonly reason?: string | null };
}

/** OPS-1. */
export interface StartProcessing {
  readonly type: 'StartProcessing';
  readonly data: { readonly actor: Actor };
}

/** OPS-1. */
export interface ReturnApplication {
  readonly type: 'ReturnApplication';
  readonly data: { readonly actor: Actor; readonly reason: string };
}

/** OPS-1, APP-8. */
export interface RejectApplication {
  readonly type: 'RejectApplication';
  readonly data: { readonly actor: Actor; readonly reason: string };
}

/** OPS-4: the issued ID for the unissued point at `index` (22 half-width digits, normalised). */
export interface IssuedPoint {
  readonly index: number;
  readonly pointId: string;
}

/** OPS-1, OPS-4. */
export interface CompleteApplication {
  readonly type: 'CompleteApplication';
  readonly data: { readonly actor: Actor; readonly issuedPoints?: readonly IssuedPoint[] };
}

export type ApplicationCommand =
  | SubmitApplication
  | ChangeApplication
  | WithdrawApplication
  | StartProcessing
  | ReturnApplication
  | RejectApplication
  | CompleteApplication;

export type ApplicationCommandType = ApplicationCommand['type'];
