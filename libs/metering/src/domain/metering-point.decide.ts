import { accepted, refused } from '@app/event-sourcing/domain';
import type { MeteringPointDecision as Decision } from './metering-point-error';
import { meteringPointErrors } from './metering-point-error';
import type {
  ClaimPoint,
  MeteringPointCommand,
  RecordMeteringPoint,
  ReleasePoint,
} from './metering-point.command';
import type { BRouteState, ClaimKind, MeteringPointRecorded } from './metering-point.event';
import type { MeteringPointState } from './metering-point.state';
import { unreachable } from '@app/event-sourcing/domain';

export function decide(command: MeteringPointCommand, state: MeteringPointState): Decision {
  switch (command.type) {
    case 'RecordMeteringPoint':
      return record(command, state);
    case 'ClaimPoint':
      return claim(command, state);
    case 'ReleasePoint':
      return release(command, state);
    default:
      return unreachable(command);
  }
}

/** MTR-1: a new point is recorded; a known one corrected, and only when something differs. */
function record({ data }: RecordMeteringPoint, state: MeteringPointState): Decision {
  if (state.status === 'Unknown') {
    return accepted({
      type: 'MeteringPointRecorded',
      data: { ...data, bRouteState: 'NOT_SUBSCRIBED' },
    });
  }
  const corrected = {
    meterId: data.meterId ?? state.meterId,
    terminalType: data.terminalType,
    island: data.island,
  };
  if (
    corrected.meterId === state.meterId &&
    corrected.terminalType === state.terminalType &&
    corrected.island === state.island
  ) {
    return accepted();
  }
  return accepted({
    type: 'MeteringPointCorrected',
    data: { pointId: state.pointId, ...corrected },
  });
}

/** MTR-2: one open NEW or TERMINATION application per point; ACTIVATION holds nothing. */
function claim({ data }: ClaimPoint, state: MeteringPointState): Decision {
  const { applicationKind } = data;
  if (applicationKind === 'ACTIVATION') return accepted();
  if (state.status === 'Unknown') {
    // The application names a point the registry has not heard of: it enters with what the
    // application says, for an operator to complete (APP-8 is then checked by hand).
    const recorded: MeteringPointRecorded = {
      type: 'MeteringPointRecorded',
      data: {
        pointId: data.pointId,
        kind: data.kind,
        meterId: data.meterId,
        terminalType: 'UNKNOWN',
        island: false,
        bRouteState: 'NOT_SUBSCRIBED',
      },
    };
    return accepted(
      recorded,
      claimed(data.applicationId, applicationKind, 'NOT_SUBSCRIBED', data.pointId),
    );
  }
  if (state.claim !== null) {
    if (state.claim.applicationId === data.applicationId) return accepted();
    return refused(
      meteringPointErrors.heldByAnotherApplication(
        state.pointId,
        state.claim.applicationId,
        state.claim.kind,
      ),
    );
  }
  return accepted(claimed(data.applicationId, applicationKind, state.bRouteState, state.pointId));
}

function claimed(applicationId: number, kind: ClaimKind, before: BRouteState, pointId: string) {
  return {
    type: 'ApplicationClaimedPoint',
    data: {
      pointId,
      applicationId,
      applicationKind: kind,
      bRouteStateBefore: before,
      bRouteState: bRouteStateWhileClaimed(kind, before),
    },
  } as const;
}

// APP-11: a NEW application on an ACTIVE point (e.g. work on the operator's terminal for a new EMS)
// does not interrupt the running B-route, so only a point not yet served becomes PENDING.
function bRouteStateWhileClaimed(kind: ClaimKind, before: BRouteState): BRouteState {
  if (kind === 'NEW' && before !== 'ACTIVE') return 'PENDING';
  return before;
}

/** OPS-4: completion sets the B-route state; any other end restores the one before the claim. */
function release({ data }: ReleasePoint, state: MeteringPointState): Decision {
  const held = state.status === 'Registered' ? state.claim : null;
  if (state.status === 'Unknown' || held?.applicationId !== data.applicationId) return accepted();
  return accepted({
    type: 'ApplicationReleasedPoint',
    data: {
      pointId: state.pointId,
      applicationId: held.applicationId,
      applicationKind: held.kind,
      outcome: data.outcome,
      bRouteState:
        data.outcome === 'COMPLETED' ? completedState(held.kind) : held.bRouteStateBefore,
    },
  });
}

function completedState(kind: ClaimKind): BRouteState {
  switch (kind) {
    case 'NEW':
      return 'ACTIVE';
    case 'TERMINATION':
      return 'TERMINATED';
    default:
      return unreachable(kind);
  }
}
