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
import type { ApplicationState, SubmittedApplication } from './application.state';
import { accepted, refused } from '@app/event-sourcing/domain';
import type { ApplicationDecision as Decision } from './application-error';
import { reasonProblems, withdrawalReason } from './reason-rules';
import { unreachable } from '@app/event-sourcing/domain';

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
          message: 'お客さまが利用規約に同意していることを確認してください。',
        },
      ]),
    );
  }
  if (data.meteringPoints.length === 0) {
    return refused(
      applicationErrors.invalidInput([
        {
          field: 'meteringPoints',
          code: 'REQUIRED',
          message: '地点を1件以上入力してください。',
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
        { field: 'meteringPoints', code: 'REQUIRED', message: '地点を1件以上入力してください。' },
      ]),
    );
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
      desiredStartDate: changes.desiredStartDate?.value ?? state.desiredStartDate,
      warnings: changes.desiredStartDate?.warnings ?? state.warnings,
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
    return refused(applicationErrors.invalidTransition(STATUS_LABELS[state.status], '手続開始'));
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
    return refused(applicationErrors.invalidTransition(STATUS_LABELS[state.status], '差戻し'));
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

function reject({ data }: RejectApplication, state: SubmittedApplication, now: Date): Decision {
  if (state.status !== 'RECEIVED' && state.status !== 'IN_PROGRESS') {
    return refused(applicationErrors.invalidTransition(STATUS_LABELS[state.status], '受付不可に'));
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

function complete(_command: CompleteApplication, state: SubmittedApplication, now: Date): Decision {
  if (state.status !== 'IN_PROGRESS') {
    return refused(applicationErrors.invalidTransition(STATUS_LABELS[state.status], '完了に'));
  }
  return accepted({
    type: 'ApplicationCompleted',
    data: {
      ...facts(state),
      status: 'COMPLETED',
      meteringPoints: state.meteringPoints,
      completedAt: now.toISOString(),
    },
  });
}

function facts(state: SubmittedApplication) {
  return {
    applicationId: state.applicationId,
    ownerAccountId: state.ownerAccountId,
    kind: state.kind,
  };
}
