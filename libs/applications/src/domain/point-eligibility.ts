import type { FieldError } from '@app/event-sourcing';
import { applicationErrors, type ApplicationError } from './application-error';
import type { ApplicationKind, ApplicationMeteringPoint } from './application.event';

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
 * points whose B-route is ACTIVE, which an unknown point is not shown to be.
 */
export function eligibilityRefusal(
  kind: ApplicationKind,
  points: readonly PointToCheck[],
): ApplicationError | null {
  const notServed: FieldError[] = points.flatMap(({ index, known }) => {
    if (known === null) return [];
    const field = `meteringPoints[${index}].pointId`;
    if (known.island) {
      return [{ field, code: 'ISLAND', message: '離島の地点はBルートサービスの対象外です。' }];
    }
    if (known.terminalType === 'OPTICAL') {
      return [
        {
          field,
          code: 'OPTICAL_TERMINAL',
          message: '光通信の端末の地点はBルートサービスの対象外です。',
        },
      ];
    }
    return [];
  });
  if (notServed.length > 0) return applicationErrors.notServed(notServed);
  if (kind !== 'ACTIVATION') return null;
  const inactive: FieldError[] = points
    .filter(({ known }) => known?.bRouteState !== 'ACTIVE')
    .map(({ index }) => ({
      field: `meteringPoints[${index}].pointId`,
      code: 'B_ROUTE_NOT_ACTIVE',
      message: '活性化はBルートが利用中（開通済み）の地点についてのみ申し込めます。',
    }));
  return inactive.length > 0 ? applicationErrors.invalidInput(inactive) : null;
}
