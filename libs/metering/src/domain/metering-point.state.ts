import type {
  BRouteState,
  ClaimKind,
  MeteringPointKind,
  PointDescription,
} from './metering-point.event';

export interface OpenClaim {
  readonly applicationId: number;
  readonly kind: ClaimKind;
  readonly bRouteStateBefore: BRouteState;
}

export interface UnknownPoint {
  readonly status: 'Unknown';
}

export interface RegisteredPoint extends PointDescription {
  readonly status: 'Registered';
  readonly pointId: string;
  readonly kind: MeteringPointKind;
  readonly bRouteState: BRouteState;
  /** MTR-2: at most one at a time. */
  readonly claim: OpenClaim | null;
}

export type MeteringPointState = UnknownPoint | RegisteredPoint;

export const initialState: MeteringPointState = { status: 'Unknown' };
