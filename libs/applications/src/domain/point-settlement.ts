import { unreachable } from '@app/event-sourcing/domain';
import type { ApplicationState } from './application.state';
import type { HoldOutcome } from './point-holds';

/** A point's open claim as its stream tells it. */
export interface HeldClaim {
  readonly pointId: string;
  readonly applicationId: number;
  /** The command that claimed it: the application's own event of that command carries the same. */
  readonly correlationId: string;
  readonly claimedAt: Date;
}

/** The claiming application as its stream tells it. */
export interface ClaimingApplication {
  readonly state: ApplicationState;
  readonly correlationIds: ReadonlySet<string>;
}

/**
 * MTR-2 where a store appends one stream at a time (EventStoreDB): a command's claims go first,
 * the application's events next, its releases last, so a crash can leave only two half-done
 * shapes, both readable off the events. A claim whose application event never appeared is
 * undone (ABANDONED) once `deadlineMs` has passed, so a command still in flight is left alone;
 * a claim the application has let go of (closed, or a change dropped the point) is finished with
 * the release the command would have appended. null: the claim stands.
 */
export function pointSettlement(
  claim: HeldClaim,
  application: ClaimingApplication,
  now: Date,
  deadlineMs: number,
): HoldOutcome | null {
  if (!application.correlationIds.has(claim.correlationId))
    return now.getTime() - claim.claimedAt.getTime() >= deadlineMs ? 'ABANDONED' : null;
  const { state } = application;
  switch (state.status) {
    case 'NOT_SUBMITTED':
      return 'ABANDONED';
    case 'COMPLETED':
    case 'REJECTED':
    case 'WITHDRAWN':
      return state.status;
    case 'RECEIVED':
    case 'IN_PROGRESS':
    case 'RETURNED':
      return state.meteringPoints.some((point) => point.pointId === claim.pointId)
        ? null
        : 'WITHDRAWN';
    default:
      return unreachable(state);
  }
}
