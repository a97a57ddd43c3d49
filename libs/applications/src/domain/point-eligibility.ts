import type { FieldError } from '@app/event-sourcing';
import { applicationErrors, type ApplicationError } from './application-error';
import type { ApplicationKind, ApplicationMeteringPoint } from './application.event';
import { applicationMessages, KIND_LABELS } from '../messages';

/** What the metering point registry knows of a point (MTR-1), as far as applications care. */
export interface KnownMeteringPoint {
  readonly terminalType: 'HIGH_VOLTAGE_TERMINAL' | 'OPTICAL' | 'UNKNOWN';
  readonly island: boolean;
  readonly bRouteState: 'NOT_SUBSCRIBED' | 'PENDING' | 'ACTIVE' | 'TERMINATED';
}

export interface PointToCheck {
  readonly point: ApplicationMeteringPoint;
  /** Its place in the input, for the field path. */
  readonly index: number;
  /** null: the registry does not know it (yet). */
  readonly known: KnownMeteringPoint | null;
}

/**
 * APP-8: a point the registry knows to be on an island or behind an optical terminal is not
 * served (an unknown one is left to the operator, who rejects it). OPS-4: ACTIVATION is for
 * points whose B-route is ACTIVE, which an unknown point is not shown to be; TERMINATION too,
 * where the registry knows the point (an unknown one is the operator's call).
 */
export function eligibilityRefusal(
  kind: ApplicationKind,
  points: readonly PointToCheck[],
): ApplicationError | null {
  const notServed: FieldError[] = points.flatMap(({ index, known }) => {
    if (known === null) return [];
    const field = `meteringPoints[${index}].pointId`;
    if (known.island) {
      return [{ field, code: 'ISLAND', message: applicationMessages.island }];
    }
    if (known.terminalType === 'OPTICAL') {
      return [{ field, code: 'OPTICAL_TERMINAL', message: applicationMessages.opticalTerminal }];
    }
    return [];
  });
  if (notServed.length > 0) return applicationErrors.notServed(notServed);
  if (kind === 'NEW') return null;
  const inactive: FieldError[] = points
    .filter(({ known }) =>
      kind === 'ACTIVATION'
        ? known?.bRouteState !== 'ACTIVE'
        : known !== null && known.bRouteState !== 'ACTIVE',
    )
    .map(({ index }) => ({
      field: `meteringPoints[${index}].pointId`,
      code: 'B_ROUTE_NOT_ACTIVE',
      message: applicationMessages.notActive(KIND_LABELS[kind]),
    }));
  return inactive.length > 0 ? applicationErrors.invalidInput(inactive) : null;
}
