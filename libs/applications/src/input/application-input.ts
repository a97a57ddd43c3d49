import type { ApplicantInfo, CustomerInfo } from '../domain/contact-info-rules';
import type { ApplicationKind } from '../domain/application.event';

/** One `MeteringPointInput`: the point ID as typed, and the meter by ID or by plate (APP-6). */
export interface MeteringPointInputValue {
  readonly pointId: string;
  readonly meterId?: string | null;
  readonly meterNumber?: string | null;
  readonly inputFormatName?: string | null;
}

/** `SubmitApplicationInput`, field for field. */
export interface SubmissionInput {
  readonly kind: ApplicationKind;
  readonly customer: CustomerInfo;
  readonly applicant: ApplicantInfo;
  readonly meteringPoints: readonly MeteringPointInputValue[];
  readonly desiredStartDate: string;
  readonly consentConfirmed: boolean;
  /** APP-2: absent from clients older than the field. */
  readonly termsVersion?: string | null;
}

/** `ChangeApplicationInput`: only the sections given change. */
export interface ChangeInput {
  readonly customer?: CustomerInfo | null;
  readonly applicant?: ApplicantInfo | null;
  readonly meteringPoints?: readonly MeteringPointInputValue[] | null;
  readonly desiredStartDate?: string | null;
}
