import type { MeteringPointError } from './metering-point-error';
import type { MeteringPointEvent } from './metering-point.event';

/** No events on an accepted decision means there was nothing to change (a repeat is a no-op). */
export type Decision =
  | { readonly ok: true; readonly events: readonly MeteringPointEvent[] }
  | { readonly ok: false; readonly error: MeteringPointError };

export function accepted(...events: MeteringPointEvent[]): Decision {
  return { ok: true, events };
}

export function refused(error: MeteringPointError): Decision {
  return { ok: false, error };
}
