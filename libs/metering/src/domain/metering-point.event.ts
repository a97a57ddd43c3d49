/*
 * The MeteringPoint aggregate's facts, stream `metering-point-<22-digit point ID>` (MTR-1).
 * Who acted (an operator, an import, an application's SYSTEM step) and when travel in the event
 * metadata. Events carry the values after the fact, so replay and the read model need no rules.
 */

export type MeteringPointKind = 'SUPPLY' | 'RECEPTION';
export type TerminalType = 'HIGH_VOLTAGE_TERMINAL' | 'OPTICAL' | 'UNKNOWN';
export type BRouteState = 'NOT_SUBSCRIBED' | 'PENDING' | 'ACTIVE' | 'TERMINATED';
/** MTR-2: only these hold a point; ACTIVATION works on an ACTIVE point without holding it. */
export type ClaimKind = 'NEW' | 'TERMINATION';
export type ApplicationOutcome = 'COMPLETED' | 'WITHDRAWN' | 'REJECTED' | 'ABANDONED';

/** The registry's description of a point, as an operator or an import states it. */
export interface PointDescription {
  readonly meterId: string | null;
  readonly terminalType: TerminalType;
  readonly island: boolean;
}

/**
 * The point entered the registry: by an operator or an import, or by the first application
 * naming it (then the terminal is UNKNOWN and the island flag false until an operator corrects).
 */
export interface MeteringPointRecorded {
  readonly type: 'MeteringPointRecorded';
  readonly data: PointDescription & {
    readonly pointId: string;
    readonly kind: MeteringPointKind;
    readonly bRouteState: BRouteState;
  };
}

/** An operator or an import corrected what the registry knew; the data is the whole new description. */
export interface MeteringPointCorrected {
  readonly type: 'MeteringPointCorrected';
  readonly data: PointDescription & { readonly pointId: string };
}

/** MTR-2: an open NEW or TERMINATION application now holds the point. */
export interface ApplicationClaimedPoint {
  readonly type: 'ApplicationClaimedPoint';
  readonly data: {
    readonly pointId: string;
    readonly applicationId: number;
    readonly applicationKind: ClaimKind;
    /** Restored when the application ends other than COMPLETED. */
    readonly bRouteStateBefore: BRouteState;
    readonly bRouteState: BRouteState;
  };
}

/** The application holding the point ended; OPS-4 sets the B-route state a completion leads to. */
export interface ApplicationReleasedPoint {
  readonly type: 'ApplicationReleasedPoint';
  readonly data: {
    readonly pointId: string;
    readonly applicationId: number;
    readonly applicationKind: ClaimKind;
    readonly outcome: ApplicationOutcome;
    readonly bRouteState: BRouteState;
  };
}

export type MeteringPointEvent =
  | MeteringPointRecorded
  | MeteringPointCorrected
  | ApplicationClaimedPoint
  | ApplicationReleasedPoint;

export type MeteringPointEventType = MeteringPointEvent['type'];
