import type { ApplicationError } from './application-error';
import type { ApplicationEvent } from './application.event';

/** A refusal appends nothing: application refusals record no facts. */
export type Decision =
  | { readonly ok: true; readonly events: readonly ApplicationEvent[] }
  | { readonly ok: false; readonly error: ApplicationError };

export function accepted(...events: ApplicationEvent[]): Decision {
  return { ok: true, events };
}

export function refused(error: ApplicationError): Decision {
  return { ok: false, error };
}
