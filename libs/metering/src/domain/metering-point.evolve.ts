import type { MeteringPointEvent } from './metering-point.event';
import type { MeteringPointState } from './metering-point.state';
import { unreachable } from '@app/event-sourcing/domain';

/** Folds one fact into the state; a fact that does not fit the state leaves it as it is. */
export function evolve(state: MeteringPointState, event: MeteringPointEvent): MeteringPointState {
  switch (event.type) {
    case 'MeteringPointRecorded': {
      if (state.status !== 'Unknown') return state;
      const { pointId, kind, meterId, terminalType, island, bRouteState } = event.data;
      return {
        status: 'Registered',
        pointId,
        kind,
        meterId,
        terminalType,
        island,
        bRouteState,
        claim: null,
      };
    }
    case 'MeteringPointCorrected': {
      if (state.status !== 'Registered') return state;
      const { meterId, terminalType, island } = event.data;
      return { ...state, meterId, terminalType, island };
    }
    case 'ApplicationClaimedPoint': {
      if (state.status !== 'Registered') return state;
      const { applicationId, applicationKind, bRouteStateBefore, bRouteState } = event.data;
      return {
        ...state,
        bRouteState,
        claim: { applicationId, kind: applicationKind, bRouteStateBefore },
      };
    }
    case 'ApplicationReleasedPoint':
      if (state.status !== 'Registered') return state;
      return { ...state, bRouteState: event.data.bRouteState, claim: null };
    default:
      return unreachable(event);
  }
}
