import type { ApplicationEvent, ApplicationKind } from './application.event';
import type { ApplicationState } from './application.state';
import { unreachable } from '@app/event-sourcing/domain';

/** How an application let go of a point; the registry applies OPS-4 on COMPLETED. */
export type HoldOutcome = 'COMPLETED' | 'WITHDRAWN' | 'REJECTED' | 'ABANDONED';

export interface PointClaim {
  readonly pointId: string;
  /** Where the point sits in the application's list, for the refusal's field path. */
  readonly index: number;
}

export interface PointRelease {
  readonly pointId: string;
  readonly outcome: HoldOutcome;
}

/** What an event asks of the metering point registry (MTR-2, OPS-4). */
export interface PointHolds {
  readonly kind: ApplicationKind;
  /** Taken before the event is appended, given back if the append fails. */
  readonly claims: readonly PointClaim[];
  /** Given back once the event is appended. */
  readonly releases: readonly PointRelease[];
}

/**
 * MTR-2: an open application holds its metering points in the registry. Unissued IDs (APP-5) are
 * all alike until an operator completes them, so they hold nothing: two new installations must
 * not block each other.
 */
export function pointHoldsOf(before: ApplicationState, event: ApplicationEvent): PointHolds {
  const issued = (points: readonly { pointId: string; unissued: boolean }[]) =>
    points.flatMap((point, index) => (point.unissued ? [] : [{ pointId: point.pointId, index }]));
  const releasingAll = (outcome: HoldOutcome): PointRelease[] =>
    before.status === 'NOT_SUBMITTED'
      ? []
      : issued(before.meteringPoints).map(({ pointId }) => ({ pointId, outcome }));
  const { kind } = event.data;
  switch (event.type) {
    case 'ApplicationSubmitted':
      return { kind, claims: issued(event.data.meteringPoints), releases: [] };
    case 'ApplicationChanged': {
      const held = new Set(
        before.status === 'NOT_SUBMITTED'
          ? []
          : issued(before.meteringPoints).map((p) => p.pointId),
      );
      const wanted = issued(event.data.meteringPoints);
      const kept = new Set(wanted.map((point) => point.pointId));
      return {
        kind,
        claims: wanted.filter((point) => !held.has(point.pointId)),
        releases: [...held]
          .filter((pointId) => !kept.has(pointId))
          .map((pointId) => ({ pointId, outcome: 'WITHDRAWN' })),
      };
    }
    case 'ApplicationWithdrawn':
      return { kind, claims: [], releases: releasingAll('WITHDRAWN') };
    case 'ApplicationRejected':
      return { kind, claims: [], releases: releasingAll('REJECTED') };
    // OPS-4: the issued IDs are real points now; they enter the registry held by this NEW
    // (meter ID from the application) and the completion right after makes them ACTIVE.
    case 'PointIdsIssued':
      return {
        kind,
        claims: event.data.assignments.map(({ index, pointId }) => ({ pointId, index })),
        releases: [],
      };
    // The completed list, not the one before: it holds the IDs issued in the same decision.
    case 'ApplicationCompleted':
      return {
        kind,
        claims: [],
        releases: issued(event.data.meteringPoints).map(({ pointId }) => ({
          pointId,
          outcome: 'COMPLETED',
        })),
      };
    case 'ProcessingStarted':
    case 'ApplicationReturned':
      return { kind, claims: [], releases: [] };
    default:
      return unreachable(event);
  }
}
