import type { FieldError } from '@app/event-sourcing';
import { parsePointId, resolveMeterId } from '@app/metering';
import { applicationErrors, type ApplicationError } from '../domain/application-error';
import type { IssuedPoint } from '../domain/application.command';
import type { ApplicationKind, ApplicationMeteringPoint } from '../domain/application.event';
import {
  applicantInfoProblems,
  customerInfoProblems,
  type ApplicantInfo,
  type CheckedApplicantInfo,
  type CustomerInfo,
} from '../domain/contact-info-rules';
import type { HolidayCalendar } from '../domain/holiday-calendar';
import { checkDesiredStartDate, type StartDateWarning } from '../domain/start-date';
import { normalisedPhoneNumber } from '../domain/text-rules';
import { applicationMessages, DESIRED_DATE_LABELS } from '../messages';
import type { ChangeInput, MeteringPointInputValue, SubmissionInput } from './application-input';

/** More than any one customer's site holds; keeps a single request's registry work bounded. */
export const MAX_METERING_POINTS = 50;

/** The input as the domain takes it: checked, normalised, personal fields still in plaintext. */
export interface ValidSubmission {
  readonly kind: ApplicationKind;
  readonly customer: CustomerInfo;
  readonly applicant: CheckedApplicantInfo;
  readonly meteringPoints: readonly ApplicationMeteringPoint[];
  readonly desiredStartDate: string;
  readonly warnings: readonly StartDateWarning[];
}

export interface ValidChanges {
  /** APP-7: the unchanged date's warnings, checked again for a resubmission. */
  readonly warnings?: readonly StartDateWarning[];
  readonly customer?: CustomerInfo;
  readonly applicant?: CheckedApplicantInfo;
  readonly meteringPoints?: readonly ApplicationMeteringPoint[];
  readonly desiredStartDate?: {
    readonly value: string;
    readonly warnings: readonly StartDateWarning[];
  };
}

export type InputCheck<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: ApplicationError };

/**
 * APP-2 … APP-7 over a `SubmitApplicationInput`. Field problems come in input order as one
 * BAD_USER_INPUT; a start date that is merely too soon (APP-7) is its own refusal once everything
 * else is right, so the client can tell the user exactly that. Texts are checked as typed (APP-4)
 * and normalised only afterwards, and only the IDs are (APP-5, APP-6).
 */
export function checkSubmission(
  input: SubmissionInput,
  now: Date,
  calendar: HolidayCalendar,
): InputCheck<ValidSubmission> {
  const points = meteringPointsOf(input.meteringPoints, input.kind);
  const startDate = checkDesiredStartDate(
    now,
    input.desiredStartDate,
    calendar,
    DESIRED_DATE_LABELS[input.kind],
  );
  const problems: FieldError[] = [
    ...customerInfoProblems(input.customer),
    ...applicantInfoProblems(input.applicant),
    ...points.problems,
    ...(startDate.ok || startDate.error.code === 'START_DATE_TOO_SOON'
      ? []
      : [{ field: 'desiredStartDate', ...startDate.error }]),
    ...(input.consentConfirmed
      ? []
      : [
          {
            field: 'consentConfirmed',
            code: 'CONSENT_REQUIRED',
            message: applicationMessages.consentRequired,
          },
        ]),
  ];
  if (problems.length > 0) return refusedWith(applicationErrors.invalidInput(problems));
  if (!startDate.ok) {
    return refusedWith(
      applicationErrors.startDateTooSoon([{ field: 'desiredStartDate', ...startDate.error }]),
    );
  }
  return {
    ok: true,
    value: {
      kind: input.kind,
      customer: trimmedCustomer(input.customer),
      applicant: trimmedApplicant(input.applicant),
      meteringPoints: points.value,
      desiredStartDate: input.desiredStartDate,
      warnings: startDate.warnings,
    },
  };
}

/** What a change is checked against: the application as it stands. */
export interface ChangeTarget {
  readonly kind: ApplicationKind;
  readonly status: string;
  readonly desiredStartDate: string;
}

/**
 * OPS-2 over a `ChangeApplicationInput`. APP-7 against the day of the change, whenever the date
 * changes or the change resubmits a RETURNED application (which returns it to RECEIVED): a
 * resubmission that keeps its date gets that date's warnings anew in `warnings`.
 */
export function checkChanges(
  input: ChangeInput,
  target: ChangeTarget,
  now: Date,
  calendar: HolidayCalendar,
): InputCheck<ValidChanges> {
  const { kind } = target;
  const label = DESIRED_DATE_LABELS[kind];
  const points = input.meteringPoints ? meteringPointsOf(input.meteringPoints, kind) : undefined;
  const newDate = input.desiredStartDate ?? undefined;
  const dateToCheck =
    newDate ?? (target.status === 'RETURNED' ? target.desiredStartDate : undefined);
  const startDate =
    dateToCheck === undefined
      ? undefined
      : checkDesiredStartDate(now, dateToCheck, calendar, label);
  const problems: FieldError[] = [
    ...(input.customer ? customerInfoProblems(input.customer) : []),
    ...(input.applicant ? applicantInfoProblems(input.applicant) : []),
    ...(points?.problems ?? []),
    ...(startDate === undefined || startDate.ok || startDate.error.code === 'START_DATE_TOO_SOON'
      ? []
      : [{ field: 'desiredStartDate', ...startDate.error }]),
  ];
  if (problems.length > 0) return refusedWith(applicationErrors.invalidInput(problems));
  if (startDate !== undefined && !startDate.ok) {
    return refusedWith(
      applicationErrors.startDateTooSoon([{ field: 'desiredStartDate', ...startDate.error }]),
    );
  }
  const warnings = startDate?.ok ? startDate.warnings : undefined;
  return {
    ok: true,
    value: {
      ...(input.customer ? { customer: trimmedCustomer(input.customer) } : {}),
      ...(input.applicant ? { applicant: trimmedApplicant(input.applicant) } : {}),
      ...(points ? { meteringPoints: points.value } : {}),
      ...(newDate !== undefined && warnings !== undefined
        ? { desiredStartDate: { value: newDate, warnings } }
        : {}),
      ...(newDate === undefined && warnings !== undefined ? { warnings } : {}),
    },
  };
}

function meteringPointsOf(
  inputs: readonly MeteringPointInputValue[],
  kind: ApplicationKind,
): { readonly value: ApplicationMeteringPoint[]; readonly problems: FieldError[] } {
  if (inputs.length === 0) {
    return {
      value: [],
      problems: [
        { field: 'meteringPoints', code: 'REQUIRED', message: applicationMessages.pointsRequired },
      ],
    };
  }
  if (inputs.length > MAX_METERING_POINTS) {
    return {
      value: [],
      problems: [
        {
          field: 'meteringPoints',
          code: 'TOO_MANY',
          message: applicationMessages.tooManyPoints(MAX_METERING_POINTS),
        },
      ],
    };
  }
  const value: ApplicationMeteringPoint[] = [];
  const problems: FieldError[] = [];
  const seen = new Set<string>();
  inputs.forEach((input, index) => {
    const at = `meteringPoints[${index}]`;
    const point = parsePointId(input.pointId);
    const meter = resolveMeterId(input);
    if (!point.ok) {
      problems.push({ field: `${at}.pointId`, ...point.error });
    } else if (point.value.unissued && kind !== 'NEW') {
      problems.push({
        field: `${at}.pointId`,
        code: 'UNISSUED_POINT_ID_NOT_ALLOWED',
        message: applicationMessages.unissuedNotAllowed,
      });
    } else if (!point.value.unissued && seen.has(point.value.value)) {
      problems.push({
        field: `${at}.pointId`,
        code: 'DUPLICATE_POINT_ID',
        message: applicationMessages.duplicatePoint,
      });
    }
    if (!meter.ok) problems.push({ ...meter.error, field: `${at}.${meter.error.field}` });
    if (point.ok) seen.add(point.value.value);
    if (point.ok && meter.ok) {
      value.push({
        kind: point.value.kind,
        pointId: point.value.value,
        unissued: point.value.unissued,
        meterId: meter.value.value,
      });
    }
  });
  return { value, problems };
}

function trimmedCustomer(customer: CustomerInfo): CustomerInfo {
  return {
    name: customer.name.trim(),
    department: customer.department.trim(),
    contactName: customer.contactName.trim(),
    phone: normalisedPhoneNumber(customer.phone),
  };
}

function trimmedApplicant(applicant: ApplicantInfo): CheckedApplicantInfo {
  return {
    company: applicant.company.trim(),
    department: applicant.department.trim(),
    name: applicant.name.trim(),
    phone1: normalisedPhoneNumber(applicant.phone1),
    phone2: optionalPhone(applicant.phone2),
    email: applicant.email.trim(),
    fax: optionalPhone(applicant.fax),
  };
}

function optionalPhone(value: string | null | undefined): string | null {
  const text = value?.trim() ?? '';
  return text === '' ? null : normalisedPhoneNumber(text);
}

function refusedWith<T>(error: ApplicationError): InputCheck<T> {
  return { ok: false, error };
}

/** `IssuedPointInput`: the issued ID as typed (hyphens and full-width digits allowed, APP-5). */
export interface IssuedPointInputValue {
  readonly index: number;
  readonly pointId: string;
}

/** OPS-4: each issued ID normalised to 22 half-width digits; what else it must be, decide says. */
export function checkIssuedPoints(
  inputs: readonly IssuedPointInputValue[],
): InputCheck<IssuedPoint[]> {
  const problems: FieldError[] = [];
  const value: IssuedPoint[] = [];
  inputs.forEach(({ index, pointId }, position) => {
    const parsed = parsePointId(pointId);
    if (!parsed.ok) {
      problems.push({ field: `issuedPoints[${position}].pointId`, ...parsed.error });
    } else {
      value.push({ index, pointId: parsed.value.value });
    }
  });
  if (problems.length > 0) return refusedWith(applicationErrors.invalidInput(problems));
  return { ok: true, value };
}
