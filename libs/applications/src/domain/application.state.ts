import type { ApplicationContent, ApplicationKind } from './application.event';

/** Everything an application is once submitted; what the `Application` answer is made from. */
export interface ApplicationRecord extends ApplicationContent {
  readonly applicationId: number;
  readonly ownerAccountId: string;
  readonly kind: ApplicationKind;
  /** 申込登録日: when it was first submitted. */
  readonly registeredAt: string;
  readonly updatedAt: string;
  /** APP-2: the terms consented to; undefined for applications older than the field. */
  readonly termsVersion?: string;
  /** Why it was returned, rejected or withdrawn; null in every other status. */
  readonly statusReason: string | null;
}

export interface NotSubmitted {
  readonly status: 'NOT_SUBMITTED';
}

export interface Received extends ApplicationRecord {
  readonly status: 'RECEIVED';
}

export interface InProgress extends ApplicationRecord {
  readonly status: 'IN_PROGRESS';
}

export interface Returned extends ApplicationRecord {
  readonly status: 'RETURNED';
  readonly statusReason: string;
}

export interface Completed extends ApplicationRecord {
  readonly status: 'COMPLETED';
}

export interface Rejected extends ApplicationRecord {
  readonly status: 'REJECTED';
  readonly statusReason: string;
}

export interface Withdrawn extends ApplicationRecord {
  readonly status: 'WITHDRAWN';
}

export type SubmittedApplication =
  Received | InProgress | Returned | Completed | Rejected | Withdrawn;

export type ApplicationState = NotSubmitted | SubmittedApplication;

/** OPS-2: the statuses in which the owner may still change or withdraw it. */
export type ChangeableApplication = Received | Returned;

/** Holds its metering points (MTR-2) until it is completed, rejected or withdrawn. */
export type OpenApplication = Received | InProgress | Returned;

export const initialState: ApplicationState = { status: 'NOT_SUBMITTED' };

export function isSubmitted(state: ApplicationState): state is SubmittedApplication {
  return state.status !== 'NOT_SUBMITTED';
}

export function isOpen(state: ApplicationState): state is OpenApplication {
  return (
    state.status === 'RECEIVED' || state.status === 'IN_PROGRESS' || state.status === 'RETURNED'
  );
}
