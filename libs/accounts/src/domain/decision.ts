import type { AccountError } from './account-error';
import type { AccountEvent } from './account.event';

/**
 * A refusal may still record facts (a wrong password counts, an expired link voids the
 * registration): the handler appends `events` either way, then answers with the error.
 */
export type Decision =
  | { readonly ok: true; readonly events: readonly AccountEvent[] }
  | { readonly ok: false; readonly error: AccountError; readonly events: readonly AccountEvent[] };

export function accepted(...events: AccountEvent[]): Decision {
  return { ok: true, events };
}

export function refused(error: AccountError, ...events: AccountEvent[]): Decision {
  return { ok: false, error, events };
}
