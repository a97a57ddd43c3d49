import type { AccountEventType } from './account.event';
import { SESSION_ENDING_EVENTS } from './account.event';

/** A bearer token lives at most this long; the issue asks for no more than one hour. */
export const SESSION_LIFETIME_MS = 60 * 60 * 1000;

const ENDING = new Set<AccountEventType>(SESSION_ENDING_EVENTS);

/** Whether saving an event of this type must end every session of its account. */
export function endsSessions(eventType: AccountEventType): boolean {
  return ENDING.has(eventType);
}
