import type { ClaimingApplicationKind } from '../domain/metering-point.command';
import type {
  ApplicationOutcome,
  BRouteState,
  ClaimKind,
  MeteringPointEvent,
  PointDescription,
} from '../domain/metering-point.event';

export const POINT_ID = '0310111234567890123456';
export const METER_ID = 'F146832';
export const APPLICATION_ID = 42006;
export const OTHER_APPLICATION_ID = 42007;

const highVoltage: PointDescription = {
  meterId: METER_ID,
  terminalType: 'HIGH_VOLTAGE_TERMINAL',
  island: false,
};

export function recorded(description: Partial<PointDescription> = {}): MeteringPointEvent {
  return {
    type: 'MeteringPointRecorded',
    data: {
      pointId: POINT_ID,
      kind: 'SUPPLY',
      ...highVoltage,
      ...description,
      bRouteState: 'NOT_SUBSCRIBED',
    },
  };
}

export function corrected(description: PointDescription): MeteringPointEvent {
  return { type: 'MeteringPointCorrected', data: { pointId: POINT_ID, ...description } };
}

export function claimed(
  applicationKind: ClaimKind,
  bRouteStateBefore: BRouteState,
  bRouteState: BRouteState,
  applicationId = APPLICATION_ID,
): MeteringPointEvent {
  return {
    type: 'ApplicationClaimedPoint',
    data: { pointId: POINT_ID, applicationId, applicationKind, bRouteStateBefore, bRouteState },
  };
}

export function released(
  applicationKind: ClaimKind,
  outcome: ApplicationOutcome,
  bRouteState: BRouteState,
  applicationId = APPLICATION_ID,
): MeteringPointEvent {
  return {
    type: 'ApplicationReleasedPoint',
    data: { pointId: POINT_ID, applicationId, applicationKind, outcome, bRouteState },
  };
}

/** A point whose NEW application completed: B-route ACTIVE, nothing holding it. */
export function activePoint(): MeteringPointEvent[] {
  return [
    recorded(),
    claimed('NEW', 'NOT_SUBSCRIBED', 'PENDING', 1),
    released('NEW', 'COMPLETED', 'ACTIVE', 1),
  ];
}

export function claim(applicationKind: ClaimingApplicationKind, applicationId = APPLICATION_ID) {
  return {
    type: 'ClaimPoint',
    data: { pointId: POINT_ID, kind: 'SUPPLY', applicationId, applicationKind, meterId: METER_ID },
  } as const;
}

export function release(outcome: ApplicationOutcome, applicationId = APPLICATION_ID) {
  return { type: 'ReleasePoint', data: { applicationId, outcome } } as const;
}

export function record(description: Partial<PointDescription> = {}) {
  return {
    type: 'RecordMeteringPoint',
    data: { pointId: POINT_ID, kind: 'SUPPLY', ...highVoltage, ...description },
  } as const;
}
