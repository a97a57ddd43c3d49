import { accessRefusal } from './application-access';
import { applicationErrors, STATUS_LABELS } from './application-error';
import type {
  ApplicationCommand,
  ChangeApplication,
  CompleteApplication,
  RejectApplication,
  ReturnApplication,
  StartProcessing,
  SubmitApplication,
  WithdrawApplication,
} from './application.command';
import type { ChangedSection } from './application.event';
import { isOpen, type ApplicationState, type SubmittedApplication } from './application.state';
import { accepted, refused, unreachable } from '@app/event-sourcing/domain';
import type { ApplicationDecision as Decision } from './application-error';
import { issuedPointProblems, withIssuedPoints } from './issued-points';
import { reasonProblems, withdrawalReason } from './reason-rules';
import { leadTimeRefusal } from './start-date';
import { applicationMessages, DESIRED_DATE_LABELS } from '../messages';

/** The Application aggregate's decisions; `now` comes from the injectable clock, never from here. */
export function decide(command: ApplicationCommand, state: ApplicationState, now: Date): Decision {
  const refusal = accessRefusal(command.type, state, command.data.actor);
  if (refusal !== null) return refused(refusal);
  if (command.type === 'SubmitApplication') return submit(command, state, now);
  if (state.status === 'NOT_SUBMITTED') return refused(applicationErrors.notFound());
  switch (command.type) {
    case 'ChangeApplication':
      return change(command, state, now);
    case 'WithdrawApplication':
      return withdraw(command, state, now);
    case 'StartProcessing':
      return startProcessing(command, state, now);
    case 'ReturnApplication':
      return returnApplication(command, state, now);
    case 'RejectApplication':
      return reject(command, state, now);
    case 'CompleteApplication':
      return complete(command, state, now);
    default:
      return unreachable(command);
  }
}

function submit({ data }: SubmitApplication, state: ApplicationState, now: Date): Decision {
  if (state.status !== 'NOT_SUBMITTED') return refused(applicationErrors.alreadySubmitted());
  // APP-2; the input rules refuse it with a field error first, this keeps the invariant.
  if (!data.consentConfirmed) {
    return refused(
      applicationErrors.invalidInput([
        {
          field: 'consentConfirmed',
          code: 'CONSENT_REQUIRED',
          message: applicationMessages.consentRequired,
        },
      ]),
    );
  }
  // APP-2: a consent to terms that are no longer in force is no consent to the current ones.
  if (data.termsVersion !== null && data.termsVersion !== data.currentTermsVersion) {
    return refused(applicationErrors.termsOutdated());
  }
  if (data.meteringPoints.length === 0) {
    return refused(
      applicationErrors.invalidInput([
        {
          field: 'meteringPoints',
          code: 'REQUIRED',
          message: applicationMessages.pointsRequired,
        },
      ]),
    );
  }
  return accepted({
    type: 'ApplicationSubmitted',
    data: {
      applicationId: data.applicationId,
      ownerAccountId: data.actor.id,
      kind: data.kind,
      customer: data.customer,
      applicant: data.applicant,
      meteringPoints: data.meteringPoints,
      desiredStartDate: data.desiredStartDate,
      warnings: data.warnings,
      status: 'RECEIVED',
      consentConfirmed: true,
      termsVersion: data.termsVersion ?? data.currentTermsVersion,
      submittedAt: now.toISOString(),
    },
  });
}

function change({ data }: ChangeApplication, state: SubmittedApplication, now: Date): Decision {
  if (state.status !== 'RECEIVED' && state.status !== 'RETURNED') {
    return refused(applicationErrors.notChangeable(STATUS_LABELS[state.status]));
  }
  const { changes } = data;
  const changedSections = (
    ['customer', 'applicant', 'meteringPoints', 'desiredStartDate'] as const
  ).filter((section): section is ChangedSection => changes[section] !== undefined);
  if (changes.meteringPoints?.length === 0) {
    return refused(
      applicationErrors.invalidInput([
        { field: 'meteringPoints', code: 'REQUIRED', message: applicationMessages.pointsRequired },
      ]),
    );
  }
  // APP-7: checked again whenever the application returns to RECEIVED or its date changes,
  // against the day of this act; an unchanged date of a RECEIVED one was checked already.
  const desiredStartDate = changes.desiredStartDate?.value ?? state.desiredStartDate;
  if (state.status === 'RETURNED' || changes.desiredStartDate !== undefined) {
    const tooSoon = leadTimeRefusal(now, desiredStartDate, DESIRED_DATE_LABELS[state.kind]);
    if (tooSoon !== null) {
      return refused(
        applicationErrors.startDateTooSoon([{ field: 'desiredStartDate', ...tooSoon }]),
      );
    }
  }
  // An empty change of a returned application resubmits it as it is; of a received one, is nothing.
  if (changedSections.length === 0 && state.status === 'RECEIVED') return accepted();
  return accepted({
    type: 'ApplicationChanged',
    data: {
      ...facts(state),
      customer: changes.customer ?? state.customer,
      applicant: changes.applicant ?? state.applicant,
      meteringPoints: changes.meteringPoints ?? state.meteringPoints,
      desiredStartDate,
      warnings: changes.desiredStartDate?.warnings ?? changes.warnings ?? state.warnings,
      changedSections,
      previousStatus: state.status,
      status: 'RECEIVED',
      resubmitted: state.status === 'RETURNED',
      changedAt: now.toISOString(),
    },
  });
}

function withdraw({ data }: WithdrawApplication, state: SubmittedApplication, now: Date): Decision {
  if (state.status !== 'RECEIVED' && state.status !== 'RETURNED') {
    return refused(applicationErrors.notChangeable(STATUS_LABELS[state.status]));
  }
  const problems = reasonProblems(data.reason, { required: false });
  if (problems.length > 0) return refused(applicationErrors.invalidInput(problems));
  return accepted({
    type: 'ApplicationWithdrawn',
    data: {
      ...facts(state),
      status: 'WITHDRAWN',
      reason: withdrawalReason(data.reason),
      withdrawnAt: now.toISOString(),
    },
  });
}

function startProcessing(
  _command: StartProcessing,
  state: SubmittedApplication,
  now: Date,
): Decision {
  if (state.status !== 'RECEIVED') {
    return refused(
      applicationErrors.invalidTransition(
        STATUS_LABELS[state.status],
        applicationMessages.actions.startProcessing,
      ),
    );
  }
  return accepted({
    type: 'ProcessingStarted',
    data: { ...facts(state), status: 'IN_PROGRESS', startedAt: now.toISOString() },
  });
}

function returnApplication(
  { data }: ReturnApplication,
  state: SubmittedApplication,
  now: Date,
): Decision {
  if (state.status !== 'RECEIVED' && state.status !== 'IN_PROGRESS') {
    return refused(
      applicationErrors.invalidTransition(
        STATUS_LABELS[state.status],
        applicationMessages.actions.return,
      ),
    );
  }
  const problems = reasonProblems(data.reason, { required: true });
  if (problems.length > 0) return refused(applicationErrors.invalidInput(problems));
  return accepted({
    type: 'ApplicationReturned',
    data: {
      ...facts(state),
      status: 'RETURNED',
      reason: data.reason.trim(),
      returnedAt: now.toISOString(),
    },
  });
}

// OPS-1: a RETURNED one too, so that an application its applicant abandons holds no point for good.
function reject({ data }: RejectApplication, state: SubmittedApplication, now: Date): Decision {
  if (!isOpen(state)) {
    return refused(
      applicationErrors.invalidTransition(
        STATUS_LABELS[state.status],
        applicationMessages.actions.reject,
      ),
    );
  }
  const problems = reasonProblems(data.reason, { required: true });
  if (problems.length > 0) return refused(applicationErrors.invalidInput(problems));
  return accepted({
    type: 'ApplicationRejected',
    data: {
      ...facts(state),
      status: 'REJECTED',
      reason: data.reason.trim(),
      rejectedAt: now.toISOString(),
    },
  });
}

function complete({ data }: CompleteApplication, state: SubmittedApplication, now: Date): Decision {
  if (state.status !== 'IN_PROGRESS') {
    return refused(
      applicationErrors.invalidTransition(
        STATUS_LABELS[state.status],
        applicationMessages.actions.complete,
      ),
    );
  }
  const issuedPoints = data.issuedPoints ?? [];
  const problems = issuedPointProblems(state.meteringPoints, issuedPoints);
  if (problems.length > 0) return refused(applicationErrors.invalidInput(problems));
  const at = now.toISOString();
  const issued = withIssuedPoints(state.meteringPoints, issuedPoints);
  const completed = {
    type: 'ApplicationCompleted',
    data: {
      ...facts(state),
      status: 'COMPLETED',
      meteringPoints: issued.meteringPoints,
      completedAt: at,
    },
  } as const;
  if (issued.assignments.length === 0) return accepted(completed);
  return accepted(
    {
      type: 'PointIdsIssued',
      data: {
        ...facts(state),
        assignments: issued.assignments,
        meteringPoints: issued.meteringPoints,
        issuedAt: at,
      },
    },
    completed,
  );
}

function facts(state: SubmittedApplication) {
  return {
    applicationId: state.applicationId,
    ownerAccountId: state.ownerAccountId,
    kind: state.kind,
  };
}
