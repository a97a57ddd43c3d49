import type { ApplicationEvent } from './application.event';
import { isOpen, type ApplicationState } from './application.state';
import { unreachable } from '@app/event-sourcing/domain';

/**
 * Folds one event; an event that does not fit the state leaves it as it is, so a replay (or an
 * auditor's as-of fold) never throws.
 */
export function evolve(state: ApplicationState, event: ApplicationEvent): ApplicationState {
  switch (event.type) {
    case 'ApplicationSubmitted': {
      if (state.status !== 'NOT_SUBMITTED') return state;
      const { data } = event;
      return {
        status: 'RECEIVED',
        applicationId: data.applicationId,
        ownerAccountId: data.ownerAccountId,
        kind: data.kind,
        customer: data.customer,
        applicant: data.applicant,
        meteringPoints: data.meteringPoints,
        desiredStartDate: data.desiredStartDate,
        warnings: data.warnings,
        ...(data.termsVersion === undefined ? {} : { termsVersion: data.termsVersion }),
        registeredAt: data.submittedAt,
        updatedAt: data.submittedAt,
        statusReason: null,
      };
    }
    case 'ApplicationChanged': {
      if (state.status !== 'RECEIVED' && state.status !== 'RETURNED') return state;
      const { data } = event;
      return {
        ...state,
        status: 'RECEIVED',
        customer: data.customer,
        applicant: data.applicant,
        meteringPoints: data.meteringPoints,
        desiredStartDate: data.desiredStartDate,
        warnings: data.warnings,
        updatedAt: data.changedAt,
        statusReason: null,
      };
    }
    case 'ApplicationWithdrawn':
      if (state.status !== 'RECEIVED' && state.status !== 'RETURNED') return state;
      return {
        ...state,
        status: 'WITHDRAWN',
        statusReason: event.data.reason,
        updatedAt: event.data.withdrawnAt,
      };
    case 'ProcessingStarted':
      if (state.status !== 'RECEIVED') return state;
      return { ...state, status: 'IN_PROGRESS', updatedAt: event.data.startedAt };
    case 'ApplicationReturned':
      if (state.status !== 'RECEIVED' && state.status !== 'IN_PROGRESS') return state;
      return {
        ...state,
        status: 'RETURNED',
        statusReason: event.data.reason,
        updatedAt: event.data.returnedAt,
      };
    case 'ApplicationRejected':
      if (!isOpen(state)) return state;
      return {
        ...state,
        status: 'REJECTED',
        statusReason: event.data.reason,
        updatedAt: event.data.rejectedAt,
      };
    case 'PointIdsIssued':
      if (state.status !== 'IN_PROGRESS') return state;
      return { ...state, meteringPoints: event.data.meteringPoints };
    case 'ApplicationCompleted':
      if (state.status !== 'IN_PROGRESS') return state;
      return {
        ...state,
        status: 'COMPLETED',
        statusReason: null,
        updatedAt: event.data.completedAt,
      };
    default:
      return unreachable(event);
  }
}
