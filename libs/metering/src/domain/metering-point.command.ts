import type { ApplicationOutcome, MeteringPointKind, TerminalType } from './metering-point.event';

export type ClaimingApplicationKind = 'NEW' | 'TERMINATION' | 'ACTIVATION';

/** MTR-1: an operator or an import states what the registry should hold for the point. */
export interface RecordMeteringPoint {
  readonly type: 'RecordMeteringPoint';
  readonly data: {
    readonly pointId: string;
    readonly kind: MeteringPointKind;
    /** Null keeps the meter ID the registry knows (none for a new point). */
    readonly meterId: string | null;
    readonly terminalType: TerminalType;
    readonly island: boolean;
  };
}

/** MTR-2: an application names the point. */
export interface ClaimPoint {
  readonly type: 'ClaimPoint';
  readonly data: {
    readonly pointId: string;
    readonly kind: MeteringPointKind;
    readonly applicationId: number;
    readonly applicationKind: ClaimingApplicationKind;
    /** Used only when the claim starts the point's stream. */
    readonly meterId: string | null;
  };
}

/** The application ended (OPS-4 when it completed). */
export interface ReleasePoint {
  readonly type: 'ReleasePoint';
  readonly data: {
    readonly applicationId: number;
    readonly outcome: ApplicationOutcome;
  };
}

export type MeteringPointCommand = RecordMeteringPoint | ClaimPoint | ReleasePoint;
